// Event ids of an organiser's log: "<ms>-<seq>", the shape of a Redis Stream id, in both stores.
//
// Why time-based rather than a plain counter: the in-memory log starts empty on every restart,
// and a counter would start again at 1 — a device that saw event 5000 before the restart would
// then skip the first 5000 events after it. "<ms>-<seq>" keeps growing across restarts (the
// clock does), so "everything after the id I saw" stays true, and an id from the memory store
// means the same thing to the Redis store.

export type EventId = string;

/** Before every event: a device that sends it back gets the whole log. */
export const ORIGIN_ID: EventId = '0-0';

export interface ParsedId {
  ms: number;
  seq: number;
}

const ID_PATTERN = /^(\d{1,15})-(\d{1,15})$/;

/** The two parts of an id, or null for anything that is not one (a garbage Last-Event-ID). */
export function parseEventId(text: string | undefined | null): ParsedId | null {
  const match = ID_PATTERN.exec(text?.trim() ?? '');
  if (!match) return null;
  return { ms: Number(match[1]), seq: Number(match[2]) };
}

export function compareParsed(a: ParsedId, b: ParsedId): number {
  return a.ms - b.ms || a.seq - b.seq;
}

/** Orders two valid ids; throws on an invalid one (ids reaching here came from a store). */
export function compareIds(a: EventId, b: EventId): number {
  const pa = parseEventId(a);
  const pb = parseEventId(b);
  if (!pa || !pb) throw new Error(`Not an event id: ${pa ? b : a}`);
  return compareParsed(pa, pb);
}

/**
 * Hands out increasing ids: the current millisecond, or the last one used if the clock stepped
 * back (NTP), with a sequence number within the millisecond.
 */
export function createIdClock(now: () => number = Date.now): () => EventId {
  let lastMs = 0;
  let seq = 0;
  return () => {
    const ms = Math.max(Math.floor(now()), lastMs);
    seq = ms === lastMs ? seq + 1 : 0;
    lastMs = ms;
    return `${ms}-${seq}`;
  };
}
