// Reads kept in memory until a write touches what they read. A scan, a delivery and the hub's
// share each read a few settings, and each read waited behind every write queued before it; the
// values change a few times a night. Any write to what a read covers, in this tab or another
// (Dexie's storagemutated event crosses tabs, and fires as a transaction completes, before its
// writer's await returns), drops the copy and the next call reads again.
import Dexie, { RangeSet, rangesOverlap, type ObservabilitySet } from 'dexie';
import type { KontrolDb } from './database.ts';

interface Entry<T> {
  value: Promise<T> | null;
}

/** What a read covers: whole tables, and keys of the settings table. */
export interface Covered {
  tables?: readonly string[];
  settings?: readonly string[];
}

/** Whether a write's parts touch what is covered (a cleared table counts: its range is every key). */
function touches(name: string, covered: Covered, keys: RangeSet | null, parts: ObservabilitySet): boolean {
  if ('all' in parts) return true;
  return Object.entries(parts).some(
    ([part, range]) =>
      (covered.tables ?? []).some((table) => part.startsWith(`idb://${name}/${table}/`)) ||
      (keys !== null && part === `idb://${name}/settings/` && rangesOverlap(range, keys)),
  );
}

/** `read`, kept per database until a write touches `covered`. A failed read is never kept. */
export function memoUntilWritten<T>(covered: Covered, read: (db: KontrolDb) => Promise<T>): (db: KontrolDb) => Promise<T> {
  const keys = covered.settings?.length ? covered.settings.reduce((set, key) => set.addKey(key), new RangeSet()) : null;
  const entries = new WeakMap<KontrolDb, Entry<T>>();

  function entryOf(db: KontrolDb): Entry<T> {
    let entry = entries.get(db);
    if (!entry) {
      const created: Entry<T> = { value: null };
      Dexie.on('storagemutated', (parts) => {
        if (touches(db.name, covered, keys, parts)) created.value = null;
      });
      entries.set(db, created);
      entry = created;
    }
    return entry;
  }

  return (db) => {
    const entry = entryOf(db);
    if (entry.value) return entry.value;
    // Kept from the start: a write while it is read drops it (that write may not be in it).
    const value = read(db);
    entry.value = value;
    value.catch(() => {
      if (entry.value === value) entry.value = null;
    });
    return value;
  };
}
