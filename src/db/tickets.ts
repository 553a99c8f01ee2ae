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

/**
 * Per-show counts written with the list, in the same transaction. The door's header reads them on
 * every admission (a live query): counting listed tickets by reading 100 000 rows each time took
 * seconds and competed with the scans. `total` (listed + revoked rows) lets a reader check that
 * the summary still describes the rows, with a key-only count.
 */
interface ListSummary {
  listed: number;
  total: number;
}

const summaryKey = (showId: ShowId) => `tickets-summary:${showId}`;

const showRange = (showId: ShowId) => [[showId, Dexie.minKey], [showId, Dexie.maxKey]] as const;

const LISTED_FIELDS = ['admission', 'price', 'seatName', 'zoneName', 'row', 'place', 'clientName', 'clientSurname', 'clientMiddlename'] as const;

/** A row the server lists exactly as stored needs no write: each put costs about 0.1 ms in Chromium. */
function unchanged(stored: Ticket, listed: ListedTicket): boolean {
  return stored.revoked === 0 && LISTED_FIELDS.every((f) => stored[f] === listed[f]);
}

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
  return db.transaction('rw', [db.tickets, db.shows, db.settings], async () => {
    const [lower, upper] = showRange(showId);
    const before = await db.tickets.where('[showId+code]').between(lower, upper, true, true).toArray();
    const previous = new Map(before.map((t) => [t.code, t]));
    const now = new Set<string>();
    const rows: Ticket[] = [];
    let added = 0;
    let restored = 0;
    for (const t of listed) {
      if (now.has(t.code)) continue; // a duplicate code in the answer: the first listing wins
      now.add(t.code);
      const was = previous.get(t.code);
      if (was === undefined) added++;
      else if (was.revoked === 1) restored++;
      if (was === undefined || !unchanged(was, t)) rows.push({ ...t, showId, revoked: 0 });
    }
    const gone = before.filter((t) => !now.has(t.code));
    const newlyGone = gone.filter((t) => t.revoked === 0).map((t) => ({ ...t, revoked: 1 as const }));
    await db.tickets.bulkPut(rows);
    await db.tickets.bulkPut(newlyGone);
    const summary: ListSummary = { listed: now.size, total: now.size + gone.length };
    await db.settings.put({ key: summaryKey(showId), value: summary });
    const stored = await db.shows.get(showId);
    if (show) await db.shows.put({ ...show, active: stored?.active ?? show.active, pulledAt });
    else await db.shows.update(showId, { pulledAt });
    return { listed: now.size, added, revoked: newlyGone.length, restored };
  });
}

const isSummary = (x: unknown): x is ListSummary =>
  typeof x === 'object' && x !== null && typeof (x as ListSummary).listed === 'number' && typeof (x as ListSummary).total === 'number';

/** Listed (not revoked) tickets of the given shows. */
export async function countListedTickets(db: KontrolDb, showIds: ShowId[]): Promise<number> {
  let total = 0;
  for (const id of showIds) {
    const [lower, upper] = showRange(id);
    const range = db.tickets.where('[showId+code]').between(lower, upper, true, true);
    const summary = (await db.settings.get(summaryKey(id)))?.value;
    // A key-only count (no row is read) confirms the summary; a list stored before summaries
    // existed is counted the slow way once per read.
    if (isSummary(summary) && (await range.count()) === summary.total) total += summary.listed;
    else total += await range.filter((t) => t.revoked === 0).count();
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
