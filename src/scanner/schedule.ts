// Which frame gets which look. Pure: the loop asks for the next frame's plan and reports back
// what it gave; no clock, no pixels.
//
// Most frames are empty, so an idle frame must stay cheap: idle frames follow a fixed cycle of
// fast looks at the same pixel budget as the viewfinder's region of interest: the region itself
// at full resolution (a ticket held far), the whole frame scaled down to the region's size (a
// ticket held close overflows the region), now and then the whole frame at half resolution
// (big, blurred codes read better smaller) and, once per cycle, the thorough pass on the whole frame
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
/** 0.8 = the default region's side: the whole frame costs what the region costs. */
const WHOLE: FramePlan = { region: 'full', scale: 0.8, pass: 'fast' };
const WHOLE_HALF: FramePlan = { region: 'full', scale: 0.5, pass: 'fast' };
const THOROUGH: FramePlan = { region: 'full', scale: 1, pass: 'thorough' };

export const DEFAULT_CYCLE: readonly FramePlan[] = [WHOLE, ROI, WHOLE, WHOLE_HALF, WHOLE, ROI, WHOLE, THOROUGH];

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
