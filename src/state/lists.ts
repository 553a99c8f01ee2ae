// Everything that needs the stored lists whole (search, per-zone numbers, the zones an entrance
// may pick): one in-memory snapshot, read again only when a list was pulled again, shared by
// every screen that asks.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { ListsSnapshot } from '../door/lists-snapshot.ts';
import { searchTicketsCounted, type SearchHit } from '../domain/search.ts';
import type { Admission, ShowId, Ticket } from '../domain/types.ts';
import { useLiveRead } from './live-query.ts';
import { useServices } from './services.tsx';

export type { ListsSnapshot };

/** The latest snapshot; the previous one stays in use while a newer list is being read. */
export function useListsSnapshot(): ListsSnapshot | undefined {
  const { store } = useServices();
  const signature = useLiveRead(() => store.listsSignature());
  const [snapshot, setSnapshot] = useState<ListsSnapshot>();
  useEffect(() => {
    if (signature === undefined) return;
    let live = true;
    store.listsSnapshot(signature).then(
      (s) => live && setSnapshot(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store, signature]);
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
  const { store } = useServices();
  const keys = tickets.map((t): [ShowId, string] => [t.showId, t.code]);
  const signature = keys.map((k) => `${k[0]}:${k[1]}`).join(',');
  // `signature` stands for `keys`: the same tickets must not re-run the query on every render.
  return useLiveRead(() => store.admissionsOf(keys), [signature]);
}

export function useEntranceZones(): [string[] | undefined, (zones: string[]) => Promise<void>] {
  const { store } = useServices();
  const zones = useLiveRead(() => store.entranceZones());
  return [zones, store.setEntranceZones];
}
