// What the door numbers need from the store right now; cheap enough to re-run on every scan:
// admission keys only (no objects), the admissions of the last minutes by the index that holds
// only admission lines, and denial counts straight from the verdict index.
import Dexie from 'dexie';
import type { ScanRecord, ShowId } from '../domain/types.ts';
import { DENIAL_KINDS } from '../domain/stats.ts';
import type { OverrideMark } from '../domain/supervisor.ts';
import type { KontrolDb } from './database.ts';

export interface LiveNumbers {
  admitted: [ShowId, string][];
  /** Times of admissions (not undone) in the window. */
  recentAdmissions: number[];
  /** Turned away: a denial a supervisor admitted anyway is among `overrides` instead. */
  denials: Record<(typeof DENIAL_KINDS)[number], number>;
  /** Supervisors' overrides, not undone, counted over the whole log like the denials (domain/supervisor.ts). */
  overrides: OverrideMark[];
  pending: number;
}

export async function liveNumbers(db: KontrolDb, since: number): Promise<LiveNumbers> {
  return db.transaction('r', [db.admissions, db.scans, db.outbox], async () => {
    const admitted = (await db.admissions.toCollection().primaryKeys()) as [ShowId, string][];
    // `[verified+at]` holds exactly the admission lines (denials carry no `verified`), so the
    // window's denials are never read. Plain ranges are read in one request each; a filter on
    // the collection walked a cursor instead, one round trip per line: with the numbers open,
    // 1,000 scans into a fast door, that alone doubled the verdict time (p50 108 → 215 ms).
    const linesOf = (verified: 0 | 1) => db.scans.where('[verified+at]').between([verified, since], [verified, Dexie.maxKey], true, true).toArray();
    const recent = ([] as ScanRecord[]).concat(...(await Promise.all([linesOf(0), linesOf(1)]))).filter((s) => !s.undoneAt);
    const counts = await Promise.all(DENIAL_KINDS.map((kind) => db.scans.where('verdict').equals(kind).count()));
    const denials = Object.fromEntries(DENIAL_KINDS.map((kind, i) => [kind, counts[i] ?? 0])) as LiveNumbers['denials'];
    // Every overridden line, by the index that holds only those (few in a night): each leaves
    // its denial's count while it stands, since the person came in after all.
    const overridden = await db.scans.where('override.at').above(0).toArray();
    for (const line of overridden) if (line.override && !line.undoneAt) denials[line.override.denied] -= 1;
    const overrides = overridden.flatMap((s) => (s.override && !s.undoneAt ? [s.override] : []));
    return { admitted, recentAdmissions: recent.map((s) => s.at), denials, overrides, pending: await db.outbox.count() };
  });
}
