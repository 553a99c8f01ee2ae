// Keyboard-wedge scanners (most USB/Bluetooth ones) type the code as fast keystrokes and press
// Enter. We listen on the window while no text field has focus, so staff never need to tap a
// field first; a field that has focus gets its own keystrokes (the manual input handles those).

/** Keystrokes further apart than this start a new code: a scanner types within milliseconds. */
export const WEDGE_GAP_MS = 1_000;
/** Longer bursts are not a ticket; cap memory for a stuck key or a runaway scanner. */
export const WEDGE_MAX_LENGTH = 512;

export interface WedgeOptions {
  onCode: (raw: string) => void;
  now?: () => number;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return false;
}

/** Pure state machine of a wedge burst: feed it keys, it returns a finished code on Enter. */
export function createWedgeBuffer(now: () => number = Date.now) {
  let buffer = '';
  let last = 0;
  return {
    key(key: string): string | null {
      const t = now();
      if (t - last > WEDGE_GAP_MS) buffer = '';
      last = t;
      if (key === 'Enter') {
        const code = buffer;
        buffer = '';
        return code.length > 0 ? code : null;
      }
      if (key.length === 1 && buffer.length < WEDGE_MAX_LENGTH) buffer += key;
      return null;
    },
  };
}

export function attachWedge(target: Window, { onCode, now }: WedgeOptions): () => void {
  const wedge = createWedgeBuffer(now);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (isEditable(event.target)) return;
    const code = wedge.key(event.key);
    if (event.key === 'Enter' && code !== null) {
      event.preventDefault();
      onCode(code);
    }
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
