// Persistent storage: Safari deletes script-writable storage after seven days without use unless
// the site is installed or persistence was granted, and every browser may evict "best-effort"
// storage under pressure. A door's stored lists and unsent check-ins must not vanish.

export interface StorageInfo {
  /** Bytes used by this origin (IndexedDB, caches), when the browser tells. */
  usage: number | null;
  quota: number | null;
  /** null: the browser has no way to tell (old Safari). */
  persisted: boolean | null;
}

/** Asks once; browsers remember the answer. Never throws: the door works either way. */
export async function requestPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

export async function storageInfo(storage: StorageManager | undefined = navigator.storage): Promise<StorageInfo> {
  const info: StorageInfo = { usage: null, quota: null, persisted: null };
  if (!storage) return info;
  try {
    const estimate = await storage.estimate();
    info.usage = estimate.usage ?? null;
    info.quota = estimate.quota ?? null;
  } catch {
    // Some embedded browsers refuse estimate(); the rest of the health screen still shows.
  }
  try {
    if (storage.persisted) info.persisted = await storage.persisted();
  } catch {
    info.persisted = null;
  }
  return info;
}
