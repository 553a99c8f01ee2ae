// Exit and re-entry for the screens: the door's direction, the shows that allow re-entry, zone
// capacities, who is inside now, and how the verdict shows a ticket (category badge, buyer's name).
import { useEffect, useMemo, useState } from 'react';
import type { Presence, StoredShow } from '../door/types.ts';
import { admittingShows } from '../domain/door-day.ts';
import { admitsSeveralCategories, stillInside } from '../domain/presence.ts';
import { countByShowAndZone, type ShowCount } from '../domain/stats.ts';
import type { DoorDirection, Show, ShowId } from '../domain/types.ts';
import { useEntranceZones, useListsSnapshot } from './lists.ts';
import { useLiveRead } from './live-query.ts';
import { useNow } from './now.ts';
import { NUMBERS_EVERY_MS } from './numbers.ts';
import { useServices } from './services.tsx';

export function useDoorDirection(): [DoorDirection | undefined, (direction: DoorDirection) => Promise<void>] {
  const { store } = useServices();
  return [useLiveRead(() => store.doorDirection()), store.setDoorDirection];
}

export function useReentryShows(): [number[] | undefined, (showId: ShowId, allowed: boolean) => Promise<void>] {
  const { store } = useServices();
  return [useLiveRead(() => store.reentryShows()), store.setReentry];
}

/** Capacity by zone name; a change resolves false when the number was refused. */
export function useZoneCapacity(): [Record<string, number> | undefined, (zone: string, capacity: number | null) => Promise<boolean>] {
  const { store } = useServices();
  return [useLiveRead(() => store.zoneCapacity()), store.setZoneCapacity];
}

export function useShowBuyerName(): [boolean | undefined, (shown: boolean) => Promise<void>] {
  const { store } = useServices();
  return [useLiveRead(() => store.showBuyerName()), store.setShowBuyerName];
}

/** Inside now (admitted − left) per show this door admits and per zone, live. */
export function useInside(shows: readonly Show[] | undefined): ShowCount[] | undefined {
  const { store } = useServices();
  const [presence, setPresence] = useState<Presence>();
  useEffect(() => store.watchPresence(NUMBERS_EVERY_MS, setPresence), [store]);
  const snapshot = useListsSnapshot();
  return useMemo(() => {
    if (!presence || !snapshot || !shows) return undefined;
    const ids = shows.filter((s) => s.active).map((s) => s.id);
    return countByShowAndZone(snapshot.zones, stillInside(presence.admitted, presence.movements), ids);
  }, [presence, snapshot, shows]);
}

/** After opening, the first scans come first: the lists' categories are read a moment later. */
const CATEGORIES_AFTER_MS = 1500;

/** How the verdict panel shows a ticket here: the category as a badge where several come through, the name unless hidden. */
export function useVerdictView(shows: readonly StoredShow[] | undefined): { categories: boolean; buyerName: boolean } {
  const { store } = useServices();
  const [entrance] = useEntranceZones();
  const [buyerName] = useShowBuyerName();
  // Today's shows change at midnight: a minute's tick is soon enough.
  const now = useNow(60_000);
  const admitting = useMemo(() => (shows ? shows.filter((s) => admittingShows(shows, new Date(now)).has(s.id)) : undefined), [shows, now]);
  const [zones, setZones] = useState<string[][]>();
  useEffect(() => {
    // A door limited to zones names its categories itself: the lists need not be read.
    if (!admitting || !entrance || entrance.length > 0) return;
    let live = true;
    const timer = setTimeout(() => {
      store.categoriesOf(admitting).then(
        (byShow) => live && setZones([...byShow.values()]),
        () => undefined,
      );
    }, CATEGORIES_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [store, admitting, entrance]);
  const categories = entrance ? admitsSeveralCategories(entrance, entrance.length > 0 ? [] : (zones ?? [])) : false;
  return { categories, buyerName: buyerName ?? true };
}
