// Exit and re-entry on the device: the door's direction, the shows that allow re-entry, zone
// capacities, and the movements log (domain/presence.ts). Movements are written by the scan
// transaction (scan.ts) like admissions, before the verdict; the hub's arrive through venue.ts.
import type { DoorDirection, Movement, ShowId } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { isValidSetting, readSetting, SETTINGS, writeSetting } from './settings-registry.ts';

export const DOOR_DIRECTION = SETTINGS.doorDirection.key;
export const REENTRY_SHOWS = SETTINGS.reentryShows.key;

export const getDoorDirection = (db: KontrolDb): Promise<DoorDirection> => readSetting(db, SETTINGS.doorDirection);
export const setDoorDirection = (db: KontrolDb, direction: DoorDirection): Promise<void> => writeSetting(db, SETTINGS.doorDirection, direction);

export const getReentryShows = (db: KontrolDb): Promise<number[]> => readSetting(db, SETTINGS.reentryShows);

/** Turns re-entry after an exit on or off for one show, keeping the others' choice (another tab may change them). */
export async function setReentry(db: KontrolDb, showId: ShowId, allowed: boolean): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const others = (await getReentryShows(db)).filter((id) => id !== showId);
    await writeSetting(db, SETTINGS.reentryShows, allowed ? [...others, showId] : others);
  });
}

export const getZoneCapacity = (db: KontrolDb): Promise<Record<string, number>> => readSetting(db, SETTINGS.zoneCapacity);

/** Sets one zone's capacity (null: none); false when the number was refused (not a whole number from 1). */
export async function setZoneCapacity(db: KontrolDb, zone: string, capacity: number | null): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getZoneCapacity(db)) };
    if (capacity === null) delete next[zone];
    else next[zone] = capacity;
    if (!isValidSetting(SETTINGS.zoneCapacity, next)) return false;
    await writeSetting(db, SETTINGS.zoneCapacity, next);
    return true;
  });
}

/** What "inside now" is counted from: every admission's key (no objects) and every movement (far fewer). */
export interface Presence {
  admitted: [ShowId, string][];
  movements: Movement[];
}

export const PRESENCE_TABLES = ['admissions', 'movements'] as const;

export async function readPresence(db: KontrolDb): Promise<Presence> {
  return db.transaction('r', [db.admissions, db.movements], async () => ({
    admitted: (await db.admissions.toCollection().primaryKeys()) as [ShowId, string][],
    movements: await db.movements.toArray(),
  }));
}

/** The movements of these tickets, for one scan's decision. */
export async function movementsOf(db: KontrolDb, keys: readonly [ShowId, string][]): Promise<Movement[]> {
  if (keys.length === 0) return [];
  return db.movements.where('[showId+code]').anyOf(keys.map(([s, c]) => [s, c])).toArray();
}
