import Dexie from 'dexie';
import type { Admission, Show, ShowId, Ticket } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { packInSlices, type PackedTickets } from '../domain/ticket-pack.ts';
import { currentLists, rememberList, revRange, yieldToPage } from './ticket-index.ts';
import { settleChanges } from './ticket-changes.ts';
import { TicketList } from './ticket-list.ts';
import { pageOf, PAGE_SIZE, ticketAt } from './ticket-pages.ts';

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

/** replaceShowList for a list as objects (tests, and callers without a packed answer). */
export function replaceShowTickets(
  db: KontrolDb,
  showId: ShowId,
  listed: readonly ListedTicket[],
  pulledAt: string,
  show?: Omit<Show, 'pulledAt'>,
  askedAt?: number,
): Promise<PullResult> {
  return replaceShowList(db, showId, packInSlices(listed, PAGE_SIZE), pulledAt, show, askedAt);
}

/**
 * Replaces a show's barcode list with the server's latest, as packs of at most PAGE_SIZE tickets
 * (the barcode worker packs them). The new list is written as pages of a new rev beside the old
 * one, then the show is switched to it in one short transaction: a scan sees the old list or the
 * new one, never half, and never waits for the write. Codes that were listed before and are
 * absent now are kept as revoked (refunded or cancelled): forgetting them would turn "cancelled"
 * into "not found". A code listed twice keeps its first listing. Nothing here makes an object or
 * a string per ticket, except for the revoked ones: a refresh of 100,000 tickets leaves the
 * collector almost nothing to do while the door scans.
 */
export async function replaceShowList(
  db: KontrolDb,
  showId: ShowId,
  packs: readonly PackedTickets[],
  pulledAt: string,
  /** Stored (or updated) in the switch: a show never exists without its list. */
  show?: Omit<Show, 'pulledAt'>,
  /** Epoch ms the server was asked for this list: ticket changes heard before then are in it. */
  askedAt = Date.now(),
): Promise<PullResult> {
  const stored = await db.shows.get(showId);
  const previous = stored ? (await currentLists(db, [stored])).get(showId) : undefined;
  const rev = crypto.randomUUID();
  const writtenAt = Date.now();
  const capacity = packs.reduce((n, p) => n + p.count, 0) + (previous?.size ?? 0);
  // Built as the pages are written: the list is in memory the moment the show points to it, and
  // is the same shape a reload reads back.
  const list = new TicketList(showId, rev, capacity);
  let pages = 0;
  let added = 0;
  let restored = 0;
  let revoked = 0;
  let listedNow = 0;
  try {
    for (const pack of packs) {
      if (pack.count > PAGE_SIZE) throw new RangeError(`a pack of ${pack.count} tickets`);
      const page = pageOf(showId, rev, pages++, pack, writtenAt);
      await db.ticketPages.put(page);
      list.add(page, (i) => {
        const was = previous?.revokedAt(page, i) ?? null;
        if (was === null) added++;
        else if (was === 1) restored++;
      });
      // One page per task: a scan waits at most for one page's write and hashing.
      await yieldToPage();
    }
    listedNow = list.size;
    const gone: Ticket[] = [];
    for (const page of previous?.pages ?? []) {
      for (let i = 0; i < page.count; i++) {
        if (!previous?.isFirst(page, i) || list.revokedAt(page, i) !== null) continue;
        const ticket = ticketAt(page, i);
        if (ticket.revoked === 0) revoked++;
        gone.push({ ...ticket, revoked: 1 });
      }
      await yieldToPage();
    }
    // Sold since the last pull (a webhook said so) and absent now: refunded or cancelled too.
    for (const ticket of previous?.amendedTickets() ?? []) {
      if (list.revokedOf(ticket.code) !== null) continue;
      revoked++;
      gone.push({ ...ticket, revoked: 1 });
    }
    for (const pack of packInSlices(gone, PAGE_SIZE)) {
      const page = pageOf(showId, rev, pages++, pack, writtenAt);
      await db.ticketPages.put(page);
      list.add(page);
      await yieldToPage();
    }
    const { changes, amended } = await db.transaction('rw', [db.shows, db.ticketPages, db.ticketChanges], async () => {
      const written = await db.ticketPages.where('[showId+rev+page]').between(...revRange(showId, rev), true, true).count();
      // A sign-out, or a clean-up that took this pull for abandoned, removed pages meanwhile.
      if (written !== pages) throw new ListSwitchError(`list of show ${showId} changed while it was stored`);
      const current = await db.shows.get(showId);
      const switched = { listRev: rev, pages, listed: listedNow, pulledAt };
      if (show) await db.shows.put({ ...show, active: current?.active ?? show.active, amended: current?.amended, ...switched });
      else if (current) await db.shows.put({ ...current, ...switched });
      else throw new ListSwitchError(`show ${showId} is no longer stored`);
      return { changes: await settleChanges(db, showId, askedAt), amended: current?.amended ?? 0 };
    });
    list.amend(changes, amended);
  } catch (error) {
    // A full disk mid-write, or a failed switch: the old list stays current and this pull's
    // pages go (only its own: another tab's pull may be writing its rev right now).
    await deletePages(db, showId, rev).catch(() => undefined);
    throw error;
  }
  rememberList(db, list);
  // Old revs go after the switch; a failure here only leaves pages a later pull removes.
  await dropOldRevs(db, showId, previous?.rev ?? null, rev).catch(() => undefined);
  return { listed: listedNow, added, revoked, restored };
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

/** What this device knows of these tickets' admissions (its own, the server's, the venue's), in order. */
export async function admissionsOf(db: KontrolDb, keys: [ShowId, string][]): Promise<(Admission | undefined)[]> {
  return db.admissions.bulkGet(keys);
}
