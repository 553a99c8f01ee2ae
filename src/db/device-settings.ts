// Door-operation settings of this device, beside the token in `settings`.
import type { ConnectivityMode } from '../domain/connectivity.ts';
import type { KontrolDb } from './database.ts';
import { getSetting, setSetting } from './settings.ts';

export const CLOCK_CORRECTION = 'clockCorrectionMs';
const CONNECTIVITY_MODE = 'connectivityMode';
const REFRESH_MINUTES = 'refreshMinutes';

/** How often lists are pulled while online, by default. 0 turns the periodic pull off. */
export const DEFAULT_REFRESH_MINUTES = 5;

/** Read by the scan transaction: check-ins are stamped with the device time plus this. */
export async function getClockCorrection(db: KontrolDb): Promise<number> {
  const value = await getSetting<unknown>(db, CLOCK_CORRECTION);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
export const setClockCorrection = (db: KontrolDb, ms: number) => setSetting(db, CLOCK_CORRECTION, ms);

export async function getConnectivityMode(db: KontrolDb): Promise<ConnectivityMode> {
  const value = await getSetting<unknown>(db, CONNECTIVITY_MODE);
  return value === 'online' || value === 'offline' ? value : 'auto';
}
export const setConnectivityMode = (db: KontrolDb, mode: ConnectivityMode) => setSetting(db, CONNECTIVITY_MODE, mode);

export async function getRefreshMinutes(db: KontrolDb): Promise<number> {
  const value = await getSetting<unknown>(db, REFRESH_MINUTES);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_REFRESH_MINUTES;
}
/** Fractions are allowed (0.5 = every 30 s) for a door that must see refunds at once. */
export const setRefreshMinutes = (db: KontrolDb, minutes: number) => setSetting(db, REFRESH_MINUTES, Number.isFinite(minutes) ? Math.max(0, minutes) : DEFAULT_REFRESH_MINUTES);
