// Telling a keyboard-wedge scanner from a person by timing alone. A scanner types a whole code
// at a few milliseconds per key and ends it with Enter or Tab; nobody types six keys in a row
// each under 30 ms after the last (that would be over 400 words a minute). Pure: the caller
// feeds characters with their times and asks, at Enter or Tab, what they add up to.

/** A key later than this after the previous one was not typed by a scanner. */
export const BURST_GAP_MS = 30;
/** Shorter runs are not taken for a scan even at scanner speed: a person's key rollover. */
export const BURST_MIN_LENGTH = 6;
/** With nothing editable focused, keys further apart than this start a new code. */
export const TYPED_GAP_MS = 1_000;
/** Longer input is not a ticket; caps memory for a stuck key or a runaway scanner. */
export const KEYS_MAX_LENGTH = 512;

export interface KeyReader {
  /** A printable character typed at `t` (ms). */
  char(c: string, t: number): void;
  /** Whether a key at `t` comes at scanner speed after the last character. */
  continues(t: number): boolean;
  /**
   * Whether a terminator (Enter, Tab) at `t` ends a scanner burst: it and at least the last
   * BURST_MIN_LENGTH characters each came under BURST_GAP_MS after the one before.
   */
  endsBurst(t: number): boolean;
  /** Everything typed since the last pause of TYPED_GAP_MS, if the last key is that recent. */
  typed(t: number): string | null;
  /** Characters read since the last clear() or pause. */
  readonly text: string;
  clear(): void;
}

export function createKeyReader(): KeyReader {
  let text = '';
  // How many of the last characters came at scanner speed, counting the first of them (it
  // follows a pause, or is the first key at all).
  let run = 0;
  let last = Number.NEGATIVE_INFINITY;

  return {
    char(c, t) {
      if (t - last > TYPED_GAP_MS) {
        text = '';
        run = 0;
      }
      run = text.length > 0 && t - last < BURST_GAP_MS ? run + 1 : 1;
      last = t;
      if (text.length < KEYS_MAX_LENGTH) text += c;
    },
    continues(t) {
      return text.length > 0 && t - last < BURST_GAP_MS;
    },
    endsBurst(t) {
      return run >= BURST_MIN_LENGTH && t - last < BURST_GAP_MS;
    },
    typed(t) {
      return text.length > 0 && t - last <= TYPED_GAP_MS ? text : null;
    },
    get text() {
      return text;
    },
    clear() {
      text = '';
      run = 0;
      last = Number.NEGATIVE_INFINITY;
    },
  };
}
