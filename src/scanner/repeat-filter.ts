// Door behaviour for a code held in front of the camera: the first read goes through at once,
// further reads of the same code are swallowed until it has been out of sight for `windowMs`.
// The window slides with every sighting (slide: true, the default) so a ticket held still for
// ten seconds gives one verdict, not one every three seconds. Codes are tracked one by one, so
// two tickets alternating in view do not re-trigger each other.
//
// But only the code of the last verdict is held off for the whole window. Another code that came
// between is held off only while it is still in view (seen within `inViewMs`): a ticket handed
// back over the barrier to the next guest, shown again two seconds later, was swallowed, and the
// screen went on showing its green from a moment ago — a passback that looked like an admission.
// Now it gets its own verdict ("already checked").

export interface RepeatFilterOptions {
  windowMs: number;
  now?: () => number;
  /** false: measure the window from the emitted read instead of the latest sighting. */
  slide?: boolean;
  /** A code not of the last verdict counts as still in view this long after a sighting; default 1500. */
  inViewMs?: number;
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
/**
 * Longer than the decoder's gaps on a held ticket at a poor angle (frames come every 66 – 200 ms),
 * shorter than walking through a turnstile and handing the ticket back.
 */
export const DEFAULT_IN_VIEW_MS = 1500;

export function createRepeatFilter({ windowMs, now = () => Date.now(), slide = true, inViewMs = DEFAULT_IN_VIEW_MS }: RepeatFilterOptions): RepeatFilter {
  const lastSeen = new Map<string, number>();
  /** The code of the last read let through: the verdict on screen. */
  let lastAccepted: string | null = null;

  const prune = (t: number) => {
    for (const [code, at] of lastSeen) if (t - at >= windowMs) lastSeen.delete(code);
  };

  return {
    accept(code) {
      const t = now();
      prune(t);
      const seen = lastSeen.get(code);
      if (seen !== undefined && (code === lastAccepted || t - seen < Math.min(inViewMs, windowMs))) {
        if (slide) lastSeen.set(code, t);
        return false;
      }
      lastSeen.set(code, t);
      lastAccepted = code;
      return true;
    },
    clear() {
      lastSeen.clear();
      lastAccepted = null;
    },
    forget(code) {
      lastSeen.delete(code);
      if (code === lastAccepted) lastAccepted = null;
    },
  };
}
