// Door-operation settings of this device, over the registry (settings-registry.ts).
import type { ConnectivityMode } from '../domain/connectivity.ts';
import { isRefreshMinutes } from '../domain/refresh-interval.ts';
import type { KontrolDb } from './database.ts';
import { readSetting, SETTINGS, writeSetting } from './settings-registry.ts';

export const CLOCK_CORRECTION = SETTINGS.clockCorrectionMs.key;

/** How often lists are pulled while online, by default. 0 turns the periodic pull off (an explicit choice). */
export const DEFAULT_REFRESH_MINUTES = SETTINGS.refreshMinutes.fallback;

/** Read by the scan transaction: check-ins are stamped with the device time plus this. */
export const getClockCorrection = (db: KontrolDb): Promise<number> => readSetting(db, SETTINGS.clockCorrectionMs);
export const setClockCorrection = (db: KontrolDb, ms: number) => writeSetting(db, SETTINGS.clockCorrectionMs, ms);

export const getConnectivityMode = (db: KontrolDb): Promise<ConnectivityMode> => readSetting(db, SETTINGS.connectivityMode);
export const setConnectivityMode = (db: KontrolDb, mode: ConnectivityMode) => writeSetting(db, SETTINGS.connectivityMode, mode);

export const getRefreshMinutes = (db: KontrolDb): Promise<number> => readSetting(db, SETTINGS.refreshMinutes);
/** Whole minutes 1–60 or 0 (off); anything else is refused, never stored as something else. */
export const setRefreshMinutes = (db: KontrolDb, minutes: number) => {
  if (!isRefreshMinutes(minutes)) return Promise.reject(new RangeError(`refresh interval out of bounds: ${minutes}`));
  return writeSetting(db, SETTINGS.refreshMinutes, minutes);
};
