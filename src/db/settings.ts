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
