// What the door's screens read from the device, and the plain settings they change: the one way
// from src/state to IndexedDB. Each read is an ordinary async function over the store; state runs
// it inside a live query (`live`), so a write anywhere (this tab, another tab, a delivery) shows.
// Flows that must hold the delivery lock or reach the network are the engine's (engine.ts), not
// this module's.
import type { KontrolDb, StoredShow } from '../db/database.ts';
import { categoriesOf } from '../db/categories.ts';
import { listConflicts, markConflictsSeen, unseenConflicts } from '../db/conflicts.ts';
import { getEntranceZones, setEntranceZones } from '../db/entrance.ts';
import { getEntryWindow, updateEntryWindow } from '../db/entry-window.ts';
import { undeliveredOfShow } from '../db/forget-show.ts';
import { readStoreHealth } from '../db/health.ts';
import { listHeldPulls, type HeldPull } from '../db/held-pulls.ts';
import { allHistory, listHistory } from '../db/history.ts';
import { pacedQuery, renewingLiveQuery, type LiveStoreQuery } from '../db/live-query.ts';
import { awaitingCount, listRejected, pendingCount } from '../db/outbox.ts';
import { getRefreshMinutes, setRefreshMinutes } from '../db/device-settings.ts';
import { readSetting, SETTINGS, writeSetting, type StoredScannerSettings } from '../db/settings-registry.ts';
import { getKioskPin, getKioskSettings, readToken } from '../db/settings.ts';
import { undeliveredCount } from '../db/signout.ts';
import { listsSignature } from '../db/snapshot.ts';
import { getDoorDirection, getReentryShows, getZoneCapacity, PRESENCE_TABLES, readPresence, setDoorDirection, setReentry, setZoneCapacity, type Presence } from '../db/presence.ts';
import { liveNumbers } from '../db/stats.ts';
import { listShows } from '../db/shows.ts';
import { currentLists } from '../db/ticket-index.ts';
import { admissionsOf, countAdmitted } from '../db/tickets.ts';
import { admittedByDoor, getDeviceName } from '../db/venue.ts';
import type { EntryWindowPolicy } from '../domain/entry-window.ts';
import type { DoorDirection, ShowId } from '../domain/types.ts';
import { loadListsSnapshot, type ListsSnapshot } from './lists-snapshot.ts';

export interface DoorCounts {
  stored: number;
  admitted: number;
  /** Not yet confirmed as held by Qtickets: queued, and sent-awaiting-confirmation. */
  pending: number;
  /** Of those, sent and waiting for a read-back to confirm them. */
  awaiting: number;
}

export interface HeldPullView extends HeldPull {
  eventName: string;
  startDate: string | null;
}

/** What liveNumbers reads: the numbers screen re-runs only after writes to these. */
const NUMBERS_TABLES = ['admissions', 'scans', 'outbox'] as const;

async function doorCounts(db: KontrolDb, active: readonly StoredShow[]): Promise<DoorCounts> {
  // One read transaction for the three counts, not one each.
  const { admitted, pending, awaiting } = await db.transaction('r', [db.admissions, db.outbox], async () => ({
    admitted: await countAdmitted(
      db,
      active.map((s) => s.id),
    ),
    pending: await pendingCount(db),
    awaiting: await awaitingCount(db),
  }));
  // Counted from the lists in memory: the number on screen means those tickets are ready to
  // decide with, not merely stored (the first read after opening takes a moment at 100,000).
  const stored = [...(await currentLists(db, active)).values()].reduce((sum, l) => sum + l.listed, 0);
  return { stored, admitted, pending, awaiting };
}

