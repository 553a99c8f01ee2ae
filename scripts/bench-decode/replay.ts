// The live loop on a still camera frame, replayed from the bench page's table of looks: the
// same 640×480 frame shown again and again gives the same answer to the same look, so the frames
// a schedule needs until the right text are counted exactly, without timing noise. Only the
// milliseconds come from the page (one measurement per frame and look, on a shared machine).

import type { ReaderOptions } from 'zxing-wasm/reader';
import { createFrameSchedule, DEFAULT_CYCLE, type FramePlan, type FrameSchedule, type ScheduleOptions } from '../../src/scanner/schedule.ts';

export interface Look extends FramePlan {
  /** Raw zxing-cpp options on top of the pass's (the loop before schedules; tuning). */
  overrides?: ReaderOptions;
}

export interface LookResult {
  text: string | null;
  located: boolean;
  ms: number;
}

const R: FramePlan = { region: 'roi', scale: 1, pass: 'fast' };
const F: FramePlan = { region: 'full', scale: 0.8, pass: 'fast' };
const T: FramePlan = { region: 'full', scale: 1, pass: 'thorough' };
/** The loop before schedules: the region, fast, without returnErrors (and one result slot). */
const TODAY: Look = { region: 'roi', scale: 1, pass: 'fast', overrides: { returnErrors: false, maxNumberOfSymbols: 1 } };

export interface Candidate {
  id: string;
  label: string;
  /** A fresh schedule, or a fixed look on every frame. */
  make(): FrameSchedule | Look;
  /** The looks a schedule can ask for (its cycle and the thorough looks it chases with). */
  looks: Look[];
}

const fixed = (id: string, label: string, look: Look): Candidate => ({ id, label, make: () => look, looks: [look] });
const scheduled = (id: string, label: string, o: ScheduleOptions): Candidate => {
  const cycle = o.cycle ?? DEFAULT_CYCLE;
  const chases = o.chase === false ? [] : cycle.filter((p) => p.pass === 'fast').map((p) => ({ region: p.region, scale: 1, pass: 'thorough' as const }));
  return { id, label, make: () => createFrameSchedule(o), looks: [...cycle, ...chases] };
};

const repeat = (cycle: FramePlan[], n: number) => Array.from({ length: n }, () => cycle).flat();

const F6: FramePlan = { region: 'full', scale: 0.6, pass: 'fast' };
const F7: FramePlan = { region: 'full', scale: 0.7, pass: 'fast' };

export const CANDIDATES: Candidate[] = [
  fixed('today', 'today: ROI fast', TODAY),
  fixed('full-thorough', 'ref: full thorough', T),
  scheduled('alternate', 'ROI/full0.8', { cycle: [F, R], chase: false }),
  scheduled('f8-t16', 'ROI/full0.8, T 1/16', { cycle: [...repeat([F, R], 7), F, T] }),
  scheduled('f8-t8', 'ROI/full0.8, T 1/8', { cycle: [...repeat([F, R], 3), F, T] }),
  scheduled('f6-t16', 'ROI/full0.6, T 1/16', { cycle: [...repeat([F6, R], 7), F6, T] }),
  scheduled('f7-t16', 'ROI/full0.7, T 1/16', { cycle: [...repeat([F7, R], 7), F7, T] }),
  scheduled('default', 'SCHEDULE (default)', {}),
];

const same = (a: Look, b: Look) =>
  a.region === b.region && a.scale === b.scale && a.pass === b.pass && JSON.stringify(a.overrides ?? {}) === JSON.stringify(b.overrides ?? {});

/** Every distinct look any candidate asks for: measured once each on the page. */
export const LOOKS: Look[] = CANDIDATES.flatMap((c) => c.looks).filter((l, i, all) => all.findIndex((m) => same(l, m)) === i);

/** Frames a code may take before the replay gives up (≈ 1 s of decoded frames on a phone). */
export const MAX_FRAMES = 16;
/** Start phases: the code enters view at any point of the idle cycle (16 covers cycles of 2, 4, 8, 16). */
export const PHASES = 16;

const lookIndex = (look: Look) => {
  const i = LOOKS.findIndex((l) => same(l, look));
  if (i < 0) throw new Error(`look not measured: ${JSON.stringify(look)}`);
  return i;
};

interface Stepper {
  next(): number;
  record(r: LookResult): void;
}

function stepper(c: Candidate): Stepper {
  const made = c.make();
  if (!('next' in made)) {
    const i = lookIndex(made);
    return { next: () => i, record: () => {} };
  }
  return {
    next: () => lookIndex(made.next()),
    record: (r) => made.record({ read: r.text !== null, located: r.located }),
  };
}

export interface PhotoReplay {
  /** Frames until the expected text, per start phase; null = not within MAX_FRAMES. */
  frames: (number | null)[];
  /** A different text came out first (a misread) in some phase. */
  misread: boolean;
}

/** `results[look][item]`; expected null = nothing may be read. */
export function replayPhoto(c: Candidate, results: LookResult[][], item: number, expected: string | null): PhotoReplay {
  const frames: (number | null)[] = [];
  let misread = false;
  for (let phase = 0; phase < PHASES; phase++) {
    const s = stepper(c);
    // Empty frames before the code comes into view (no symbol, nothing located).
    for (let k = 0; k < phase; k++) {
      s.next();
      s.record({ text: null, located: false, ms: 0 });
    }
    let got: number | null = null;
    for (let f = 1; f <= MAX_FRAMES && got === null; f++) {
      const r = results[s.next()]![item]!;
      s.record(r);
      if (r.text === null) continue;
      if (expected !== null && (r.text === expected || r.text === expected.trim())) got = f;
      else misread = true;
      if (expected === null || misread) break;
    }
    frames.push(got);
  }
  return { frames, misread };
}

/** Mean decode ms per frame over MAX_FRAMES frames of a scene with no code, from phase 0. */
export function emptyFrameMs(c: Candidate, results: LookResult[][], item: number): number {
  const s = stepper(c);
  let sum = 0;
  for (let f = 0; f < MAX_FRAMES; f++) {
    const r = results[s.next()]![item]!;
    s.record(r);
    sum += r.ms;
  }
  return sum / MAX_FRAMES;
}
