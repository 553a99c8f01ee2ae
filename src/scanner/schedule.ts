// Which frame gets which look. Pure: the loop asks for the next frame's plan and reports back
// what it gave; no clock, no pixels.
//
// Most frames are empty, so an idle frame must stay cheap: idle frames follow a fixed cycle of
// fast looks within the pixel budget of the viewfinder's region of interest: the region itself
// at full resolution (a ticket held far) and the whole frame scaled down (a ticket held close
// overflows the region) in turn, and once per cycle the thorough pass on the whole frame
// (white-on-black codes and tickets held sideways are never even located by the fast pass).
// When a fast look found a symbol it could not read ("located"), the next frame takes the
// thorough pass on that region; the cycle then goes on where it stopped.
// The cycle was chosen on the photo corpus (`npm run bench:decode`, README "Camera decoding").

import type { DecodePass } from './engines/engine.ts';

export type Region = 'roi' | 'full';

export interface FramePlan {
  region: Region;
  /** Output size ÷ the region's size in the video (≤ 1; see roi.ts planRect). */
  scale: number;
  pass: DecodePass;
}

export interface FrameOutcome {
  read: boolean;
  /** A symbol was found but not read (see DecodeOutcome.located). */
  located: boolean;
}

export interface ScheduleOptions {
  /** The idle frames' looks, in turn. */
  cycle?: readonly FramePlan[];
  /** false: no thorough frame after a located symbol. */
  chase?: boolean;
}

export interface FrameSchedule {
  next(): FramePlan;
  record(outcome: FrameOutcome): void;
  /** Back to the cycle's first frame (scanning (re)started). */
  reset(): void;
}

const ROI: FramePlan = { region: 'roi', scale: 1, pass: 'fast' };
/** The whole frame at 0.8 of its size: as many pixels as the default 0.8 × 0.8 region. */
const WHOLE: FramePlan = { region: 'full', scale: 0.8, pass: 'fast' };
const THOROUGH: FramePlan = { region: 'full', scale: 1, pass: 'thorough' };

/**
 * Sixteen frames: the whole frame and the region in turn, the last one thorough. On the corpus
 * (README "Camera decoding") the whole frame at 0.7 read 2 photos fewer; a thorough frame in 8
 * read none more and cost ≈ 1.5× today's empty frame instead of ≈ 1.3×.
 */
export const DEFAULT_CYCLE: readonly FramePlan[] = [...Array.from({ length: 7 }, () => [WHOLE, ROI]).flat(), WHOLE, THOROUGH];

export function createFrameSchedule(options: ScheduleOptions = {}): FrameSchedule {
  const cycle = options.cycle && options.cycle.length > 0 ? options.cycle : DEFAULT_CYCLE;
  const chase = options.chase ?? true;
  let position = 0;
  let chasing: FramePlan | null = null;
  let pending: FramePlan | null = null;

  return {
    next() {
      if (pending) return pending;
      if (chasing) {
        pending = chasing;
      } else {
        pending = cycle[position % cycle.length]!;
        position++;
      }
      return pending;
    },
    record(outcome) {
      const plan = pending;
      if (!plan) return;
      pending = null;
      // One thorough frame per located symbol, and only after a fast look: a damaged symbol
      // held in view makes every other frame thorough, never all of them.
      chasing = chase && plan.pass === 'fast' && outcome.located && !outcome.read ? { region: plan.region, scale: 1, pass: 'thorough' } : null;
    },
    reset() {
      position = 0;
      chasing = null;
      pending = null;
    },
  };
}
