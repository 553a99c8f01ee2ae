// Door-operation settings of this device, over the registry (settings-registry.ts).
import type { ConnectivityMode } from '../domain/connectivity.ts';
import type { KontrolDb } from './database.ts';
import { readSetting, SETTINGS, writeSetting } from './settings-registry.ts';

export const CLOCK_CORRECTION = SETTINGS.clockCorrectionMs.key;

/** How often lists are pulled while online, by default. 0 turns the periodic pull off. */
export const DEFAULT_REFRESH_MINUTES = SETTINGS.refreshMinutes.fallback;

/** Read by the scan transaction: check-ins are stamped with the device time plus this. */
export const getClockCorrection = (db: KontrolDb): Promise<number> => readSetting(db, SETTINGS.clockCorrectionMs);
export const setClockCorrection = (db: KontrolDb, ms: number) => writeSetting(db, SETTINGS.clockCorrectionMs, ms);

export const getConnectivityMode = (db: KontrolDb): Promise<ConnectivityMode> => readSetting(db, SETTINGS.connectivityMode);
export const setConnectivityMode = (db: KontrolDb, mode: ConnectivityMode) => writeSetting(db, SETTINGS.connectivityMode, mode);

export const getRefreshMinutes = (db: KontrolDb): Promise<number> => readSetting(db, SETTINGS.refreshMinutes);
/** Fractions are allowed (0.5 = every 30 s) for a door that must see refunds at once. */
export const setRefreshMinutes = (db: KontrolDb, minutes: number) =>
  writeSetting(db, SETTINGS.refreshMinutes, Number.isFinite(minutes) ? Math.max(0, minutes) : DEFAULT_REFRESH_MINUTES);
