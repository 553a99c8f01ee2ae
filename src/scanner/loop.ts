// The decode loop. It follows the video's own frames (requestVideoFrameCallback, or
// requestAnimationFrame where that is missing) and has no fixed pause: a new frame is sent to
// the decoder as soon as the previous result is back. Frames that arrive while one is in
// flight are dropped, never queued, so a slow phone reads the freshest frame, not a backlog.
// Which part of the frame is sent, at what size, and how hard it is searched is the frame
// schedule's call (schedule.ts): the region of interest and the whole frame in turn, a thorough
// pass when a symbol was located but not read, and once per cycle.

import type { FrameDecoder } from './decoder.ts';
import type { FrameResult } from './frame-processor.ts';
import { DEFAULT_MAX_DECODE_SIDE, planRect, type Roi } from './roi.ts';
import { createFrameSchedule, type FrameSchedule } from './schedule.ts';

export interface LoopOptions {
  video: HTMLVideoElement;
  decoder: FrameDecoder;
  roi: Roi;
  maxDecodeSide?: number;
  /** Default: createFrameSchedule() with its measured defaults. */
  schedule?: FrameSchedule;
  /** `frameAt` is the performance.now() time at which the frame was grabbed. */
  onResult(result: FrameResult, frameAt: number): void;
  onError?(err: unknown): void;
}

export interface LoopCounters {
  /** Video frames seen while running. */
  frames: number;
  /** Frames sent to the decoder. */
  decoded: number;
  /** Frames skipped because a decode was in flight. */
  dropped: number;
}

export interface DecodeLoop {
  start(): void;
  stop(): void;
  readonly running: boolean;
  counters(): LoopCounters;
}

type VideoWithRvfc = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export function createDecodeLoop(options: LoopOptions): DecodeLoop {
  const video = options.video as VideoWithRvfc;
  const maxSide = options.maxDecodeSide ?? DEFAULT_MAX_DECODE_SIDE;
  const useRvfc = typeof video.requestVideoFrameCallback === 'function';
  const plans = options.schedule ?? createFrameSchedule();
  let running = false;
  let inFlight = false;
  let handle: number | null = null;
  let generation = 0;
  // Errors are reported once per streak of failing frames, not 30 times a second.
  let failing = false;
  const counters: LoopCounters = { frames: 0, decoded: 0, dropped: 0 };

  const schedule = () => {
    if (!running) return;
    handle = useRvfc ? video.requestVideoFrameCallback!(onFrame) : requestAnimationFrame(onFrame);
  };

  const cancel = () => {
    if (handle === null) return;
    if (useRvfc) video.cancelVideoFrameCallback?.(handle);
    else cancelAnimationFrame(handle);
    handle = null;
  };

  function onFrame() {
    handle = null;
    if (!running) return;
    schedule();
    counters.frames++;
    if (inFlight) {
      counters.dropped++;
      return;
    }
    if (video.readyState < 2 || video.videoWidth === 0) return;
    void grab(generation);
  }

  async function grab(gen: number) {
    inFlight = true;
    const frameAt = performance.now();
    try {
      const plan = plans.next();
      const r = planRect(video.videoWidth, video.videoHeight, plan, options.roi, maxSide);
      const bitmap = await createImageBitmap(video, r.sx, r.sy, r.sw, r.sh, {
        resizeWidth: r.outWidth,
        resizeHeight: r.outHeight,
        resizeQuality: 'low',
      });
      if (gen !== generation) {
        bitmap.close();
        return;
      }
      counters.decoded++;
      const result = await options.decoder.decode(bitmap, plan.pass);
      failing = false;
      if (gen !== generation) return;
      plans.record({ read: result.hit !== null, located: result.located });
      options.onResult(result, frameAt);
    } catch (err) {
      // The frame counts as empty, so a failing thorough pass is not retried on every frame.
      if (gen === generation) plans.record({ read: false, located: false });
      if (gen === generation && !failing) options.onError?.(err);
      failing = true;
    } finally {
      if (gen === generation) inFlight = false;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      inFlight = false;
      plans.reset();
      schedule();
    },
    stop() {
      running = false;
      generation++;
      inFlight = false;
      cancel();
    },
    get running() {
      return running;
    },
    counters: () => ({ ...counters }),
  };
}
