import type { KontrolDb } from './database.ts';

const TOKEN = 'token';
const DEVICE_ID = 'deviceId';

export async function getSetting<T>(db: KontrolDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: KontrolDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** The API token stays on the device (IndexedDB), never in a URL or a log. */
export const getToken = (db: KontrolDb) => getSetting<string>(db, TOKEN);
export const setToken = (db: KontrolDb, token: string) => setSetting(db, TOKEN, token);

/** A stable random id per browser profile, carried by every check-in to tell devices apart. */
export async function getDeviceId(db: KontrolDb, newId: () => string = () => crypto.randomUUID()): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await getSetting<string>(db, DEVICE_ID);
    if (existing) return existing;
    const id = newId();
    await setSetting(db, DEVICE_ID, id);
    return id;
  });
}

// Kiosk mode (a tablet locked to the scan screen) and its PIN, in the settings table: the PIN is
// kept only as a salted hash, and the wrong-PIN delay survives a reload.
const KIOSK = 'kiosk';
const KIOSK_PIN = 'kioskPin';
const KIOSK_PIN_THROTTLE = 'kioskPinThrottle';

/** Which camera a kiosk uses is the scanner's own `facing` setting: one truth per device. */
export interface KioskSettings {
  enabled: boolean;
}

export const DEFAULT_KIOSK: KioskSettings = { enabled: false };

/** The shape src/pwa/pin.ts produces; stored as is. */
export interface StoredPinHash {
  algorithm: string;
  iterations: number;
  salt: string;
  hash: string;
}

export interface StoredPinThrottle {
  failures: number;
  notBefore: number;
}

export const getKioskSettings = async (db: KontrolDb): Promise<KioskSettings> => ({ ...DEFAULT_KIOSK, ...(await getSetting<Partial<KioskSettings>>(db, KIOSK)) });
export async function updateKioskSettings(db: KontrolDb, patch: Partial<KioskSettings>): Promise<void> {
  await db.transaction('rw', db.settings, async () => setSetting(db, KIOSK, { ...(await getKioskSettings(db)), ...patch }));
}
export const getKioskPin = (db: KontrolDb) => getSetting<StoredPinHash>(db, KIOSK_PIN);
export const setKioskPin = (db: KontrolDb, pin: StoredPinHash) => setSetting(db, KIOSK_PIN, pin);
export const getPinThrottle = async (db: KontrolDb): Promise<StoredPinThrottle> => (await getSetting<StoredPinThrottle>(db, KIOSK_PIN_THROTTLE)) ?? { failures: 0, notBefore: 0 };
export const setPinThrottle = (db: KontrolDb, throttle: StoredPinThrottle) => setSetting(db, KIOSK_PIN_THROTTLE, throttle);
