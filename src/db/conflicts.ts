// Double entries found by asking the server after our own admissions, kept for the supervisor.
// A scan is marked verified in the same transaction as its conflict, so a check that ran twice
// (after the scan and again after delivery) never reports one double entry twice.
import Dexie from 'dexie';
import type { Conflict, ScanRecord } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

export const listConflicts = (db: KontrolDb): Promise<Conflict[]> => db.conflicts.orderBy('foundAt').reverse().toArray();

export const unseenConflicts = (db: KontrolDb): Promise<Conflict[]> =>
  db.conflicts.where('seen').equals(0).sortBy('foundAt').then((list) => list.reverse());

export async function markConflictsSeen(db: KontrolDb, ids: string[]): Promise<void> {
  await db.transaction('rw', db.conflicts, async () => {
    for (const id of ids) await db.conflicts.update(id, { seen: 1 });
  });
}

/** Records what the server said about one of our admissions: verified, and a conflict if any. */
export async function recordVerification(db: KontrolDb, scanId: string, conflict: Conflict | null): Promise<void> {
  await db.transaction('rw', db.scans, db.conflicts, async () => {
    await db.scans.update(scanId, { verified: 1 });
    if (conflict) await db.conflicts.put(conflict);
  });
}

/**
 * Our admissions the server has not confirmed yet, oldest first. Ones still in the outbox are
 * left out when `deliveredOnly`: the server cannot know them yet.
 */
export async function unverifiedAdmissions(db: KontrolDb, since: number, limit: number, deliveredOnly = true): Promise<ScanRecord[]> {
  return db.transaction('r', db.scans, db.outbox, async () => {
    // Only admissions carry `verified: 0`, so this index holds exactly the ones still to confirm.
    const candidates = await db.scans
      .where('[verified+at]')
      .between([0, since], [0, Dexie.maxKey])
      .filter((s) => s.verdict === 'valid' && !!s.checkInId && !s.undoneAt)
      .toArray();
    if (!deliveredOnly) return candidates.slice(0, limit);
    const queued = await db.outbox.bulkGet(candidates.map((s) => s.checkInId ?? ''));
    return candidates.filter((_, i) => queued[i] === undefined).slice(0, limit);
  });
}

export const getScan = (db: KontrolDb, id: string): Promise<ScanRecord | undefined> => db.scans.get(id);

/** The log line of an admission just made (searched from the newest end: it is among the last). */
export async function findAdmissionScan(db: KontrolDb, showId: number, code: string, checkedAt: string): Promise<ScanRecord | undefined> {
  return db.scans
    .orderBy('at')
    .reverse()
    .filter((s) => s.verdict === 'valid' && s.showId === showId && s.code === code && s.checkedAt === checkedAt)
    .first();
}
