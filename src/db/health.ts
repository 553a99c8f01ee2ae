// Counts for the device-health screen, read in one read-only transaction so they agree.
import type { KontrolDb } from './database.ts';

export interface StoreHealth {
  shows: number;
  /** Listed (not revoked) tickets of every stored show, active or not. */
  ticketsListed: number;
  /** The oldest of the shows' last pulls: how stale the least fresh list is. */
  oldestPullAt: string | null;
  newestPullAt: string | null;
  pending: number;
  /** When the longest-waiting check-in was queued (epoch ms). */
  oldestPendingAt: number | null;
  rejected: number;
  admissions: number;
}

export async function readStoreHealth(db: KontrolDb): Promise<StoreHealth> {
  return db.transaction('r', [db.shows, db.outbox, db.rejected, db.admissions], async () => {
    const shows = await db.shows.toArray();
    const pulls = shows.map((s) => s.pulledAt).filter((p): p is string => p !== null).sort();
    const oldestPending = await db.outbox.orderBy('queuedAt').first();
    return {
      shows: shows.length,
      // The count the pull stored with each show: reading 100,000 tickets here would stall the screen.
      ticketsListed: shows.reduce((sum, s) => sum + (s.listed ?? 0), 0),
      oldestPullAt: pulls[0] ?? null,
      newestPullAt: pulls[pulls.length - 1] ?? null,
      pending: await db.outbox.count(),
      oldestPendingAt: oldestPending?.queuedAt ?? null,
      rejected: await db.rejected.count(),
      admissions: await db.admissions.count(),
    };
  });
}
