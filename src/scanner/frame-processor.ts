// The work done for one frame, wherever it runs (decode worker, or the main thread when
// module workers are unavailable): pixels out of the bitmap, the decode, the hint statistics.

import type { DecodeEngine, DecodeHit, EngineKind } from './engines/engine.ts';
import { frameStats, type FrameStats } from './frame-stats.ts';

export type FrameInput = ImageBitmap | ImageData;

export interface FrameResult {
  engine: EngineKind;
  hit: DecodeHit | null;
  /** Time spent in the decoder alone. */
  decodeMs: number;
  stats: FrameStats;
}

type Ctx2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function makeContext(width: number, height: number): Ctx2D {
  if (typeof OffscreenCanvas !== 'undefined') {
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (ctx) return ctx;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas is not available');
  return ctx;
}

/** One throw-away decode so the first real ticket does not pay for wasm tier-up and first allocations. */
export async function warmUp(engine: DecodeEngine): Promise<DecodeEngine> {
  if (typeof ImageData !== 'undefined') await engine.decode(new ImageData(320, 240)).catch(() => null);
  return engine;
}

export function createFrameProcessor(engine: DecodeEngine) {
  let ctx: Ctx2D | null = null;

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
    async process(frame: FrameInput): Promise<FrameResult> {
      const image = pixels(frame);
      const started = performance.now();
      // A decoder fault on one frame must not stop the door; the next frame is another try.
      const hit: DecodeHit | null = await engine.decode(image).catch(() => null);
      const decodeMs = performance.now() - started;
      return { engine: engine.kind, hit, decodeMs, stats: frameStats(image) };
    },
    dispose() {
      engine.dispose();
    },
  };
}

export type FrameProcessor = ReturnType<typeof createFrameProcessor>;
