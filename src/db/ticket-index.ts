// The barcode lists in memory, for the verdict and everything else that looks tickets up. A scan
// must not wait on IndexedDB for the list (a pull's write, a cold read of 100,000 rows): the
// lists are read once per pull (per rev) and kept here, keyed by the database they came from.
// Each entry is checked against the show's `listRev` and `amended` before use, so a pull or a
// ticket change (ticket-changes.ts) made in another tab is picked up on the next lookup, and a
// list is always one rev whole.
import Dexie from 'dexie';
import type { ShowId, Ticket } from '../domain/types.ts';
import type { KontrolDb, StoredShow } from './database.ts';
import { TicketList } from './ticket-list.ts';
import type { TicketPage } from './ticket-pages.ts';
import { changesOf, type TicketChange } from './ticket-changes.ts';

/** Key range of one list's pages: [showId, rev, page] for every page. */
export const revRange = (showId: ShowId, rev: string) => [[showId, rev, Dexie.minKey], [showId, rev, Dexie.maxKey]] as const;

export type ShowList = TicketList;

interface Cache {
  lists: Map<ShowId, ShowList>;
  /** One read at a time: two cold scans wait for the same read instead of doing it twice. */
  reading: Promise<void>;
}

const caches = new WeakMap<KontrolDb, Cache>();

function cacheOf(db: KontrolDb): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { lists: new Map(), reading: Promise.resolve() };
    caches.set(db, cache);
  }
  return cache;
}

/** Lets a scan (input event, IndexedDB callback) run between two slices of a long job. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Pages hashed between two yields: about 1 ms each here. */
const PAGES_PER_SLICE = 2;

/** Builds a list's lookup a page at a time, yielding in between (a scan never waits for all of it). */
export async function makeList(showId: ShowId, rev: string, pages: readonly TicketPage[]): Promise<ShowList> {
  const list = new TicketList(showId, rev, pages.reduce((n, p) => n + p.count, 0));
  for (let i = 0; i < pages.length; i++) {
    list.add(pages[i] as TicketPage);
    if (i % PAGES_PER_SLICE === PAGES_PER_SLICE - 1) await yieldToPage();
  }
  return list;
}

/** Called by the pull after its switch committed: the list it just wrote needs no reading back. */
export function rememberList(db: KontrolDb, list: ShowList): void {
  cacheOf(db).lists.set(list.showId, list);
}

/** Sign-out: names leave memory with the database. */
export function forgetLists(db: KontrolDb): void {
  caches.delete(db);
}

/** A show removed from the device (forget-show.ts): its names leave memory too. */
export function forgetList(db: KontrolDb, showId: ShowId): void {
  const cache = caches.get(db);
  if (!cache) return;
  cache.lists.delete(showId);
  // A read of that list begun before the removal would put it back when it ends.
  cache.reading = cache.reading.catch(() => undefined).then(() => void cache.lists.delete(showId));
}

/** Whether the list in memory is the show's current one, with its current amendments. */
function isCurrent(list: ShowList | undefined, show: Pick<StoredShow, 'listRev' | 'amended'>): boolean {
  return list !== undefined && list.rev === show.listRev && list.amendedAs === (show.amended ?? 0);
}

async function readLists(db: KontrolDb, cache: Cache, ids: ShowId[]): Promise<void> {
  // The show, its pages and its changes in one transaction: a pull cleaning up the old rev cannot slip between.
  const read = await db.transaction('r', [db.shows, db.ticketPages, db.ticketChanges], async () => {
    const found: { id: ShowId; rev: string | null; amended: number; pages: TicketPage[] | null; changes: TicketChange[] }[] = [];
    for (const id of ids) {
      const show = await db.shows.get(id);
      const rev = show?.listRev ?? null;
      const held = cache.lists.get(id);
      if (rev === null || !show || isCurrent(held, show)) {
        // Gone, or read meanwhile by an earlier lookup: nothing to lay over again.
        if (rev === null) found.push({ id, rev, amended: 0, pages: null, changes: [] });
        continue;
      }
      const changes = await changesOf(db, id);
      // Only the changes moved on: the pages in memory are still the list's.
      const pages = held?.rev === rev ? null : await db.ticketPages.where('[showId+rev+page]').between(...revRange(id, rev), true, true).toArray();
      found.push({ id, rev, amended: show.amended ?? 0, pages, changes });
    }
    return found;
  });
  // Indexed after the transaction, with yields in between.
  for (const { id, rev, amended, pages, changes } of read) {
    if (rev === null) cache.lists.delete(id);
    if (rev === null) continue;
    const held = cache.lists.get(id);
    if (isCurrent(held, { listRev: rev, amended })) continue;
    const list = pages === null && held?.rev === rev ? held : pages === null ? null : await makeList(id, rev, pages);
    if (list === null) continue; // the pages in memory were replaced meanwhile: the next lookup reads again
    list.amend(changes, amended);
    cache.lists.set(id, list);
  }
}

/**
 * The lists of the given shows (as read from `shows` by the caller), each at the show's current
 * rev. Costs nothing when they are in memory already; reads only the stale ones otherwise.
 */
export async function currentLists(db: KontrolDb, shows: readonly StoredShow[]): Promise<Map<ShowId, ShowList>> {
  const cache = cacheOf(db);
  const stale = () => shows.filter((s) => (s.listRev ? !isCurrent(cache.lists.get(s.id), s) : cache.lists.has(s.id))).map((s) => s.id);
  if (stale().length > 0) {
    // A failed earlier read must not stop this one; this one's failure reaches its own caller.
    cache.reading = cache.reading.catch(() => undefined).then(() => (stale().length > 0 ? readLists(db, cache, stale()) : undefined));
    await cache.reading;
  }
  const out = new Map<ShowId, ShowList>();
  for (const show of shows) {
    const list = cache.lists.get(show.id);
    if (list) out.set(show.id, list);
  }
  return out;
}

/** Every stored show's list. */
export async function allLists(db: KontrolDb): Promise<Map<ShowId, ShowList>> {
  return currentLists(db, await db.shows.toArray());
}

/** Tickets with any of the codes, across the lists. */
export function findTickets(lists: ReadonlyMap<ShowId, ShowList>, codes: readonly string[]): Ticket[] {
  const found: Ticket[] = [];
  for (const list of lists.values()) {
    for (const code of codes) {
      const t = list.get(code);
      if (t) found.push(t);
    }
  }
  return found;
}

export function ticketOf(lists: ReadonlyMap<ShowId, ShowList>, showId: ShowId, code: string): Ticket | null {
  return lists.get(showId)?.get(code) ?? null;
}
