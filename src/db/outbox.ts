// The outbox: check-ins not yet confirmed as held by Qtickets. A record is either queued (to be
// sent) or sent and awaiting confirmation (`sentAt` set: a read-back decides). It leaves only on
// evidence that the server holds the code (delivered), as a double entry the server holds with
// another time (a conflict), or to the rejected list when the server refused that very record.
import type { CheckIn, Conflict, RejectedCheckIn, ShowId } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

/** Everything not yet confirmed: queued and sent-awaiting-confirmation alike. */
export const pendingCount = (db: KontrolDb): Promise<number> => db.outbox.count();

const isQueued = (c: CheckIn) => c.sentAt === undefined || c.sentAt === null;

/** The oldest queued check-ins, all of one show (a batch goes to one show's endpoint). */
export async function oldestBatch(
  db: KontrolDb,
  limit: number,
  skip: ReadonlySet<string> = new Set(),
  skipShows: ReadonlySet<ShowId> = new Set(),
): Promise<CheckIn[]> {
  const eligible = (c: CheckIn) => isQueued(c) && !skip.has(c.id) && !skipShows.has(c.showId);
  const first = await db.outbox.orderBy('queuedAt').filter(eligible).first();
  if (!first) return [];
  return db.outbox.orderBy('queuedAt').filter((c) => c.showId === first.showId && eligible(c)).limit(limit).toArray();
}

/** Sent records whose read-back is due (sent at or before `sentBefore`), oldest first. */
export async function awaitingConfirmation(db: KontrolDb, sentBefore: number, limit: number): Promise<CheckIn[]> {
  return db.outbox.orderBy('queuedAt').filter((c) => !isQueued(c) && (c.sentAt ?? 0) <= sentBefore).limit(limit).toArray();
}

/** When the next read-back falls due (epoch ms of the oldest `sentAt`), or null with none waiting. */
export async function oldestSentAt(db: KontrolDb): Promise<number | null> {
  return (await db.outbox.orderBy('sentAt').first())?.sentAt ?? null;
}

// Queued records hold no sentAt (null is not a key), so the sentAt index holds exactly the
// awaiting ones: both counts below run after every scan and read no record.
/** Sent and waiting for a read-back to confirm them (part of the pending count). */
export const awaitingCount = (db: KontrolDb): Promise<number> => db.outbox.where('sentAt').aboveOrEqual(-Infinity).count();

export const queuedCount = async (db: KontrolDb): Promise<number> => (await db.outbox.count()) - (await awaitingCount(db));

/** The server holds these: only now may they leave the outbox. */
export async function markDelivered(db: KontrolDb, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.outbox.bulkDelete(ids);
}

/** The read-back showed the server does not hold these: send them again, with their own time. */
export async function requeue(db: KontrolDb, ids: string[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const id of ids) {
      await db.outbox.where('id').equals(id).modify((c) => {
        c.sentAt = null;
        c.refusal = null;
        c.unheld = (c.unheld ?? 0) + 1;
      });
    }
  });
}

/**
 * A delivered admission the server no longer holds (a later look showed `checked_at: null`): back
 * into the outbox with its original time. Not if it is queued already, or rejected (a person's call).
 */
export async function requeueUnheld(db: KontrolDb, record: Pick<CheckIn, 'id' | 'showId' | 'code' | 'checkedAt' | 'deviceId'>, now: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.rejected, async () => {
    if ((await db.outbox.get(record.id)) || (await db.rejected.get(record.id))) return false;
    await db.outbox.add({ ...record, queuedAt: now, attempts: 0, lastError: null, unheld: 1 });
    return true;
  });
}

/**
 * The server holds this code with another time: a double entry, found while delivering. The record
 * has nothing more to deliver (the server keeps one time per code); the conflict is what a person
 * must see. Stored once: a later background check that finds it too keeps the same id.
 */
export async function settleAsConflict(db: KontrolDb, id: string, conflict: Conflict): Promise<void> {
  await db.transaction('rw', db.outbox, db.conflicts, async () => {
    if (!(await db.outbox.get(id))) return;
    if (!(await db.conflicts.get(conflict.id))) await db.conflicts.put(conflict);
    await db.outbox.delete(id);
  });
}

/**
 * What one batch answer proved, applied in one transaction: delivered records leave, double
 * entries become conflicts, the rest wait for a read-back. One write for the whole batch — per
 * record, each commit re-ran the live queries watching the outbox (a hundred per batch), and the
 * page spent more time on that than on the request.
 */
export async function settleBatch(
  db: KontrolDb,
  settled: { delivered: string[]; conflicts: { id: string; conflict: Conflict }[]; awaiting: { id: string; refusal: string | null }[] },
  now: number,
): Promise<void> {
  const { delivered, conflicts, awaiting } = settled;
  if (delivered.length + conflicts.length + awaiting.length === 0) return;
  await db.transaction('rw', db.outbox, db.conflicts, async () => {
    if (conflicts.length > 0) {
      const present = await db.outbox.bulkGet(conflicts.map((c) => c.id));
      const known = await db.conflicts.bulkGet(conflicts.map((c) => c.conflict.id));
      const fresh = conflicts.filter((_, i) => present[i] && !known[i]).map((c) => c.conflict);
      await db.conflicts.bulkPut(fresh);
    }
    await db.outbox.bulkDelete([...delivered, ...conflicts.map((c) => c.id)]);
    for (const r of awaiting) await db.outbox.update(r.id, { sentAt: now, refusal: r.refusal });
  });
}

/** The server refused these: move them, in one transaction, to the visible rejected list. */
export async function moveToRejected(db: KontrolDb, refusals: { id: string; reason: string }[], now = Date.now()): Promise<void> {
  if (refusals.length === 0) return;
  await db.transaction('rw', db.outbox, db.rejected, async () => {
    const records = await db.outbox.bulkGet(refusals.map((r) => r.id));
    const moved: RejectedCheckIn[] = [];
    records.forEach((record, i) => {
      if (record) moved.push({ ...record, sentAt: null, refusal: null, rejectedAt: now, reason: refusals[i]?.reason ?? '' });
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

/** Rejected records a person has not dismissed, newest first: what `rejected-count` counts. */
export const listRejected = async (db: KontrolDb): Promise<RejectedCheckIn[]> =>
  (await db.rejected.orderBy('rejectedAt').reverse().toArray()).filter((r) => r.dismissedAt === undefined);

export const rejectedCount = async (db: KontrolDb): Promise<number> => db.rejected.filter((r) => r.dismissedAt === undefined).count();

/** A person asks to send these again (the refund was a mistake, the show was fixed): back to the queue. */
export async function resendRejected(db: KontrolDb, ids: string[]): Promise<number> {
  return db.transaction('rw', db.outbox, db.rejected, async () => {
    const records = (await db.rejected.bulkGet(ids)).filter((r): r is RejectedCheckIn => r !== undefined);
    const queued: CheckIn[] = records.map((r) => ({
      id: r.id,
      showId: r.showId,
      code: r.code,
      checkedAt: r.checkedAt,
      deviceId: r.deviceId,
      queuedAt: r.queuedAt,
      attempts: 0,
      lastError: null,
    }));
    await db.outbox.bulkPut(queued);
    await db.rejected.bulkDelete(queued.map((c) => c.id));
    return queued.length;
  });
}

/** A person settles a rejected record by hand, saying why; it stays on the device for the record. */
export async function dismissRejected(db: KontrolDb, id: string, reason: string, now = Date.now()): Promise<void> {
  await db.rejected.update(id, { dismissedAt: now, dismissReason: reason.trim() });
}
