import Dexie from 'dexie';
import type { Show, ShowId, Ticket } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { currentLists, makeList, rememberList, revRange, SLICE, yieldToPage } from './ticket-index.ts';
import { encodePage, PAGE_SIZE, type PagedTicket, type TicketPage } from './ticket-pages.ts';

export type ListedTicket = Omit<Ticket, 'showId' | 'revoked'>;

export interface PullResult {
  listed: number;
  added: number;
  revoked: number;
  restored: number;
}

/** Pages deleted per transaction: short enough that a cold read of another list is not kept waiting. */
const PAGES_PER_WRITE = 1;

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
  // The answer's objects go into the pages as they are (listed, so not revoked): no copy of each.
  const tickets: PagedTicket[] = [];
  let added = 0;
  let restored = 0;
  for (let i = 0; i < listed.length; i++) {
    // Slices: a 100,000-ticket list compared in one go held the page (and any scan) for 100+ ms.
    if (i % SLICE === SLICE - 1) await yieldToPage();
    const t = listed[i] as ListedTicket;
    if (now.has(t.code)) continue; // a duplicate code in the answer: the first listing wins
    now.add(t.code);
    const was = previous?.revokedOf(t.code) ?? null;
    if (was === null) added++;
    else if (was === 1) restored++;
    tickets.push(t);
  }
  let revoked = 0;
  let seen = 0;
  for (const code of previous?.codes() ?? []) {
    if (++seen % SLICE === 0) await yieldToPage();
    if (now.has(code)) continue;
    const gone = previous?.get(code) as Ticket;
    if (gone.revoked === 0) revoked++;
    tickets.push({ ...gone, revoked: 1 });
  }

  const rev = crypto.randomUUID();
  const writtenAt = Date.now();
  const written: TicketPage[] = [];
  let list: Awaited<ReturnType<typeof makeList>>;
  try {
    for (let i = 0; i < tickets.length; i += PAGE_SIZE) {
      const page = encodePage(showId, rev, written.length, tickets.slice(i, i + PAGE_SIZE), writtenAt);
      await db.ticketPages.put(page);
      written.push(page);
    }
    const pages = written.length;
    // Built from the pages just written, before the switch: the list is in memory the moment
    // the show points to it, and is the same shape a reload reads back.
    list = await makeList(showId, rev, written);
    await db.transaction('rw', [db.shows, db.ticketPages], async () => {
      const stored = await db.ticketPages.where('[showId+rev+page]').between(...revRange(showId, rev), true, true).count();
      // A sign-out, or a clean-up that took this pull for abandoned, removed pages meanwhile.
      if (stored !== pages) throw new ListSwitchError(`list of show ${showId} changed while it was stored`);
      const current = await db.shows.get(showId);
      const switched = { listRev: rev, pages, listed: now.size, pulledAt };
      if (show) await db.shows.put({ ...show, active: current?.active ?? show.active, ...switched });
      else if (current) await db.shows.put({ ...current, ...switched });
      else throw new ListSwitchError(`show ${showId} is no longer stored`);
    });
  } catch (error) {
    // A full disk mid-write, or a failed switch: the old list stays current and this pull's
    // pages go (only its own: another tab's pull may be writing its rev right now).
    await deletePages(db, showId, rev).catch(() => undefined);
    throw error;
  }
  rememberList(db, list);
  // Old revs go after the switch; a failure here only leaves pages a later pull removes.
  await dropOldRevs(db, showId, previous?.rev ?? null, rev).catch(() => undefined);
  return { listed: now.size, added, revoked, restored };
}

/** A pull that wrote pages this long ago and never switched to them has been abandoned. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Removes the list just replaced and what abandoned pulls left. Only ticketPages is written, and
 * in small steps: deleting 100,000 tickets in one transaction that also held `shows` kept scans
 * waiting for a second. The replaced rev is never current again (revs are unique), and pages of
 * a pull still in progress elsewhere are younger than ABANDONED_AFTER_MS, so neither a scan nor
 * another tab's pull loses pages it needs.
 */
async function dropOldRevs(db: KontrolDb, showId: ShowId, replaced: string | null, keep: string): Promise<void> {
  if (replaced !== null && replaced !== keep) await deletePages(db, showId, replaced);
  const current = (await db.shows.get(showId))?.listRev;
  const [lower, upper] = showRange(showId);
  const cutoff = Date.now() - ABANDONED_AFTER_MS;
  const keys = await db.ticketPages.where('[showId+rev+page]').between(lower, upper, true, true).primaryKeys();
  const others = new Set(keys.map(([, rev]) => rev).filter((rev) => rev !== keep && rev !== current));
  const abandoned: string[] = [];
  // Keys only, then one page per rev: reading whole pages here would deserialise a list on the page's thread.
  for (const rev of others) {
    const first = await db.ticketPages.where('[showId+rev+page]').between(...revRange(showId, rev), true, true).first();
    if (first && first.writtenAt < cutoff) abandoned.push(rev);
  }
  for (const rev of abandoned) await deletePages(db, showId, rev);
}

async function deletePages(db: KontrolDb, showId: ShowId, rev: string): Promise<void> {
  const keys = await db.ticketPages.where('[showId+rev+page]').between(...revRange(showId, rev), true, true).primaryKeys();
  for (let i = 0; i < keys.length; i += PAGES_PER_WRITE) await db.ticketPages.bulkDelete(keys.slice(i, i + PAGES_PER_WRITE));
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
