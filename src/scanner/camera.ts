// Camera lifecycle, framework-free. start() and stop() may be called in any order and any
// number of times (React StrictMode mounts twice): every call bumps a generation counter, and a
// getUserMedia that resolves for an outdated generation has its tracks stopped at once — the
// @zxing/browser#28 bug, where stopping before the stream arrived left the camera on.

import { toCameraError, type CameraError } from './camera-errors.ts';

export type Facing = 'environment' | 'user';

export interface CameraInfo {
  deviceId: string;
  /** Empty until the user granted camera permission once (browser privacy rule). */
  label: string;
}

export interface CameraCapabilities {
  torch: boolean;
  zoom: { min: number; max: number; step: number } | null;
  deviceId: string | null;
  facing: Facing | null;
  width: number;
  height: number;
}

export interface CameraStartOptions {
  deviceId?: string;
  facing?: Facing;
  /** Ideal capture size; 1280×720 resolves 1D barcodes at arm's length without slowing decodes much. */
  width?: number;
  height?: number;
}

export type CameraStartResult =
  | { status: 'started'; stream: MediaStream }
  /** stop() or a newer start() came first; nothing is left running. */
  | { status: 'superseded' }
  | { status: 'failed'; error: CameraError };

export interface CameraEnv {
  mediaDevices: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'> | undefined;
  isSecureContext: boolean;
}

type TorchZoomCaps = MediaTrackCapabilities & { torch?: boolean; zoom?: { min: number; max: number; step?: number } };

function browserEnv(): CameraEnv {
  return {
    mediaDevices: typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined,
    isSecureContext: globalThis.isSecureContext !== false,
  };
}

export class Camera {
  private generation = 0;
  private stream: MediaStream | null = null;
  private torchOn = false;

  constructor(
    private readonly video: HTMLVideoElement | null,
    private readonly env: CameraEnv = browserEnv(),
  ) {}

  get active(): boolean {
    return this.stream !== null;
  }

  get track(): MediaStreamTrack | null {
    return this.stream?.getVideoTracks()[0] ?? null;
  }

  async start(options: CameraStartOptions = {}): Promise<CameraStartResult> {
    const gen = this.release();
    const devices = this.env.mediaDevices;
    if (!this.env.isSecureContext) return { status: 'failed', error: { kind: 'insecure_context', detail: 'not a secure context' } };
    if (!devices || typeof devices.getUserMedia !== 'function') {
      return { status: 'failed', error: { kind: 'unsupported', detail: 'navigator.mediaDevices.getUserMedia is missing' } };
    }
    const video: MediaTrackConstraints = {
      width: { ideal: options.width ?? 1280 },
      height: { ideal: options.height ?? 720 },
      ...(options.deviceId
        ? { deviceId: { exact: options.deviceId } }
        : { facingMode: { ideal: options.facing ?? 'environment' } }),
    };
    let stream: MediaStream;
    try {
      stream = await devices.getUserMedia({ video, audio: false });
    } catch (err) {
      if (gen !== this.generation) return { status: 'superseded' };
      return { status: 'failed', error: toCameraError(err, this.env) };
    }
    if (gen !== this.generation) {
      stopStream(stream);
      return { status: 'superseded' };
    }
    this.stream = stream;
    if (this.video) {
      const el = this.video;
      el.muted = true;
      el.playsInline = true;
      el.setAttribute('playsinline', '');
      el.srcObject = stream;
      try {
        await el.play();
      } catch (err) {
        // play() rejects with AbortError when srcObject changed meanwhile (a newer start/stop).
        if (gen !== this.generation) return { status: 'superseded' };
        this.release();
        return { status: 'failed', error: toCameraError(err, this.env) };
      }
      if (gen !== this.generation) return { status: 'superseded' };
    }
    return { status: 'started', stream };
  }

  /** Idempotent; safe while start() is still pending. */
  stop(): void {
    this.release();
  }

  async listCameras(): Promise<CameraInfo[]> {
    const devices = this.env.mediaDevices;
    if (!devices || typeof devices.enumerateDevices !== 'function') return [];
    try {
      const all = await devices.enumerateDevices();
      return all.filter((d) => d.kind === 'videoinput').map((d) => ({ deviceId: d.deviceId, label: d.label }));
    } catch {
      return [];
    }
  }

  capabilities(): CameraCapabilities {
    const track = this.track;
    const caps = (track && typeof track.getCapabilities === 'function' ? track.getCapabilities() : {}) as TorchZoomCaps;
    const settings = track?.getSettings() ?? {};
    const zoom = caps.zoom && typeof caps.zoom.max === 'number' && caps.zoom.max > caps.zoom.min
      ? { min: caps.zoom.min, max: caps.zoom.max, step: caps.zoom.step ?? 0.1 }
      : null;
    const facing = settings.facingMode === 'user' || settings.facingMode === 'environment' ? settings.facingMode : null;
    return {
      torch: caps.torch === true,
      zoom,
      deviceId: settings.deviceId ?? null,
      facing,
      width: settings.width ?? 0,
      height: settings.height ?? 0,
    };
  }

  get torch(): boolean {
    return this.torchOn;
  }

  /** Returns false where the track has no torch or the browser refused. */
  async setTorch(on: boolean): Promise<boolean> {
    const track = this.track;
    if (!track || !this.capabilities().torch) return false;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      this.torchOn = on;
      return true;
    } catch {
      return false;
    }
  }

  /** Clamps to the track's range; false where zoom is not supported. */
  async setZoom(zoom: number): Promise<boolean> {
    const track = this.track;
    const range = this.capabilities().zoom;
    if (!track || !range) return false;
    const value = Math.min(range.max, Math.max(range.min, zoom));
    try {
      await track.applyConstraints({ advanced: [{ zoom: value } as MediaTrackConstraintSet] });
      return true;
    } catch {
      return false;
    }
  }

  /** Stops whatever runs now and invalidates pending starts; returns the new generation. */
  private release(): number {
    this.generation++;
    if (this.stream) stopStream(this.stream);
    this.stream = null;
    this.torchOn = false;
    if (this.video && this.video.srcObject) {
      this.video.pause();
      this.video.srcObject = null;
    }
    return this.generation;
  }
}

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
