// When the steps after an admission run: once the door has been quiet for a moment, not at the
// next frame. At a phone's speed (4x CPU) a scan's follow-up work (a delivery, the hub's share,
// the double-entry question, their fetches and IndexedDB transactions) took longer than the
// pause before the next guest's scan, and every verdict of a queue waited behind the previous
// guest's steps (issue 16). Waiting for a pause keeps the CPU for verdicts while scans come; a
// cap keeps the steps' own promises (the venue knows within a second, a double entry is said
// within two) when they never stop coming.

/** Quiet this long after the last scan and the steps run. */
export const QUIET_MS = 150;
/** Never later than this after the first step waiting. */
export const MAX_WAIT_MS = 500;

export interface QuietRunner {
  /** Runs `fn` once no scan has come for QUIET_MS, or MAX_WAIT_MS after the oldest one waiting. */
  later(fn: () => void): void;
  /** A scan came: what waits, waits for the next pause (within its cap). */
  touch(): void;
}

export interface QuietTimers {
  now(): number;
  set(fn: () => void, ms: number): () => void;
}

const realTimers: QuietTimers = {
  now: () => Date.now(),
  set(fn, ms) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

export function createQuietRunner(timers: QuietTimers = realTimers, quietMs = QUIET_MS, maxWaitMs = MAX_WAIT_MS): QuietRunner {
  let waiting: (() => void)[] = [];
  let oldestAt = 0;
  let cancel: (() => void) | null = null;

  function run() {
    cancel = null;
    const due = waiting;
    waiting = [];
    for (const fn of due) {
      try {
        fn();
      } catch {
        // One step's failure is its own (runSteps guards each); the rest still run.
      }
    }
  }

  function arm() {
    cancel?.();
    const wait = Math.max(0, Math.min(quietMs, oldestAt + maxWaitMs - timers.now()));
    cancel = timers.set(run, wait);
  }

  return {
    later(fn) {
      if (waiting.length === 0) oldestAt = timers.now();
      waiting.push(fn);
      arm();
    },
    touch() {
      if (waiting.length > 0) arm();
    },
  };
}
