import Dexie from 'dexie';
import type { Show, ShowId, Ticket } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { currentLists, makeList, rememberList } from './ticket-index.ts';
import { encodePages } from './ticket-pages.ts';

export type ListedTicket = Omit<Ticket, 'showId' | 'revoked'>;

export interface PullResult {
  listed: number;
  added: number;
  revoked: number;
  restored: number;
}

/** Pages written per transaction: short enough that a cold read of another list is not kept waiting. */
const PAGES_PER_WRITE = 5;

const revRange = (showId: ShowId, rev: string) => [[showId, rev, Dexie.minKey], [showId, rev, Dexie.maxKey]] as const;
// [id] sorts before every [id, rev, page] and [id, []] after them (arrays sort after strings).
const showRange = (showId: ShowId) => [[showId], [showId, []]] as const;

/** The pull was overtaken (another tab pulled the same show, or the device was signed out). */
export class ListSwitchError extends Error {
  override name = 'ListSwitchError';
}

/**
 * Replaces a show's barcode list with the server's latest. The new list is written as pages of a
 * new rev beside the old one, then the show is switched to it in one short transaction: a scan
 * sees the old list or the new one, never half, and never waits for the write. Codes that were
 * listed before and are absent now are kept as revoked (refunded or cancelled): forgetting them
 * would turn "cancelled" into "not found".
 */
export async function replaceShowTickets(
  db: KontrolDb,
  showId: ShowId,
  listed: ListedTicket[],
  pulledAt: string,
  /** Stored (or updated) in the switch: a show never exists without its list. */
  show?: Omit<Show, 'pulledAt'>,
): Promise<PullResult> {
  const stored = await db.shows.get(showId);
  const previous = stored ? (await currentLists(db, [stored])).get(showId) : undefined;
  const now = new Set<string>();
  const tickets: Ticket[] = [];
  let added = 0;
  let restored = 0;
  for (const t of listed) {
    if (now.has(t.code)) continue; // a duplicate code in the answer: the first listing wins
    now.add(t.code);
    const was = previous?.byCode.get(t.code);
    if (was === undefined) added++;
    else if (was.revoked === 1) restored++;
    tickets.push({ ...t, showId, revoked: 0 });
  }
  let revoked = 0;
  for (const t of previous?.tickets ?? []) {
    if (now.has(t.code)) continue;
    if (t.revoked === 0) revoked++;
    tickets.push(t.revoked === 1 ? t : { ...t, revoked: 1 });
  }

  const rev = crypto.randomUUID();
  const pages = encodePages(showId, rev, tickets);
  for (let i = 0; i < pages.length; i += PAGES_PER_WRITE) await db.ticketPages.bulkPut(pages.slice(i, i + PAGES_PER_WRITE));

  await db.transaction('rw', [db.shows, db.ticketPages], async () => {
    const written = await db.ticketPages.where('[showId+rev+page]').between(...revRange(showId, rev), true, true).count();
    // Another tab's clean-up may have removed pages of this rev while they were being written.
    if (written !== pages.length) throw new ListSwitchError(`list of show ${showId} changed while it was stored`);
    const current = await db.shows.get(showId);
    const list = { listRev: rev, pages: pages.length, listed: now.size, pulledAt };
    if (show) await db.shows.put({ ...show, active: current?.active ?? show.active, ...list });
    else if (current) await db.shows.put({ ...current, ...list });
    else throw new ListSwitchError(`show ${showId} is no longer stored`);
  }).catch(async (error: unknown) => {
    // Only this pull's own pages: another tab's pull may be writing its rev right now.
    await db.ticketPages.where('[showId+rev+page]').between(...revRange(showId, rev), true, true).delete().catch(() => undefined);
    throw error;
  });
  rememberList(db, makeList(showId, rev, tickets));
  // Old revs go after the switch; a failure here only leaves pages the next pull removes.
  await dropOtherRevs(db, showId, rev).catch(() => undefined);
  return { listed: now.size, added, revoked, restored };
}

/**
 * Removes a show's pages of every rev but `keep` and the show's current one: superseded lists and
 * what an interrupted pull left. (A pull in another tab at this moment loses its pages and fails
 * its switch; its next pass stores the list again.)
 */
async function dropOtherRevs(db: KontrolDb, showId: ShowId, keep: string): Promise<void> {
  await db.transaction('rw', [db.shows, db.ticketPages], async () => {
    const current = (await db.shows.get(showId))?.listRev;
    const [lower, upper] = showRange(showId);
    const keys = await db.ticketPages.where('[showId+rev+page]').between(lower, upper, true, true).primaryKeys();
    await db.ticketPages.bulkDelete(keys.filter(([, rev]) => rev !== keep && rev !== current));
  });
}

/** Listed (not revoked) tickets of the given shows, from the count the pull stored with them. */
export async function countListedTickets(db: KontrolDb, showIds: ShowId[]): Promise<number> {
  const shows = await db.shows.bulkGet(showIds);
  return shows.reduce((sum, s) => sum + (s?.listed ?? 0), 0);
}

export async function countAdmitted(db: KontrolDb, showIds: ShowId[]): Promise<number> {
  let total = 0;
  for (const id of showIds) {
    total += await db.admissions.where('[showId+code]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).count();
  }
  return total;
}
