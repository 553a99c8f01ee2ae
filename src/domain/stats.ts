// Numbers at the door: admitted / expected per show and per zone, the pace over the last minutes,
// denials by reason. Pure: the caller hands in what the store holds.
import type { ShowId, Ticket, VerdictKind } from './types.ts';

export const NO_ZONE = '';

export interface ZoneCount {
  zone: string;
  admitted: number;
  expected: number;
}

export interface ShowCount {
  showId: ShowId;
  admitted: number;
  expected: number;
  zones: ZoneCount[];
}

/** Where each listed ticket sits, built once per pulled list (100 000 tickets: one pass). */
export interface ZoneMap {
  zoneOf: Map<string, string>;
  expected: Map<ShowId, Map<string, number>>;
}

const key = (showId: ShowId, code: string) => `${showId}\u0000${code}`;

export function buildZoneMap(tickets: Iterable<Ticket>): ZoneMap {
  const zoneOf = new Map<string, string>();
  const expected = new Map<ShowId, Map<string, number>>();
  for (const t of tickets) {
    const zone = t.zoneName?.trim() || NO_ZONE;
    zoneOf.set(key(t.showId, t.code), zone);
    if (t.revoked) continue; // a cancelled ticket is no longer expected
    let zones = expected.get(t.showId);
    if (!zones) expected.set(t.showId, (zones = new Map()));
    zones.set(zone, (zones.get(zone) ?? 0) + 1);
  }
  return { zoneOf, expected };
}

/** Per show (in the given order) and per zone (by name), admitted against expected. */
export function countByShowAndZone(map: ZoneMap, admitted: readonly (readonly [ShowId, string])[], showIds: readonly ShowId[]): ShowCount[] {
  const came = new Map<ShowId, Map<string, number>>();
  for (const [showId, code] of admitted) {
    const zone = map.zoneOf.get(key(showId, code)) ?? NO_ZONE;
    let zones = came.get(showId);
    if (!zones) came.set(showId, (zones = new Map()));
    zones.set(zone, (zones.get(zone) ?? 0) + 1);
  }
  return showIds.map((showId) => {
    const expected = map.expected.get(showId) ?? new Map<string, number>();
    const admittedZones = came.get(showId) ?? new Map<string, number>();
    const names = [...new Set([...expected.keys(), ...admittedZones.keys()])].sort((a, b) => a.localeCompare(b, 'ru'));
    const zones = names.map((zone) => ({ zone, admitted: admittedZones.get(zone) ?? 0, expected: expected.get(zone) ?? 0 }));
    return {
      showId,
      admitted: zones.reduce((s, z) => s + z.admitted, 0),
      expected: zones.reduce((s, z) => s + z.expected, 0),
      zones,
    };
  });
}

/** Admissions per minute over the last `minutes` whole minutes, oldest first; the last is the current minute. */
export function perMinute(times: readonly number[], now: number, minutes = 10): number[] {
  const buckets = new Array<number>(minutes).fill(0);
  const currentMinute = Math.floor(now / 60_000);
  for (const at of times) {
    const age = currentMinute - Math.floor(at / 60_000);
    if (age >= 0 && age < minutes) buckets[minutes - 1 - age] = (buckets[minutes - 1 - age] ?? 0) + 1;
  }
  return buckets;
}

export const DENIAL_KINDS: readonly Exclude<VerdictKind, 'valid'>[] = ['already_checked', 'unknown', 'revoked', 'wrong_show', 'wrong_zone', 'too_early', 'show_over'];
