// What a scan reads besides the tickets: the stored shows, this entrance's zones and the clock
// correction, kept in memory. Read from IndexedDB, each scan waited behind every write to
// `settings` and `shows` queued before it (the double-entry watch writes `settings` all night),
// which made the first scans after opening take 50-300 ms. Any write to those tables, in this
// tab or another (Dexie's storagemutated event crosses tabs), drops the copy; the next scan
// reads them again. A scan decides with the state before or after a write, as with the lists.
import Dexie, { RangeSet, rangesOverlap, type ObservabilitySet } from 'dexie';
import type { EntryWindowPolicy } from '../domain/entry-window.ts';
import type { DoorDirection } from '../domain/types.ts';
import { CLOCK_CORRECTION, getClockCorrection } from './device-settings.ts';
import { ENTRANCE_ZONES, getEntranceZones } from './entrance.ts';
import { ENTRY_WINDOW, getEntryWindow } from './entry-window.ts';
import type { KontrolDb, StoredShow } from './database.ts';
import { DOOR_DIRECTION, getDoorDirection, getReentryShows, REENTRY_SHOWS } from './presence.ts';

export interface ScanContext {
  shows: StoredShow[];
  /** Zones this entrance admits; empty: all. */
  zones: string[];
  /** Added to the device clock when stamping check-ins (non-zero only beyond the allowed skew). */
  correction: number;
  /** When a show's door admits (tolerances and deny or warn). */
  window: EntryWindowPolicy;
  /** An entrance, or an exit recording people going out. */
  direction: DoorDirection;
  /** Shows that let a person back in after an exit. */
  reentryShows: number[];
}

interface Entry {
  generation: number;
  context: Promise<ScanContext> | null;
}

const entries = new WeakMap<KontrolDb, Entry>();

/** The settings a scan reads; the other keys (tokens, watch marks, ...) change without it. */
const READ_KEYS = new RangeSet(ENTRANCE_ZONES).addKey(CLOCK_CORRECTION).addKey(ENTRY_WINDOW).addKey(DOOR_DIRECTION).addKey(REENTRY_SHOWS);

/** Any change to `shows`, or to one of the settings a scan reads (a cleared table counts). */
function touchesContext(name: string, parts: ObservabilitySet): boolean {
  return Object.entries(parts).some(
    ([part, range]) => part.startsWith(`idb://${name}/shows/`) || (part === `idb://${name}/settings/` && rangesOverlap(range, READ_KEYS)),
  );
}

function entryOf(db: KontrolDb): Entry {
  let entry = entries.get(db);
  if (!entry) {
    const created: Entry = { generation: 0, context: null };
    Dexie.on('storagemutated', (parts) => {
      if (touchesContext(db.name, parts)) {
        created.generation += 1;
        created.context = null;
      }
    });
    entries.set(db, created);
    entry = created;
  }
  return entry;
}

async function read(db: KontrolDb): Promise<ScanContext> {
  const [shows, zones, correction, window, direction, reentryShows] = await db.transaction('r', db.shows, db.settings, () =>
    Promise.all([db.shows.toArray(), getEntranceZones(db), getClockCorrection(db), getEntryWindow(db), getDoorDirection(db), getReentryShows(db)]),
  );
  return { shows, zones, correction, window, direction, reentryShows };
}

export function scanContext(db: KontrolDb): Promise<ScanContext> {
  const entry = entryOf(db);
  if (entry.context) return entry.context;
  const generation = entry.generation;
  const context = read(db);
  // Kept only if nothing was written while it was read; a failed read is never kept.
  if (entry.generation === generation) entry.context = context;
  context.then(
    () => {
      if (entry.generation !== generation && entry.context === context) entry.context = null;
    },
    () => {
      if (entry.context === context) entry.context = null;
    },
  );
  return context;
}
