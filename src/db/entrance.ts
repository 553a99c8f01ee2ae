// The entrance filter of this device (zones it admits), kept with the other settings so a
// reload, a second tab and the scan transaction all read the same choice.
import type { KontrolDb } from './database.ts';
import { readSetting, SETTINGS, writeSetting } from './settings-registry.ts';

export const ENTRANCE_ZONES = SETTINGS.entranceZones.key;

/** Zones this entrance admits; empty means every zone. */
export const getEntranceZones = (db: KontrolDb): Promise<string[]> => readSetting(db, SETTINGS.entranceZones);

export const setEntranceZones = (db: KontrolDb, zones: readonly string[]): Promise<void> => writeSetting(db, SETTINGS.entranceZones, [...zones]);
