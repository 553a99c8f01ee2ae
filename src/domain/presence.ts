// Exit and re-entry: who is inside now. Qtickets knows only the first check-in of a ticket, so
// the door keeps its own log of people going out and coming back (Movement) and reads presence
// from it: a ticket is out when its latest movement is an exit. Pure, so every rule is tested.
import { distinctZones } from './zones.ts';
import type { Admission, Movement, Show, ShowId, Ticket, Verdict } from './types.ts';

const key = (showId: ShowId, code: string) => `${showId}\u0000${code}`;

/** Later first by time; at the same instant an exit after a re-entry (the safer guess: not inside). */
function later(a: Movement, b: Movement): boolean {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta > tb;
  return a.kind === 'exit' && b.kind !== 'exit';
}

/**
 * Each ticket's latest movement. Ordered by the moment it happened, not by when this device
 * heard of it: another door's exit can arrive through the hub after a later re-entry here.
 */
export function latestMovements(movements: Iterable<Movement>): Map<string, Movement> {
  const latest = new Map<string, Movement>();
  for (const m of movements) {
    const k = key(m.showId, m.code);
    const seen = latest.get(k);
    if (!seen || later(m, seen)) latest.set(k, m);
  }
  return latest;
}

export const latestOf = (latest: ReadonlyMap<string, Movement>, showId: ShowId, code: string): Movement | undefined => latest.get(key(showId, code));

/** Admitted tickets that have not gone out since (admitted − left): the input of the inside counts. */
export function stillInside(admitted: readonly (readonly [ShowId, string])[], movements: Iterable<Movement>): [ShowId, string][] {
  const latest = latestMovements(movements);
  return admitted.filter(([showId, code]) => latest.get(key(showId, code))?.kind !== 'exit').map(([s, c]) => [s, c]);
}

export interface ExitKnowledge {
  code: string;
  /** Every stored ticket matching the code (any stored show). */
  tickets: Ticket[];
  admissions: Admission[];
  movements: Movement[];
  shows: Show[];
  /** Shows whose policy lets a person back in after an exit. */
  reentryShows: readonly ShowId[];
}

/** Either record this ticket's exit, or say why not (not inside, not a ticket). */
export type ExitDecision = { exit: true; ticket: Ticket; reentry: boolean } | { exit: false; verdict: Verdict };

/**
 * At an exit door: the person with this ticket leaves. Neither zone, window nor a refund stops
 * an exit (the person is going out either way; counting them out keeps "inside" true).
 */
export function decideExit({ code, tickets, admissions, movements, shows, reentryShows }: ExitKnowledge): ExitDecision {
  const stored = new Set(shows.map((s) => s.id));
  const known = tickets.filter((t) => stored.has(t.showId));
  const admitted = new Set(admissions.map((a) => key(a.showId, a.code)));
  const latest = latestMovements(movements);
  const inside = known.find((t) => admitted.has(key(t.showId, t.code)) && latest.get(key(t.showId, t.code))?.kind !== 'exit');
  if (inside) return { exit: true, ticket: inside, reentry: reentryShows.includes(inside.showId) };
  const first = known[0];
  if (!first) return { exit: false, verdict: { kind: 'unknown', code } };
  const out = known.map((t) => latest.get(key(t.showId, t.code))).find((m) => m?.kind === 'exit');
  const ticket = out ? (known.find((t) => t.showId === out.showId) ?? first) : first;
  return { exit: false, verdict: { kind: 'not_inside', code, ticket, ...(out ? { leftAt: out.at } : {}) } };
}

/** How full a zone is against its capacity: a warning from 90 %, full at 100 %. */
export type CapacityLevel = 'ok' | 'near' | 'full';

export function capacityLevel(inside: number, capacity: number | undefined): CapacityLevel {
  if (!capacity || capacity <= 0) return 'ok';
  if (inside >= capacity) return 'full';
  return inside * 10 >= capacity * 9 ? 'near' : 'ok';
}

/**
 * Whether tickets of several categories (Qtickets' zone_name is the category) come through this
 * door: then the verdict shows the category as a badge, so the steward sends VIP the right way.
 * A door limited to zones admits what it lists; an open one, every zone of the shows it admits.
 */
export function admitsSeveralCategories(entrance: readonly string[], zonesOfAdmittedShows: Iterable<readonly string[]>): boolean {
  if (entrance.length > 0) return distinctZones(entrance).length > 1;
  return distinctZones([...zonesOfAdmittedShows].flat()).length > 1;
}
