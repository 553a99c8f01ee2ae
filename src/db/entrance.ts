// The entrance filter of this device (zones it admits), kept with the other settings so a
// reload, a second tab and the scan transaction all read the same choice.
import type { KontrolDb } from './database.ts';
import { getSetting, setSetting } from './settings.ts';

export const ENTRANCE_ZONES = 'entranceZones';

/** Zones this entrance admits; empty means every zone. */
export async function getEntranceZones(db: KontrolDb): Promise<string[]> {
  const value = await getSetting<unknown>(db, ENTRANCE_ZONES);
  return Array.isArray(value) ? value.filter((z): z is string => typeof z === 'string') : [];
}

export const setEntranceZones = (db: KontrolDb, zones: readonly string[]): Promise<void> => setSetting(db, ENTRANCE_ZONES, [...zones]);
