// How often a door pulls its lists on its own. Bounded: under a minute the door downloads every
// list without pause (0.1 min was accepted and did that), over an hour refunds reach the door too
// late to matter. "Off" is its own choice, never what an emptied field silently becomes.

export const REFRESH_MIN_MINUTES = 1;
export const REFRESH_MAX_MINUTES = 60;
/** Stored for "off". */
export const REFRESH_OFF = 0;

/** A stored value the door may use: off, or whole minutes within the bounds. */
export function isRefreshMinutes(value: number): boolean {
  return value === REFRESH_OFF || (Number.isInteger(value) && value >= REFRESH_MIN_MINUTES && value <= REFRESH_MAX_MINUTES);
}

/** What a person typed as "every N minutes": whole minutes 1–60, else null (the screen says why). */
export function parseRefreshMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes >= REFRESH_MIN_MINUTES && minutes <= REFRESH_MAX_MINUTES ? minutes : null;
}
