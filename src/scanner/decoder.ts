// The page side of decoding: a module worker when the browser can start one, the main thread
// otherwise. Either way the caller sees the same FrameDecoder and keeps at most one frame in
// flight (see loop.ts).

import type { DecodePass, EngineKind } from './engines/engine.ts';
import type { ScanFormat } from './formats.ts';
import type { FrameInput, FrameResult, PixelContext } from './frame-processor.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export interface FrameDecoder {
  /** Resolves with the engine that actually started. */
  readonly ready: Promise<EngineKind>;
  /** Where decoding runs; settles with `ready` (a failed worker falls back to 'main'). */
  readonly thread: Promise<'worker' | 'main'>;
  /** Takes ownership of an ImageBitmap (it is transferred or closed). */
  decode(frame: FrameInput, pass?: DecodePass): Promise<FrameResult>;
  dispose(): void;
}

export interface DecoderOptions {
  formats: readonly ScanFormat[];
  /** Force an engine instead of the device's best. */
  engine?: EngineKind;
}

export function createInlineDecoder({ formats, engine }: DecoderOptions): FrameDecoder {
  // Loaded on demand: the decoders (≈ 0.5 MB of JS) stay out of the main bundle while the worker works.
  const processor = Promise.all([import('./engines/create.ts'), import('./frame-processor.ts')]).then(
    ([{ createBestEngine }, { createFrameProcessor, warmUp }]) =>
      createBestEngine(formats, engine)
        .then(warmUp)
        .then((e) => createFrameProcessor(e, typeof OffscreenCanvas !== 'undefined' ? undefined : pageCanvasContext)),
  );
  return {
    ready: processor.then((p) => p.engine),
    thread: processor.then(() => 'main' as const),
    decode: (frame, pass) => processor.then((p) => p.process(frame, pass)),
    dispose: () => void processor.then((p) => p.dispose(), () => {}),
  };
}

export function createWorkerDecoder({ formats, engine }: DecoderOptions): FrameDecoder {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'kontrol-decode' });
  const pending = new Map<number, { resolve: (r: FrameResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let resolveReady!: (kind: EngineKind) => void;
  let rejectReady!: (err: Error) => void;
  const ready = new Promise<EngineKind>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    if (msg.type === 'ready') resolveReady(msg.engine);
    else if (msg.type === 'init_failed') rejectReady(new Error(msg.message));
    else if (msg.type === 'result') {
      pending.get(msg.id)?.resolve(msg.result);
      pending.delete(msg.id);
    } else {
      pending.get(msg.id)?.reject(new Error(msg.message));
      pending.delete(msg.id);
    }
  });
  worker.addEventListener('error', (event) => {
    const err = new Error(event.message || 'decode worker failed');
    rejectReady(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  });
  const init: ToWorker = { type: 'init', formats: [...formats], ...(engine ? { engine } : {}) };
  worker.postMessage(init);
  return {
    ready,
    thread: ready.then(() => 'worker' as const),
    decode(frame, pass = 'fast') {
      const id = nextId++;
      return new Promise<FrameResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const msg: ToWorker = { type: 'frame', id, frame, pass };
        worker.postMessage(msg, 'close' in frame ? [frame] : []);
      });
    },
    dispose() {
      worker.terminate();
      pending.clear();
    },
  };
}

/** Worker first; if it cannot start (old browser, CSP, wasm blocked in workers), the main thread. */
export function createDecoder(options: DecoderOptions & { worker?: boolean }): FrameDecoder {
  if (options.worker === false || typeof Worker === 'undefined') return createInlineDecoder(options);
  let active: FrameDecoder;
  try {
    active = createWorkerDecoder(options);
  } catch {
    return createInlineDecoder(options);
  }
  const ready = active.ready.catch(() => {
    active.dispose();
    active = createInlineDecoder(options);
    return active.ready;
  });
  return {
    ready,
    thread: ready.then(() => active.thread),
    decode: (frame, pass) => ready.then(() => active.decode(frame, pass)),
    dispose: () => active.dispose(),
  };
}

/** Older Safari has no OffscreenCanvas: the page decodes through a canvas element instead. */
function pageCanvasContext(width: number, height: number): PixelContext {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  return ctx;
}
