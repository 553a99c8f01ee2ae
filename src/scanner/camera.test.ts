import { describe, expect, it } from 'vitest';
import { Camera, type CameraEnv } from './camera.ts';
import { toCameraError } from './camera-errors.ts';

class FakeTrack {
  stopped = false;
  applied: unknown[] = [];
  constructor(private readonly caps: Record<string, unknown> = {}) {}
  stop() {
    this.stopped = true;
  }
  getCapabilities() {
    return this.caps;
  }
  getSettings() {
    return { deviceId: 'rear', facingMode: 'environment', width: 1280, height: 720 };
  }
  applyConstraints(c: unknown) {
    this.applied.push(c);
    return Promise.resolve();
  }
}

function fakeStream(track = new FakeTrack()) {
  return { track, stream: { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream };
}

/** getUserMedia whose promises the test settles by hand, in any order. */
function deferredMedia() {
  const calls: { constraints: MediaStreamConstraints; resolve: (s: MediaStream) => void; reject: (e: unknown) => void }[] = [];
  const env: CameraEnv = {
    isSecureContext: true,
    mediaDevices: {
      getUserMedia: (constraints?: MediaStreamConstraints) =>
        new Promise<MediaStream>((resolve, reject) => calls.push({ constraints: constraints ?? {}, resolve, reject })),
      enumerateDevices: () =>
        Promise.resolve([
          { kind: 'audioinput', deviceId: 'mic', label: 'Mic' },
          { kind: 'videoinput', deviceId: 'rear', label: 'Back camera' },
          { kind: 'videoinput', deviceId: 'front', label: 'Front camera' },
        ] as MediaDeviceInfo[]),
    },
  };
  return { env, calls };
}

function fakeVideo() {
  return {
    srcObject: null as MediaStream | null,
    muted: false,
    playsInline: false,
    paused: true,
    setAttribute() {},
    play() {
      this.paused = false;
      return Promise.resolve();
    },
    pause() {
      this.paused = true;
    },
  };
}

describe('Camera start/stop races', () => {
  it('stops the track when getUserMedia resolves after stop() (StrictMode double mount)', async () => {
    const { env, calls } = deferredMedia();
    const cam = new Camera(null, env);
    const pending = cam.start();
    cam.stop();
    const { track, stream } = fakeStream();
    calls[0]!.resolve(stream);
    expect(await pending).toEqual({ status: 'superseded' });
    expect(track.stopped).toBe(true);
    expect(cam.active).toBe(false);
  });

  it('mount, unmount, mount: only the last stream stays on, whatever order the promises settle in', async () => {
    const { env, calls } = deferredMedia();
    const video = fakeVideo();
    const cam = new Camera(video as unknown as HTMLVideoElement, env);
    const first = cam.start();
    cam.stop();
    const second = cam.start();
    const a = fakeStream();
    const b = fakeStream();
    calls[1]!.resolve(b.stream);
    calls[0]!.resolve(a.stream);
    expect(await first).toEqual({ status: 'superseded' });
    expect(await second).toMatchObject({ status: 'started' });
    expect(a.track.stopped).toBe(true);
    expect(b.track.stopped).toBe(false);
    expect(video.srcObject).toBe(b.stream);
    cam.stop();
    cam.stop(); // idempotent
    expect(b.track.stopped).toBe(true);
    expect(video.srcObject).toBeNull();
  });

  it('a failure of an outdated start is not reported as an error', async () => {
    const { env, calls } = deferredMedia();
    const cam = new Camera(null, env);
    const pending = cam.start();
    cam.stop();
    calls[0]!.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    expect(await pending).toEqual({ status: 'superseded' });
  });

  it('asks for the rear camera by default, the front one on request, a device by id', async () => {
    const { env, calls } = deferredMedia();
    const cam = new Camera(null, env);
    void cam.start();
    void cam.start({ facing: 'user' });
    void cam.start({ deviceId: 'front' });
    const video = (i: number) => calls[i]!.constraints.video as MediaTrackConstraints;
    expect(video(0).facingMode).toEqual({ ideal: 'environment' });
    expect(video(1).facingMode).toEqual({ ideal: 'user' });
    expect(video(2).deviceId).toEqual({ exact: 'front' });
    expect(await cam.listCameras()).toEqual([
      { deviceId: 'rear', label: 'Back camera' },
      { deviceId: 'front', label: 'Front camera' },
    ]);
  });

  it('maps getUserMedia errors to typed kinds', async () => {
    const { env, calls } = deferredMedia();
    const cam = new Camera(null, env);
    const pending = cam.start();
    calls[0]!.reject(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }));
    expect(await pending).toMatchObject({ status: 'failed', error: { kind: 'permission_denied' } });
  });

  it('reports insecure context and missing getUserMedia without calling it', async () => {
    expect(await new Camera(null, { isSecureContext: false, mediaDevices: undefined }).start()).toMatchObject({
      status: 'failed',
      error: { kind: 'insecure_context' },
    });
    expect(await new Camera(null, { isSecureContext: true, mediaDevices: undefined }).start()).toMatchObject({
      status: 'failed',
      error: { kind: 'unsupported' },
    });
  });

  it('torch and zoom only where the track has them', async () => {
    const { env, calls } = deferredMedia();
    const cam = new Camera(null, env);
    expect(await cam.setTorch(true)).toBe(false);
    const plain = cam.start();
    calls[0]!.resolve(fakeStream(new FakeTrack()).stream);
    await plain;
    expect(cam.capabilities()).toMatchObject({ torch: false, zoom: null, facing: 'environment' });
    expect(await cam.setTorch(true)).toBe(false);
    expect(await cam.setZoom(2)).toBe(false);

    const rich = new FakeTrack({ torch: true, zoom: { min: 1, max: 5, step: 0.5 } });
    const p = cam.start();
    calls[1]!.resolve(fakeStream(rich).stream);
    await p;
    expect(cam.capabilities()).toMatchObject({ torch: true, zoom: { min: 1, max: 5, step: 0.5 } });
    expect(await cam.setTorch(true)).toBe(true);
    expect(cam.torch).toBe(true);
    expect(await cam.setZoom(9)).toBe(true);
    expect(rich.applied).toEqual([{ advanced: [{ torch: true }] }, { advanced: [{ zoom: 5 }] }]);
  });
});

describe('toCameraError', () => {
  const e = (name: string) => Object.assign(new Error('x'), { name });
  it.each([
    ['NotAllowedError', 'permission_denied'],
    ['SecurityError', 'permission_denied'],
    ['NotFoundError', 'no_camera'],
    ['OverconstrainedError', 'no_camera'],
    ['NotReadableError', 'in_use'],
    ['AbortError', 'in_use'],
    ['TypeError', 'unsupported'],
    ['WeirdError', 'other'],
  ])('%s → %s', (name, kind) => {
    expect(toCameraError(e(name), { isSecureContext: true }).kind).toBe(kind);
  });
  it('an insecure context wins over the error name', () => {
    expect(toCameraError(e('NotAllowedError'), { isSecureContext: false }).kind).toBe('insecure_context');
  });
});
