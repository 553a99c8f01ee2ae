// Keyboard-wedge scanners (most USB/Bluetooth ones) type the code as fast keystrokes and end it
// with Enter or Tab. We listen on the whole window, ahead of the page (capture phase), so staff
// never tap a field first and a scan is never lost to whatever has focus:
//  - nothing editable focused (the page, a button, a checkbox): keys are read as a code. Enter
//    ends whatever was typed (a person may type a code this way too), Tab ends a scanner burst.
//    Keys that continue a code are the code's: Space does not scroll the page or press the
//    focused button, and the Tab or Enter that ends a code does not move focus or click.
//  - a text field focused (the kiosk PIN, a settings field): only a burst at scanner speed is
//    a scan (burst.ts), and the field keeps its content (see holding below).
//  - the manual code field: its keys are its own. What staff type there is submitted as typed.
// A scanner that reads one code twice in a row within the repeat window gives one scan
// (repeatWindowMs); the same code after another one is a new scan.

import { normaliseCode } from '../domain/code.ts';
import { createKeyReader, KEYS_MAX_LENGTH, BURST_GAP_MS } from './burst.ts';
import { createRepeatFilter } from './repeat-filter.ts';
import { typeInto } from './type-into.ts';

export interface WedgeOptions {
  onCode: (raw: string) => void;
  /**
   * The same code again until it has been unread this long is the same read, not a new scan:
   * many scanners send a code twice a few hundred ms apart. The camera's setting, so one
   * number means the same for both. Off when not given.
   */
  repeatWindowMs?: number;
  /** Tests' clock. By default keys are timed by event.timeStamp (see onKeyDown). */
  now?: () => number;
}

/** The field where staff type a code by hand (ManualEntry): never read as a scanner. */
const MANUAL_FIELD_ID = 'manual-code';
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'tel', 'url', 'email', 'password', 'number']);
/** Keys a scanner presses around characters (Shift for capitals) that must not end a hold. */
const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);

type Focus = 'manual' | 'text' | 'other';

function focusOf(target: EventTarget | null): Focus {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.id === MANUAL_FIELD_ID) return 'manual';
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return 'text';
  if (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) return 'text';
  return 'other';
}

/**
 * Held keys go to the field this long after the last one if no key followed. Longer than
 * BURST_GAP_MS, so that a key that came in time but waited behind busy page work is not beaten
 * by the timer; a key that really came late gives the held ones to the field itself.
 */
export const RELEASE_AFTER_MS = 2 * BURST_GAP_MS;

export function attachWedge(target: Window, { onCode, repeatWindowMs, now }: WedgeOptions): () => void {
  const reader = createKeyReader();
  const repeats = repeatWindowMs ? createRepeatFilter({ windowMs: repeatWindowMs, ...(now ? { now } : {}) }) : null;
  let lastCode: string | null = null;

  // In a text field, keys that may be a scan are held back (their default cancelled) and given
  // to the field as soon as it is clear they are not: the next key is late or is not a
  // character. Held rather than let in and taken out once a burst is recognised, because by
  // then the field has acted on them: React state ran, the PIN field and its form saw digits.
  // Holding is invisible to a person (at most RELEASE_AFTER_MS); a scan never touches the field.
  let holding: HTMLElement | null = null;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;

  const release = () => {
    if (!holding) return;
    clearTimeout(releaseTimer);
    const field = holding;
    const text = reader.text;
    holding = null;
    reader.clear();
    if (text) typeInto(field, text);
  };

  const emit = (raw: string) => {
    reader.clear();
    // Keyed by the normalised code: "8785 1877 6863" read twice is the same read however spaced.
    const code = normaliseCode(raw);
    if (repeats && code !== null) {
      // Only the code just read can be read twice: a scanner repeats itself at once. After
      // another code it is the ticket coming back (handed to the next guest, or the guest
      // returned), and staff must see its verdict, not the last one's.
      if (code !== lastCode) repeats.clear();
      lastCode = code;
      if (!repeats.accept(code)) return;
    }
    onCode(raw);
  };

  /** Enter or Tab: the code it ends, if any. */
  const ending = (key: 'Enter' | 'Tab', focus: Focus, t: number): string | null => {
    // In a field only a burst is a scan, and the hold holds nothing else.
    if (focus === 'text') return reader.endsBurst(t) ? reader.text : null;
    // Elsewhere everything typed since the last pause is the code, as a person may type it:
    // a scanner's first key is often late (waking up), which must not cut it off.
    return key === 'Enter' || reader.endsBurst(t) ? reader.typed(t) : null;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // When the key happened, not when the page got round to it: a busy page delivers a
    // scanner's keys late and bunched, and only their own times tell a burst from typing.
    const t = now ? now() : event.timeStamp;
    const focus = focusOf(event.target);
    if (holding && holding !== event.target) release();
    if (focus === 'manual' || MODIFIERS.has(event.key)) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return release();

    if (event.key === 'Enter' || event.key === 'Tab') {
      const code = ending(event.key, focus, t);
      if (code === null) return release();
      // The terminator is the scanner's: no form submits (a wrong PIN), no focus moves, no
      // button is pressed, and nothing on the page reacts to it.
      event.preventDefault();
      event.stopPropagation();
      holding = null;
      clearTimeout(releaseTimer);
      emit(code);
      return;
    }
    if (event.key.length !== 1) return release();

    if (focus === 'text') {
      if (holding && (!reader.continues(t) || reader.text.length >= KEYS_MAX_LENGTH)) release();
      if (!holding) {
        reader.clear(); // what was typed with nothing focused is not this field's
        holding = event.target as HTMLElement;
      }
      reader.char(event.key, t);
      event.preventDefault();
      clearTimeout(releaseTimer);
      releaseTimer = setTimeout(release, RELEASE_AFTER_MS);
      return;
    }
    // A Space before any code is a person's (scrolling, pressing a button); inside one it is
    // the scanner's, like every key that continues a code.
    const continuing = reader.typed(t) !== null;
    if (event.key === ' ' && !continuing) return;
    reader.char(event.key, t);
    if (continuing) event.preventDefault();
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    release();
  };
}
