// The work done for one frame, wherever it runs (decode worker, or the main thread when
// module workers are unavailable): pixels out of the bitmap, the decode, the hint statistics.

import type { DecodeEngine, DecodeHit, DecodeOutcome, DecodePass, EngineKind } from './engines/engine.ts';
import { frameStats, type FrameStats } from './frame-stats.ts';

export type FrameInput = ImageBitmap | ImageData;

export interface FrameResult {
  engine: EngineKind;
  hit: DecodeHit | null;
  /** Nothing read but a symbol found: the schedule's cue for a thorough look. */
  located: boolean;
  /** Time spent in the decoder alone. */
  decodeMs: number;
  stats: FrameStats;
}

/**
 * The few 2D-context calls the processor makes. OffscreenCanvas's context and a page canvas's both
 * have them, so this module runs unchanged in the decode worker and on the page, and type-checks
 * under either environment's library (tsconfig.worker.json has no DOM).
 */
export interface PixelContext {
  readonly canvas: { readonly width: number; readonly height: number };
  drawImage(image: ImageBitmap, dx: number, dy: number): void;
  getImageData(sx: number, sy: number, sw: number, sh: number): ImageData;
}

export type MakePixelContext = (width: number, height: number) => PixelContext;

/** The worker's way (and the page's where OffscreenCanvas exists). */
export function offscreenContext(width: number, height: number): PixelContext {
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  return ctx;
}

/** One throw-away decode so the first real ticket does not pay for wasm tier-up and first allocations. */
export async function warmUp(engine: DecodeEngine): Promise<DecodeEngine> {
  if (typeof ImageData !== 'undefined') await engine.decode(new ImageData(320, 240)).catch(() => null);
  return engine;
}

export function createFrameProcessor(engine: DecodeEngine, makeContext: MakePixelContext = offscreenContext) {
  let ctx: PixelContext | null = null;

  const pixels = (frame: FrameInput): ImageData => {
    if (!('close' in frame)) return frame;
    const { width, height } = frame;
    if (!ctx || ctx.canvas.width !== width || ctx.canvas.height !== height) ctx = makeContext(width, height);
    ctx.drawImage(frame, 0, 0);
    frame.close();
    return ctx.getImageData(0, 0, width, height);
  };

  return {
    engine: engine.kind,
    async process(frame: FrameInput, pass: DecodePass = 'fast'): Promise<FrameResult> {
      const image = pixels(frame);
      const started = performance.now();
      // A decoder fault on one frame must not stop the door; the next frame is another try.
      const { hit, located }: DecodeOutcome = await engine.decode(image, pass).catch(() => ({ hit: null, located: false }));
      const decodeMs = performance.now() - started;
      return { engine: engine.kind, hit, located, decodeMs, stats: frameStats(image) };
    },
    dispose() {
      engine.dispose();
    },
  };
}

export type FrameProcessor = ReturnType<typeof createFrameProcessor>;
