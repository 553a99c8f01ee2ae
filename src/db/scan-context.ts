// What a scan reads besides the tickets: the stored shows, this entrance's zones and the clock
// correction, kept in memory. Read from IndexedDB, each scan waited behind every write to
// `settings` and `shows` queued before it (the double-entry watch writes `settings` all night),
// which made the first scans after opening take 50-300 ms. Kept until a write touches them
// (memo.ts). A scan decides with the state before or after a write, as with the lists.
import type { EntryWindowPolicy } from '../domain/entry-window.ts';
import type { DoorDirection } from '../domain/types.ts';
import { CLOCK_CORRECTION, getClockCorrection } from './device-settings.ts';
import { ENTRANCE_ZONES, getEntranceZones } from './entrance.ts';
import { ENTRY_WINDOW, getEntryWindow } from './entry-window.ts';
import type { KontrolDb, StoredShow } from './database.ts';
import { memoUntilWritten } from './memo.ts';
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

async function read(db: KontrolDb): Promise<ScanContext> {
  const [shows, zones, correction, window, direction, reentryShows] = await db.transaction('r', db.shows, db.settings, () =>
    Promise.all([db.shows.toArray(), getEntranceZones(db), getClockCorrection(db), getEntryWindow(db), getDoorDirection(db), getReentryShows(db)]),
  );
  return { shows, zones, correction, window, direction, reentryShows };
}

/** Dropped on any change to `shows` or to one of the settings a scan reads; the other keys (tokens, watch marks, ...) change without it. */
export const scanContext = memoUntilWritten({ tables: ['shows'], settings: [ENTRANCE_ZONES, CLOCK_CORRECTION, ENTRY_WINDOW, DOOR_DIRECTION, REENTRY_SHOWS] }, read);
