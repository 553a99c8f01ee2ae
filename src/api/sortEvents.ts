// The order in which the door's show picker lists events: what staff are about to scan first.

import type { ApiEvent, ApiShow } from './types.ts';

/** A show without a finish date is taken to run this long after its start (doors stay open late). */
export const ASSUMED_SHOW_LENGTH_MS = 12 * 60 * 60 * 1000;

const time = (iso: string | null): number | null => {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

function showEnd(show: ApiShow): number | null {
  const finish = time(show.finishDate);
  if (finish !== null) return finish;
  const start = time(show.startDate);
  return start === null ? null : start + ASSUMED_SHOW_LENGTH_MS;
}

type Placed =
  | { group: 0; key: number } // upcoming or running: by next show start, ascending
  | { group: 1; key: number } // past: by latest end, most recent first
  | { group: 2; key: number }; // no dated show: last, newest id first

function place(event: ApiEvent, nowMs: number): Placed {
  let nextStart: number | null = null;
  let latestEnd: number | null = null;
  for (const show of event.shows) {
    const end = showEnd(show);
    if (end === null) continue;
    if (end >= nowMs) {
      const start = time(show.startDate) ?? end;
      nextStart = nextStart === null ? start : Math.min(nextStart, start);
    } else {
      latestEnd = latestEnd === null ? end : Math.max(latestEnd, end);
    }
  }
  if (nextStart !== null) return { group: 0, key: nextStart };
  if (latestEnd !== null) return { group: 1, key: -latestEnd };
  return { group: 2, key: -event.id };
}

/** Upcoming (and running) events first by their next show, then past ones, most recent first. Pure. */
export function sortEventsForDoor(events: readonly ApiEvent[], now: Date): ApiEvent[] {
  const nowMs = now.getTime();
  return events
    .map((event) => ({ event, at: place(event, nowMs) }))
    .sort((a, b) => a.at.group - b.at.group || a.at.key - b.at.key || b.event.id - a.event.id)
    .map(({ event }) => event);
}
