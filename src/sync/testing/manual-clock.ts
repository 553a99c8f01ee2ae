// A clock a test advances by hand. The transport's timeout timer runs on it, so a request that
// "hangs until the timeout" costs no real time: the fake server fires the clock instead.
export interface ManualClock {
  startTimer(onTimeout: () => void, ms: number): () => void;
  /** Runs every pending timer, as if a long time had passed. */
  fireAll(): void;
  pending(): number;
}

export function manualClock(): ManualClock {
  const timers = new Set<() => void>();
  return {
    startTimer(onTimeout) {
      const entry = () => onTimeout();
      timers.add(entry);
      return () => timers.delete(entry);
    },
    fireAll() {
      const due = [...timers];
      timers.clear();
      for (const fn of due) fn();
    },
    pending: () => timers.size,
  };
}
