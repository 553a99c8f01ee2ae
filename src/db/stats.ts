// What the door numbers need from the store right now; cheap enough to re-run on every scan:
// admission keys only (no objects), the last minutes of the log by its time index, and denial
// counts straight from the verdict index.
import type { ShowId } from '../domain/types.ts';
import { DENIAL_KINDS } from '../domain/stats.ts';
import type { KontrolDb } from './database.ts';

export interface LiveNumbers {
  admitted: [ShowId, string][];
  /** Times of admissions (not undone) in the window. */
  recentAdmissions: number[];
  denials: Record<(typeof DENIAL_KINDS)[number], number>;
  pending: number;
}

export async function liveNumbers(db: KontrolDb, since: number): Promise<LiveNumbers> {
  return db.transaction('r', [db.admissions, db.scans, db.outbox], async () => {
    const admitted = (await db.admissions.toCollection().primaryKeys()) as [ShowId, string][];
    const recent = await db.scans.where('at').aboveOrEqual(since).filter((s) => s.verdict === 'valid' && !s.undoneAt).toArray();
    const counts = await Promise.all(DENIAL_KINDS.map((kind) => db.scans.where('verdict').equals(kind).count()));
    const denials = Object.fromEntries(DENIAL_KINDS.map((kind, i) => [kind, counts[i] ?? 0])) as LiveNumbers['denials'];
    return { admitted, recentAdmissions: recent.map((s) => s.at), denials, pending: await db.outbox.count() };
  });
}
