// When a show's door admits: from the doors' opening (minus a tolerance the supervisor sets) to
// the show's end (plus another). Outside it a ticket is `too_early` or `show_over`; each can deny
// or warn and admit. Times are the venue's: Qtickets writes them with the show's offset, and the
// moment told to the guest ("Вход с 18:30") is written in that offset whatever zone the device is in.
import { offsetMinutesOf } from './door-day.ts';
import type { Show } from './types.ts';

export type WindowAction = 'deny' | 'warn';

export interface EntryWindowPolicy {
  /** Minutes before the doors open that tickets already admit. */
  earlyMinutes: number;
  early: WindowAction;
  /** Minutes after the show's end that tickets still admit. */
  lateMinutes: number;
  late: WindowAction;
}

/** Tolerances are whole minutes up to a day: beyond that the window would mean nothing. */
export const MAX_TOLERANCE_MINUTES = 24 * 60;

/** Doors let in an hour early and for two hours after the end; outside that a ticket is refused. */
export const DEFAULT_ENTRY_WINDOW: EntryWindowPolicy = { earlyMinutes: 60, early: 'deny', lateMinutes: 120, late: 'deny' };

/**
 * Open: no date to disagree with, or inside the window. Otherwise which edge, the moment (venue
 * time), whether that moment is on the scan's own date there (then the hour alone says it), and what to do.
 */
export type WindowCheck =
  | { state: 'open' }
  | { state: 'too_early'; from: string; sameDay: boolean; action: WindowAction }
  | { state: 'show_over'; until: string; sameDay: boolean; action: WindowAction };

const parse = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant written in a given offset: 2026-12-07T17:30:00+03:00. */
export function isoInOffset(epochMs: number, offsetMinutes: number): string {
  const wall = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The date and the hh:mm as written in an ISO string (its own offset), not as the device would show it. */
export function wallClockOf(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Whether an ISO moment (in its own offset) falls on the same calendar date as `now` in that offset. */
export function sameWallDate(iso: string, now: Date): boolean {
  return wallClockOf(isoInOffset(now.getTime(), offsetMinutesOf(iso))).date === wallClockOf(iso).date;
}

/**
 * Where `now` stands against the show's window. Each edge stands only on the date Qtickets gave
 * for it: no `open_date`, no `too_early`; no `finish_date`, no `show_over`. A guest is never
 * refused on a guessed time (the start is not when the doors open). Each moment keeps the
 * offset of the date it comes from.
 */
export function checkEntryWindow(show: Show, now: Date, policy: EntryWindowPolicy): WindowCheck {
  const at = now.getTime();
  const openIso = show.openDate;
  const open = parse(openIso);
  if (openIso && open !== null) {
    const from = open - policy.earlyMinutes * 60_000;
    if (at < from) {
      const iso = isoInOffset(from, offsetMinutesOf(openIso));
      return { state: 'too_early', from: iso, sameDay: sameWallDate(iso, now), action: policy.early };
    }
  }
  const finish = parse(show.finishDate);
  if (show.finishDate && finish !== null) {
    const until = finish + policy.lateMinutes * 60_000;
    if (at > until) {
      const iso = isoInOffset(until, offsetMinutesOf(show.finishDate));
      return { state: 'show_over', until: iso, sameDay: sameWallDate(iso, now), action: policy.late };
    }
  }
  return { state: 'open' };
}
