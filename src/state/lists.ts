// Everything that needs the stored lists whole (search, per-zone numbers, the zones an entrance
// may pick): one in-memory snapshot, read again only when a list was pulled again, shared by
// every screen that asks.
import { useLiveQuery } from './live-query.ts';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { KontrolDb } from '../db/database.ts';
import { getEntranceZones, setEntranceZones } from '../db/entrance.ts';
import { listsSignature, loadTickets } from '../db/snapshot.ts';
import { admissionsOf } from '../db/tickets.ts';
import { buildSearchIndex, searchTicketsCounted, type SearchHit, type SearchIndex } from '../domain/search.ts';
import { buildZoneMap, type ZoneMap } from '../domain/stats.ts';
import type { Admission, ShowId, Ticket } from '../domain/types.ts';
import { distinctZones } from '../domain/zones.ts';
import { useServices } from './services.tsx';

export interface ListsSnapshot {
  signature: string;
  search: SearchIndex;
  zones: ZoneMap;
  /** Zone names per show, for the entrance filter. */
  zoneNames: Map<ShowId, string[]>;
}

const cache = new WeakMap<KontrolDb, { signature: string; snapshot: Promise<ListsSnapshot> }>();

function loadSnapshot(db: KontrolDb, signature: string): Promise<ListsSnapshot> {
  const hit = cache.get(db);
  if (hit?.signature === signature) return hit.snapshot;
  const snapshot = (async () => {
    const shows = await db.shows.toArray();
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

/** The latest snapshot; the previous one stays in use while a newer list is being read. */
export function useListsSnapshot(): ListsSnapshot | undefined {
  const { db } = useServices();
  const signature = useLiveQuery(() => listsSignature(db), [db]);
  const [snapshot, setSnapshot] = useState<ListsSnapshot>();
  useEffect(() => {
    if (signature === undefined) return;
    let live = true;
    loadSnapshot(db, signature).then(
      (s) => live && setSnapshot(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [db, signature]);
  return snapshot;
}

export interface SearchResult {
  hits: SearchHit[];
  /** False until the lists have been read into memory. */
  ready: boolean;
  /** How long the last query took on this device, ms. */
  tookMs: number | null;
  /** How many matched in all; `hits` holds the best of them only. */
  total: number;
}

export function useTicketSearch(query: string): SearchResult {
  const snapshot = useListsSnapshot();
  // Typing stays responsive even if a query were slow on an old phone.
  const deferred = useDeferredValue(query);
  return useMemo(() => {
    if (!snapshot) return { hits: [], ready: false, tookMs: null, total: 0 };
    // Timing the search only observes it: the hits are the same whatever the clock says, and the
    // figure shown is "about this long on this phone".
    // eslint-disable-next-line react-hooks/purity
    const start = performance.now();
    const { hits, total } = searchTicketsCounted(snapshot.search, deferred);
    // eslint-disable-next-line react-hooks/purity
    return { hits, total, ready: true, tookMs: performance.now() - start };
  }, [snapshot, deferred]);
}

/** The admissions of these tickets (live: a guest admitted meanwhile is marked at once). */
export function useAdmissionsOf(tickets: readonly Ticket[]): (Admission | undefined)[] | undefined {
  const { db } = useServices();
  const keys = tickets.map((t): [ShowId, string] => [t.showId, t.code]);
  const signature = keys.map((k) => `${k[0]}:${k[1]}`).join(',');
  // `signature` stands for `keys`: the same tickets must not re-run the query on every render.
  return useLiveQuery(() => admissionsOf(db, keys), [db, signature]);
}

export function useEntranceZones(): [string[] | undefined, (zones: string[]) => Promise<void>] {
  const { db } = useServices();
  const zones = useLiveQuery(() => getEntranceZones(db), [db]);
  const set = useCallback((next: string[]) => setEntranceZones(db, next), [db]);
  return [zones, set];
}
