// Everything that needs the stored lists whole (search, per-zone numbers, the zones an entrance
// may pick): one in-memory snapshot per database, read again only when a list was pulled again,
// shared by every screen that asks.
import type { KontrolDb } from '../db/database.ts';
import { listShows } from '../db/shows.ts';
import { loadTickets } from '../db/snapshot.ts';
import { buildSearchIndex, type SearchIndex } from '../domain/search.ts';
import { buildZoneMap, type ZoneMap } from '../domain/stats.ts';
import type { ShowId } from '../domain/types.ts';
import { distinctZones } from '../domain/zones.ts';

export interface ListsSnapshot {
  signature: string;
  search: SearchIndex;
  zones: ZoneMap;
  /** Zone names per show, for the entrance filter. */
  zoneNames: Map<ShowId, string[]>;
}

const cache = new WeakMap<KontrolDb, { signature: string; snapshot: Promise<ListsSnapshot> }>();

/** The snapshot for `signature` (db/snapshot.ts's listsSignature); a failed read is not kept. */
export function loadListsSnapshot(db: KontrolDb, signature: string): Promise<ListsSnapshot> {
  const hit = cache.get(db);
  if (hit?.signature === signature) return hit.snapshot;
  const snapshot = (async () => {
    const shows = await listShows(db);
    const tickets = await loadTickets(
      db,
      shows.map((s) => s.id),
    );
    const zoneNames = new Map<ShowId, string[]>();
    for (const show of shows) zoneNames.set(show.id, distinctZones(tickets.filter((t) => t.showId === show.id).map((t) => t.zoneName)));
    return { signature, search: buildSearchIndex(tickets), zones: buildZoneMap(tickets), zoneNames };
  })();
  cache.set(db, { signature, snapshot });
  snapshot.catch(() => cache.delete(db));
  return snapshot;
}
