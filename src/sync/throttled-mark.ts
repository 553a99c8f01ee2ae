// A position kept in IndexedDB, written at most once per interval. The hub link notes where its
// stream stands after every event; written each time, that was one more readwrite transaction on
// the page's thread per admission at every door of the venue. Losing the last second of it on a
// crash costs only a replay of those events, which the link takes in again harmlessly (each is
// idempotent: learned admissions, movements by nonce, ticket changes in order).
export interface ThrottledMark<T> {
  /** The newest position; written now if the last write is `everyMs` old, else when it is. */
  note(value: T): void;
  /** Writes a position still waiting, and waits for the writes under way. */
  flush(): Promise<void>;
}

export function throttledMark<T>(write: (value: T) => Promise<void>, everyMs: number, now: () => number = Date.now): ThrottledMark<T> {
  let latest: T | undefined;
  let waiting = false;
  let lastWriteAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // One write at a time, in order: an older position never lands after a newer one.
  let writes: Promise<void> = Promise.resolve();

  function writeNow(): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (waiting) {
      waiting = false;
      lastWriteAt = now();
      const value = latest as T;
      // A failed write is left: the next position written covers it.
      writes = writes.then(() => write(value)).catch(() => undefined);
    }
    return writes;
  }

  return {
    note(value) {
      latest = value;
      waiting = true;
      if (timer !== null) return;
      const wait = lastWriteAt + everyMs - now();
      if (wait <= 0) void writeNow();
      else timer = setTimeout(() => void writeNow(), wait);
    },
    flush: writeNow,
  };
}
