// Entrance filter: a door may admit only some zones (the VIP door, the dance floor). Zones are
// matched by the `zone_name` Qtickets lists, compared without case or surrounding spaces so a
// stray space in the box office's scheme does not turn guests away.
import type { Ticket } from './types.ts';

export const zoneKey = (name: string): string => name.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');

/** An empty filter admits every zone (the default: one door for all). */
export function zoneAdmitted(ticket: Pick<Ticket, 'zoneName'>, entrance: readonly string[]): boolean {
  if (entrance.length === 0) return true;
  if (ticket.zoneName === null) return false;
  const key = zoneKey(ticket.zoneName);
  return entrance.some((z) => zoneKey(z) === key);
}

/** Distinct zone names, first spelling wins, sorted for a stable checklist. */
export function distinctZones(names: Iterable<string | null>): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    if (name === null || name.trim() === '') continue;
    const key = zoneKey(name);
    if (!byKey.has(key)) byKey.set(key, name.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'ru'));
}
