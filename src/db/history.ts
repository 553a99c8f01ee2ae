// Scan history: every scan, denied ones too, newest first, with the ticket it concerned; and the
// undo of an admission that has not left the device yet.
import type { CheckIn, ScanRecord, Ticket } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { allLists, ticketOf } from './ticket-index.ts';

export interface HistoryEntry {
  scan: ScanRecord;
  /** The listed ticket the scan matched, when it still is on a stored list. */
  ticket: Ticket | null;
  /** Where the admission's check-in is now; null for denials and undone admissions. */
  delivery: 'pending' | 'rejected' | 'delivered' | null;
}

async function withDelivery(db: KontrolDb, scans: ScanRecord[]): Promise<Omit<HistoryEntry, 'ticket'>[]> {
  const ids = scans.flatMap((s) => (s.checkInId && !s.undoneAt ? [s.checkInId] : []));
  const [pending, rejected] = await Promise.all([db.outbox.bulkGet(ids), db.rejected.bulkGet(ids)]);
  const pendingIds = new Set(pending.flatMap((c) => (c ? [c.id] : [])));
  const rejectedIds = new Set(rejected.flatMap((c) => (c ? [c.id] : [])));
  return scans.map((scan) => {
    let delivery: HistoryEntry['delivery'] = null;
    if (scan.checkInId && !scan.undoneAt) {
      delivery = pendingIds.has(scan.checkInId) ? 'pending' : rejectedIds.has(scan.checkInId) ? 'rejected' : 'delivered';
    }
    return { scan, delivery };
  });
}

/**
 * The tickets are looked up last, after every IndexedDB read: inside a live query, reads made
 * after awaiting anything but Dexie (the lists may yield to the page) would not be watched, and
 * the history would stop following undo and delivery.
 */
async function withTickets(db: KontrolDb, entries: Omit<HistoryEntry, 'ticket'>[]): Promise<HistoryEntry[]> {
  const lists = await allLists(db);
  return entries.map((e) => ({ ...e, ticket: e.scan.showId === null ? null : ticketOf(lists, e.scan.showId, e.scan.code) }));
}

/** The latest scans, newest first. */
export async function listHistory(db: KontrolDb, limit = 200): Promise<HistoryEntry[]> {
  const entries = await db.transaction('r', [db.scans, db.outbox, db.rejected], async () =>
    withDelivery(db, await db.scans.orderBy('at').reverse().limit(limit).toArray()),
  );
  return withTickets(db, entries);
}

/** Every scan, oldest first, for the CSV export. */
export async function allHistory(db: KontrolDb): Promise<HistoryEntry[]> {
  const entries = await db.transaction('r', [db.scans, db.outbox, db.rejected], async () => withDelivery(db, await db.scans.orderBy('at').toArray()));
  return withTickets(db, entries);
}

export type UndoOutcome =
  | { ok: true; checkIn: CheckIn }
  /** The server already has it: the API offers no way to take a check-in back. */
  | { ok: false; reason: 'delivered' }
  /** The server refused it: it never counted there; it stays in the rejected list for the record. */
  | { ok: false; reason: 'rejected' }
  | { ok: false; reason: 'not_admission' | 'already_undone' | 'not_found' };

/**
 * Takes back an admission that is still in the outbox: the outbox record, the admission (so the
 * ticket admits again) and a mark on the log line go in ONE transaction. The caller holds the
 * delivery lock, so no flush is sending this very record while it is removed.
 */
export async function undoAdmission(db: KontrolDb, scanId: string, now = Date.now()): Promise<UndoOutcome> {
  return db.transaction('rw', [db.scans, db.outbox, db.admissions, db.rejected], async (): Promise<UndoOutcome> => {
    const scan = await db.scans.get(scanId);
    if (!scan) return { ok: false, reason: 'not_found' };
    // A supervisor's override that Qtickets can take is an admission too (supervisor.ts).
    if ((scan.verdict !== 'valid' && !scan.override) || !scan.checkInId || scan.showId === null) return { ok: false, reason: 'not_admission' };
    if (scan.undoneAt) return { ok: false, reason: 'already_undone' };
    const checkIn = await db.outbox.get(scan.checkInId);
    if (!checkIn) return { ok: false, reason: (await db.rejected.get(scan.checkInId)) ? 'rejected' : 'delivered' };
    await db.outbox.delete(checkIn.id);
    const admission = await db.admissions.get([scan.showId, scan.code]);
    if (admission && admission.checkedAt === checkIn.checkedAt) await db.admissions.delete([scan.showId, scan.code]);
    await db.scans.update(scan.id, { undoneAt: now });
    return { ok: true, checkIn };
  });
}
