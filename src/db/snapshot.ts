// The stored lists read whole, for what needs every ticket at hand: search and the per-zone
// counts. The caller rebuilds what it derives when the signature changes (a list pulled again).
import type { ShowId, Ticket } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { allLists } from './ticket-index.ts';

/** Changes whenever a show is added, removed, ticked, pulled again or its list amended (ticket-changes.ts). */
export async function listsSignature(db: KontrolDb): Promise<string> {
  const shows = await db.shows.toArray();
  return shows.map((s) => `${s.id}:${s.listRev ?? ''}:${s.amended ?? 0}:${s.active ? 1 : 0}`).sort().join('|');
}

/** The given shows' tickets, built from the lists the verdict uses (in memory since start-up). */
export async function loadTickets(db: KontrolDb, showIds: readonly ShowId[]): Promise<Ticket[]> {
  const lists = await allLists(db);
  return showIds.flatMap((id) => lists.get(id)?.tickets() ?? []);
}
