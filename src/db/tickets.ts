import Dexie from 'dexie';
import type { Show, ShowId, Ticket } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

export type ListedTicket = Omit<Ticket, 'showId' | 'revoked'>;

export interface PullResult {
  listed: number;
  added: number;
  revoked: number;
  restored: number;
}

const showRange = (showId: ShowId) => [[showId, Dexie.minKey], [showId, Dexie.maxKey]] as const;

/**
 * Replaces a show's barcode list with the server's latest, in one transaction so a scan sees the
 * old list or the new one, never half. Codes that were listed before and are absent now are kept
 * as revoked (refunded or cancelled): forgetting them would turn "cancelled" into "not found".
 */
export async function replaceShowTickets(
  db: KontrolDb,
  showId: ShowId,
  listed: ListedTicket[],
  pulledAt: string,
  /** Stored (or updated) in the same transaction: a show never exists without its list. */
  show?: Omit<Show, 'pulledAt'>,
): Promise<PullResult> {
  return db.transaction('rw', db.tickets, db.shows, async () => {
    const [lower, upper] = showRange(showId);
    const before = await db.tickets.where('[showId+code]').between(lower, upper, true, true).toArray();
    const previous = new Map(before.map((t) => [t.code, t.revoked]));
    const now = new Set<string>();
    const rows: Ticket[] = [];
    let added = 0;
    let restored = 0;
    for (const t of listed) {
      if (now.has(t.code)) continue; // a duplicate code in the answer: the first listing wins
      now.add(t.code);
      const was = previous.get(t.code);
      if (was === undefined) added++;
      else if (was === 1) restored++;
      rows.push({ ...t, showId, revoked: 0 });
    }
    const gone = before.filter((t) => !now.has(t.code)).map((t) => ({ ...t, revoked: 1 as const }));
    await db.tickets.bulkPut(rows);
    await db.tickets.bulkPut(gone);
    const stored = await db.shows.get(showId);
    if (show) await db.shows.put({ ...show, active: stored?.active ?? show.active, pulledAt });
    else await db.shows.update(showId, { pulledAt });
    return { listed: rows.length, added, revoked: gone.filter((t) => previous.get(t.code) === 0).length, restored };
  });
}

/** Listed (not revoked) tickets of the given shows. */
export async function countListedTickets(db: KontrolDb, showIds: ShowId[]): Promise<number> {
  let total = 0;
  for (const id of showIds) {
    const [lower, upper] = showRange(id);
    total += await db.tickets.where('[showId+code]').between(lower, upper, true, true).filter((t) => t.revoked === 0).count();
  }
  return total;
}

export async function countAdmitted(db: KontrolDb, showIds: ShowId[]): Promise<number> {
  let total = 0;
  for (const id of showIds) {
    const [lower, upper] = showRange(id);
    total += await db.admissions.where('[showId+code]').between(lower, upper, true, true).count();
  }
  return total;
}
