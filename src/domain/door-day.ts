// Which of the shows a door admits for are "today's". A festival device may hold several days
// at once; a ticket for another day must get "wrong date" even though that day is ticked.
import type { Show, ShowId } from './types.ts';

/**
 * Hours after midnight that still belong to the evening before: a club night that starts at
 * 23:00 is still today's show at 02:00, and tomorrow's 12:00 matinee is not yet.
 */
export const DOOR_DAY_STARTS_AT_HOUR = 6;

const OFFSET = /([+-])(\d{2}):(\d{2})$/;

/** The offset written in an ISO date (venue time, as Qtickets sends it), in minutes; Z or none → 0. */
export function offsetMinutesOf(iso: string): number {
  const m = OFFSET.exec(iso);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** The door day (YYYY-MM-DD in venue time, shifted by the early-hours rule) of an instant. */
export function doorDay(epochMs: number, offsetMinutes: number): string {
  const shifted = epochMs + offsetMinutes * 60_000 - DOOR_DAY_STARTS_AT_HOUR * 3_600_000;
  return new Date(shifted).toISOString().slice(0, 10);
}

export function isShowToday(show: Show, now: Date): boolean {
  if (show.startDate === null) return true; // no date to disagree with
  const start = Date.parse(show.startDate);
  if (Number.isNaN(start)) return true;
  const offset = offsetMinutesOf(show.startDate);
  return doorDay(start, offset) === doorDay(now.getTime(), offset);
}

/**
 * The shows whose tickets this door admits now: the ticked shows that are on today's door day.
 * When none of the ticked shows is today (a rehearsal the day before, a date the API got wrong),
 * the person's ticks stand as they are: refusing every ticket would stop the door.
 */
export function admittingShows(shows: readonly Show[], now: Date | undefined): Set<ShowId> {
  const active = shows.filter((s) => s.active);
  if (!now) return new Set(active.map((s) => s.id));
  const today = active.filter((s) => isShowToday(s, now));
  return new Set((today.length > 0 ? today : active).map((s) => s.id));
}

/**
 * Whether a show is over for a door: its door day (by its end, else its start) is before today's.
 * Tonight's show that ended at 22:00 is still tonight's (latecomers, a re-check at 23:30, and the
 * early-hours rule past midnight); last month's show is over.
 */
export function isShowOver(show: { startDate: string | null; finishDate?: string | null }, now: Date): boolean {
  const end = show.finishDate ?? show.startDate;
  if (!end) return false;
  const at = Date.parse(end);
  if (Number.isNaN(at)) return false;
  const offset = offsetMinutesOf(end);
  return doorDay(at, offset) < doorDay(now.getTime(), offset);
}
