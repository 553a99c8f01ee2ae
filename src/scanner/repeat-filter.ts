// Door behaviour for a code held in front of the camera: the first read goes through at once,
// further reads of the same code are swallowed until it has been out of sight for `windowMs`.
// The window slides with every sighting (slide: true, the default) so a ticket held still for
// ten seconds gives one verdict, not one every three seconds. Codes are tracked one by one, so
// two tickets alternating in view do not re-trigger each other.

export interface RepeatFilterOptions {
  windowMs: number;
  now?: () => number;
  /** false: measure the window from the emitted read instead of the latest sighting. */
  slide?: boolean;
}

export interface RepeatFilter {
  /** true if this read should be acted upon, false if it is a repeat. */
  accept(code: string): boolean;
  /** Forget everything (e.g. the show was switched). */
  clear(): void;
  /** Forget one code, so that it is accepted at once next time. */
  forget(code: string): void;
}

export const DEFAULT_REPEAT_WINDOW_MS = 3000;

export function createRepeatFilter({ windowMs, now = () => Date.now(), slide = true }: RepeatFilterOptions): RepeatFilter {
  const lastSeen = new Map<string, number>();

  const prune = (t: number) => {
    for (const [code, at] of lastSeen) if (t - at >= windowMs) lastSeen.delete(code);
  };

  return {
    accept(code) {
      const t = now();
      prune(t);
      const seen = lastSeen.get(code);
      if (seen !== undefined) {
        if (slide) lastSeen.set(code, t);
        return false;
      }
      lastSeen.set(code, t);
      return true;
    },
    clear() {
      lastSeen.clear();
    },
    forget(code) {
      lastSeen.delete(code);
    },
  };
}
