import type { CheckIn, RejectedCheckIn } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

export const pendingCount = (db: KontrolDb): Promise<number> => db.outbox.count();

/** The oldest waiting check-ins, all of one show (a batch goes to one show's endpoint). */
export async function oldestBatch(db: KontrolDb, limit: number, skip: ReadonlySet<string> = new Set()): Promise<CheckIn[]> {
  const first = await db.outbox.orderBy('queuedAt').filter((c) => !skip.has(c.id)).first();
  if (!first) return [];
  return db.outbox.orderBy('queuedAt').filter((c) => c.showId === first.showId && !skip.has(c.id)).limit(limit).toArray();
}

/** The server accepted these: only now may they leave the outbox. */
export async function markDelivered(db: KontrolDb, ids: string[]): Promise<void> {
  await db.outbox.bulkDelete(ids);
}

/** The server refused these: move them, in one transaction, to the visible rejected list. */
export async function moveToRejected(db: KontrolDb, refusals: { id: string; reason: string }[], now = Date.now()): Promise<void> {
  if (refusals.length === 0) return;
  await db.transaction('rw', db.outbox, db.rejected, async () => {
    const records = await db.outbox.bulkGet(refusals.map((r) => r.id));
    const moved: RejectedCheckIn[] = [];
    records.forEach((record, i) => {
      if (record) moved.push({ ...record, rejectedAt: now, reason: refusals[i]?.reason ?? '' });
    });
    await db.rejected.bulkPut(moved);
    await db.outbox.bulkDelete(moved.map((r) => r.id));
  });
}

/** A failed attempt: counted per record, so a batch that keeps failing can be split. */
export async function noteFailedAttempt(db: KontrolDb, ids: string[], error: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const id of ids) {
      await db.outbox.where('id').equals(id).modify((c) => {
        c.attempts += 1;
        c.lastError = error;
      });
    }
  });
}

export const listRejected = (db: KontrolDb): Promise<RejectedCheckIn[]> => db.rejected.orderBy('rejectedAt').reverse().toArray();
