// Named reads and writes of the device settings most code needs, over the registry
// (settings-registry.ts holds every key, type, default and validation).
import type { KontrolDb } from './database.ts';
import { memoUntilWritten } from './memo.ts';
import { readSetting, SETTINGS, writeSetting, type KioskSettings, type StoredPinHash, type StoredPinThrottle } from './settings-registry.ts';

export type { KioskSettings, StoredPinHash, StoredPinThrottle } from './settings-registry.ts';

/** Raw access by key, for rows that are not settings of their own (tests, migrations). */
export async function getSetting<T>(db: KontrolDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: KontrolDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** The API token stays on the device (IndexedDB), never in a URL or a log. For live queries, which must see the read. */
export const readToken = (db: KontrolDb) => readSetting(db, SETTINGS.token);
/**
 * The same, kept in memory until the token is written (memo.ts): each admission's delivery, hub
 * share and double-entry question asked IndexedDB for it, ~3.5 reads a scan behind its writes.
 */
export const getToken = memoUntilWritten({ settings: [SETTINGS.token.key] }, readToken);
export const setToken = (db: KontrolDb, token: string) => writeSetting(db, SETTINGS.token, token);

/** A stable random id per browser profile, carried by every check-in to tell devices apart. */
export async function getDeviceId(db: KontrolDb, newId: () => string = () => crypto.randomUUID()): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await readSetting(db, SETTINGS.deviceId);
    if (existing) return existing;
    const id = newId();
    await writeSetting(db, SETTINGS.deviceId, id);
    return id;
  });
}

// Kiosk mode (a tablet locked to the scan screen) and its PIN: the PIN is kept only as a salted
// hash, and the wrong-PIN delay survives a reload.
export const DEFAULT_KIOSK: KioskSettings = SETTINGS.kiosk.fallback;
export const getKioskSettings = (db: KontrolDb): Promise<KioskSettings> => readSetting(db, SETTINGS.kiosk);
export async function updateKioskSettings(db: KontrolDb, patch: Partial<KioskSettings>): Promise<void> {
  await db.transaction('rw', db.settings, async () => writeSetting(db, SETTINGS.kiosk, { ...(await getKioskSettings(db)), ...patch }));
}
export const getKioskPin = (db: KontrolDb) => readSetting(db, SETTINGS.kioskPin);
export const setKioskPin = (db: KontrolDb, pin: StoredPinHash) => writeSetting(db, SETTINGS.kioskPin, pin);
/** Without a PIN, everyone at this device is the supervisor again (domain/supervisor.ts). */
export const clearKioskPin = async (db: KontrolDb): Promise<void> => {
  await db.settings.delete(SETTINGS.kioskPin.key);
};
export const getPinThrottle = (db: KontrolDb): Promise<StoredPinThrottle> => readSetting(db, SETTINGS.kioskPinThrottle);
export const setPinThrottle = (db: KontrolDb, throttle: StoredPinThrottle) => writeSetting(db, SETTINGS.kioskPinThrottle, throttle);
