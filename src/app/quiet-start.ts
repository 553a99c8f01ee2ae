// The door's first seconds after opening belong to scanning. Work nobody at the door asked for
// (delivering what the last session left in the outbox, the double-entry sweep) landed on the
// first scans after a reopening and made them several times slower on a 2-core machine (bench:
// cold verdict), so work asked for in those seconds runs once they are over.

const START_QUIET_MS = 5_000;

/**
 * Returns `later(fn)`: runs `fn` at once after the quiet start, or once at its end when asked
 * during it (asking again for the same `fn` meanwhile does not run it twice).
 */
export function quietStart(quietMs = START_QUIET_MS): (fn: () => void) => void {
  const until = Date.now() + quietMs;
  const waiting = new Set<() => void>();
  return (fn) => {
    const wait = until - Date.now();
    if (wait <= 0) return fn();
    if (waiting.has(fn)) return;
    waiting.add(fn);
    setTimeout(() => {
      waiting.delete(fn);
      fn();
    }, wait);
  };
}
