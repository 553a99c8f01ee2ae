// The stored lists read whole, for what needs every ticket at hand: search and the per-zone
// counts. Read once per pulled list (the signature changes when any list is pulled again) and
// kept in memory by the caller; never on the scan path.
import Dexie from 'dexie';
import type { ShowId, Ticket } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

/** Changes whenever a show is added, removed, ticked or pulled again. */
export async function listsSignature(db: KontrolDb): Promise<string> {
  const shows = await db.shows.toArray();
  return shows.map((s) => `${s.id}:${s.pulledAt ?? ''}:${s.active ? 1 : 0}`).sort().join('|');
}

export async function loadTickets(db: KontrolDb, showIds: readonly ShowId[]): Promise<Ticket[]> {
  return db.transaction('r', db.tickets, async () => {
    const lists = await Promise.all(
      showIds.map((id) => db.tickets.where('[showId+code]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray()),
    );
    return lists.flat();
  });
}