export function createDoorStore(db: KontrolDb) {
  return {
    /** `query` kept current as the store changes (see db/live-query.ts for what it bounds). */
    live: <T>(query: () => T | Promise<T>): LiveStoreQuery<T> => renewingLiveQuery(query),

    shows: () => listShows(db),
    /** undefined when there is none. */
    token: () => readToken(db),

    /**
     * The scan screen's counts, read live: in one transaction, not one per count (a live query
     * re-runs it three times per admission: the scan, its sending, its confirmation).
     */
    counts: (active: readonly StoredShow[]) => doorCounts(db, active),

    rejected: () => listRejected(db),
    /** Check-ins of one show still waiting to be sent: what removing that show would lose. */
    showUndelivered: (showId: ShowId) => undeliveredOfShow(db, showId),
    undeliveredCount: () => undeliveredCount(db),

    /** Pulls held back for a supervisor, named by their show. */
    async heldPulls(): Promise<HeldPullView[]> {
      const pulls = await listHeldPulls(db);
      if (pulls.length === 0) return [];
      const shows = new Map((await listShows(db)).map((s) => [s.id, s]));
      return pulls.flatMap((p): HeldPullView[] => {
        const show = shows.get(p.showId);
        return show ? [{ ...p, eventName: show.eventName, startDate: show.startDate }] : [];
      });
    },

    /** The admissions of these tickets, in their order (undefined where none). */
    admissionsOf: (keys: [ShowId, string][]) => admissionsOf(db, keys),

    history: (limit: number) => listHistory(db, limit),
    allHistory: () => allHistory(db),
    conflicts: () => listConflicts(db),
    unseenConflicts: () => unseenConflicts(db),
    acknowledgeConflicts: (ids: string[]) => markConflictsSeen(db, ids),

    /** Changes whenever a list was pulled again; the snapshot below is keyed by it. */
    listsSignature: () => listsSignature(db),
    listsSnapshot: (signature: string): Promise<ListsSnapshot> => loadListsSnapshot(db, signature),
    entranceZones: () => getEntranceZones(db),
    setEntranceZones: (zones: readonly string[]) => setEntranceZones(db, zones),

    /** When this door admits relative to a show's doors and end (domain/entry-window.ts). */
    entryWindow: () => getEntryWindow(db),
    /** False when the value was refused. */
    updateEntryWindow: (patch: Partial<EntryWindowPolicy>) => updateEntryWindow(db, patch),

    /** Entrance or exit (an exit records people going out; presence.ts). */
    doorDirection: () => getDoorDirection(db),
    setDoorDirection: (direction: DoorDirection) => setDoorDirection(db, direction),
    /** Shows that let a person back in after an exit. */
    reentryShows: () => getReentryShows(db),
    setReentry: (showId: ShowId, allowed: boolean) => setReentry(db, showId, allowed),
    /** Capacity by zone name; a change is false when the number was refused. */
    zoneCapacity: () => getZoneCapacity(db),
    setZoneCapacity: (zone: string, capacity: number | null) => setZoneCapacity(db, zone, capacity),
    /** Zone names (categories) on the lists of these shows, kept per pulled list: the verdict's badge. */
    categoriesOf: (shows: readonly StoredShow[]) => categoriesOf(db, shows),
    /** Whether the verdict shows the buyer's name (privacy). */
    showBuyerName: () => readSetting(db, SETTINGS.showBuyerName),
    setShowBuyerName: (shown: boolean) => writeSetting(db, SETTINGS.showBuyerName, shown),

    refreshMinutes: () => getRefreshMinutes(db),
    setRefreshMinutes: (minutes: number) => setRefreshMinutes(db, minutes),

    kioskSettings: () => getKioskSettings(db),
    /** Whether a supervisor PIN is set: without one everyone at this device is the supervisor. */
    supervisorPinSet: async () => (await getKioskPin(db)) !== undefined,
    scannerSettings: () => readSetting(db, SETTINGS.scanner),
    /** Merged into what is stored, so two screens changing different fields keep both. */
    async updateScannerSettings(patch: StoredScannerSettings): Promise<void> {
      await db.transaction('rw', db.settings, async () =>
        writeSetting(db, SETTINGS.scanner, { ...(await readSetting(db, SETTINGS.scanner)), ...patch }),
      );
    },
    deviceName: () => getDeviceName(db),

    storeHealth: () => readStoreHealth(db),
    lastDeliveryAt: () => readSetting(db, SETTINGS.lastDeliveryAt),
    /** Kept across reloads for the health screen (the sync loop keeps it in memory only). */
    rememberLastDelivery: (at: number) => writeSetting(db, SETTINGS.lastDeliveryAt, at),

    /**
     * The door's numbers since `since` (epoch ms), re-read after writes to what they count but at
     * most once per `everyMs`: they read every admission's key, which re-run after each scan held
     * the next scan's write back longer as the night went on. Returns the stop.
     */
    watchNumbers: (since: number, everyMs: number, onResult: (numbers: Awaited<ReturnType<typeof liveNumbers>>) => void) =>
      pacedQuery(db, NUMBERS_TABLES, everyMs, () => liveNumbers(db, since), onResult),
    /**
     * Who is inside now: every admission's key and every movement, paced like the numbers (both
     * grow all night). Returns the stop.
     */
    watchPresence: (everyMs: number, onResult: (presence: Presence) => void) =>
      pacedQuery(db, PRESENCE_TABLES, everyMs, () => readPresence(db), onResult),
    /** The venue's admissions of these shows by door, paced like the numbers (it reads every admission). Returns the stop. */
    watchAdmittedByDoor: (showIds: readonly ShowId[], everyMs: number, onResult: (counts: Awaited<ReturnType<typeof admittedByDoor>>) => void) =>
      pacedQuery(db, ['admissions'], everyMs, () => admittedByDoor(db, showIds), onResult),
  };
}

export type DoorStore = ReturnType<typeof createDoorStore>;
