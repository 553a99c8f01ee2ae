// The one object the UI talks to: camera + decode worker + loop + repeat filter + hints.
// Create it once per scan screen (formats are fixed for its lifetime: create a new one when the
// setting changes), start()/stop() freely, destroy() on unmount.

import { Camera, type CameraCapabilities, type CameraInfo, type Facing } from './camera.ts';
import type { CameraError } from './camera-errors.ts';
import { createDecoder } from './decoder.ts';
import type { EngineKind } from './engines/engine.ts';
import { normaliseFormats, type ScanFormat } from './formats.ts';
import type { FrameResult } from './frame-processor.ts';
import { createHintTracker, type HintOptions, type ScanHint } from './hints.ts';
import { createDecodeLoop, type LoopCounters } from './loop.ts';
import { createRepeatFilter, DEFAULT_REPEAT_WINDOW_MS } from './repeat-filter.ts';
import { normaliseRoi, type Roi } from './roi.ts';

export interface CodeMeta {
  engine: EngineKind;
  /** Our format name: 'qr_code', 'code_128', 'ean_13', 'itf', … */
  format: string;
  /** Time inside the decoder for this frame. */
  decodeMs: number;
  /** performance.now() when the frame was grabbed from the video. */
  frameAt: number;
  /** From grabbing the frame to this callback (crop + transfer + decode + reply). */
  latencyMs: number;
}

export type ScannerError = CameraError | { kind: 'decoder_failed'; detail: string };

export type ScannerStartResult =
  | { status: 'started'; engine: EngineKind }
  | { status: 'superseded' }
  | { status: 'failed'; error: ScannerError };

export interface ScannerOptions {
  video: HTMLVideoElement;
  formats?: readonly ScanFormat[];
  /** Centre fraction decoded at full resolution, in turn with the whole frame (number = both sides); default 0.8 × 0.8. */
  roi?: number | Roi;
  /** Longest side of the ROI after downscaling; default 1280. */
  maxDecodeSide?: number;
  /** The last verdict's code ignored until unseen for this long (others while in view: repeat-filter.ts); default 3000. */
  repeatWindowMs?: number;
  /** Force an engine (settings/diagnostics); default: the device's best. */
  engine?: EngineKind;
  /** false: decode on the main thread. Default: a module worker. */
  worker?: boolean;
  /** Camera to prefer when start() gets no deviceId; default 'environment' (rear). */
  facing?: Facing;
  /** Thresholds for onHint; false disables hints. */
  hints?: HintOptions | false;
  onCode(text: string, meta: CodeMeta): void;
  /** null clears the previous hint. */
  onHint?(hint: ScanHint | null): void;
  onError?(error: ScannerError): void;
}

export interface Scanner {
  /** Opens the camera (the given device, else options.facing) and starts decoding. */
  start(deviceId?: string): Promise<ScannerStartResult>;
  /** Switch between rear and front camera (restarts the stream). */
  startFacing(facing: Facing): Promise<ScannerStartResult>;
  /** Stops decoding and every camera track. Idempotent, safe while start() is pending. */
  stop(): void;
  /** stop() and end the decode worker; the object is unusable afterwards. */
  destroy(): void;
  setTorch(on: boolean): Promise<boolean>;
  setZoom(zoom: number): Promise<boolean>;
  capabilities(): CameraCapabilities;
  listCameras(): Promise<CameraInfo[]>;
  /** The engine that decodes (resolves once the decoder has started). */
  engine(): Promise<EngineKind>;
  /** 'worker' normally; 'main' where module workers could not start. */
  thread(): Promise<'worker' | 'main'>;
  /** Accept the next read of every code at once (e.g. after the verdict screen was dismissed). */
  resetRepeats(): void;
  counters(): LoopCounters;
  readonly running: boolean;
}

export function createScanner(options: ScannerOptions): Scanner {
  const formats = normaliseFormats(options.formats);
  const camera = new Camera(options.video);
  const decoder = createDecoder({ formats, ...(options.engine ? { engine: options.engine } : {}), ...(options.worker === false ? { worker: false } : {}) });
  const repeats = createRepeatFilter({ windowMs: options.repeatWindowMs ?? DEFAULT_REPEAT_WINDOW_MS });
  const hints = options.hints === false ? null : createHintTracker(options.hints ?? {});
  let shownHint: ScanHint | null = null;
  let startGen = 0;
  let destroyed = false;

  const showHint = (hint: ScanHint | null) => {
    if (hint === shownHint) return;
    shownHint = hint;
    options.onHint?.(hint);
  };

  const onResult = (result: FrameResult, frameAt: number) => {
    const hit = result.hit;
    if (hints) showHint(hints.frame(result.stats, hit !== null));
    if (!hit || !repeats.accept(hit.text)) return;
    options.onCode(hit.text, {
      engine: result.engine,
      format: hit.format,
      decodeMs: result.decodeMs,
      frameAt,
      latencyMs: performance.now() - frameAt,
    });
  };

  const loop = createDecodeLoop({
    video: options.video,
    decoder,
    roi: normaliseRoi(options.roi),
    ...(options.maxDecodeSide ? { maxDecodeSide: options.maxDecodeSide } : {}),
    onResult,
    onError: (err) => options.onError?.({ kind: 'decoder_failed', detail: String(err) }),
  });

  async function begin(camOptions: { deviceId?: string; facing?: Facing }): Promise<ScannerStartResult> {
    if (destroyed) return { status: 'superseded' };
    const gen = ++startGen;
    loop.stop();
    const res = await camera.start(camOptions);
    if (res.status !== 'started') {
      if (res.status === 'failed' && gen === startGen) options.onError?.(res.error);
      return res.status === 'failed' ? res : { status: 'superseded' };
    }
    let engine: EngineKind;
    try {
      engine = await decoder.ready;
    } catch (err) {
      if (gen !== startGen) return { status: 'superseded' };
      camera.stop();
      const error: ScannerError = { kind: 'decoder_failed', detail: String(err) };
      options.onError?.(error);
      return { status: 'failed', error };
    }
    if (gen !== startGen) return { status: 'superseded' };
    hints?.reset();
    loop.start();
    return { status: 'started', engine };
  }

  function stop() {
    startGen++;
    loop.stop();
    camera.stop();
    showHint(null);
  }

  return {
    start: (deviceId) => begin(deviceId ? { deviceId } : { facing: options.facing ?? 'environment' }),
    startFacing: (facing) => begin({ facing }),
    stop,
    destroy() {
      stop();
      destroyed = true;
      decoder.dispose();
    },
    setTorch: (on) => camera.setTorch(on),
    setZoom: (zoom) => camera.setZoom(zoom),
    capabilities: () => camera.capabilities(),
    listCameras: () => camera.listCameras(),
    engine: () => decoder.ready,
    thread: () => decoder.thread,
    resetRepeats: () => repeats.clear(),
    counters: () => loop.counters(),
    get running() {
      return loop.running;
    },
  };
}
