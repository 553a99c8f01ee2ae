// The door's entry window policy (domain/entry-window.ts), kept with the other settings so the
// scan transaction, a reload and a second tab read the same choice.
import type { EntryWindowPolicy } from '../domain/entry-window.ts';
import type { KontrolDb } from './database.ts';
import { isValidSetting, readSetting, SETTINGS, writeSetting } from './settings-registry.ts';

export const ENTRY_WINDOW = SETTINGS.entryWindow.key;

export const getEntryWindow = (db: KontrolDb): Promise<EntryWindowPolicy> => readSetting(db, SETTINGS.entryWindow);

/** Stores a change to the policy; a value the registry would refuse on reading is refused here, not written. */
export async function updateEntryWindow(db: KontrolDb, patch: Partial<EntryWindowPolicy>): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getEntryWindow(db)), ...patch };
    if (!isValidSetting(SETTINGS.entryWindow, next)) return false;
    await writeSetting(db, SETTINGS.entryWindow, next);
    return true;
  });
}
