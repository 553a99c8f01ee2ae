// Numbers at the door, live: the store's live part re-runs after writes (a scan here, in another
// tab, a delivery), at most once a second; the expected counts come from the lists snapshot.
import { useEffect, useMemo, useState } from 'react';
import type { LiveNumbers } from '../door/types.ts';
import { countByShowAndZone, perMinute, type ShowCount } from '../domain/stats.ts';
import type { Show } from '../domain/types.ts';
import { useListsSnapshot } from './lists.ts';
import { useServices } from './services.tsx';

export const PACE_MINUTES = 10;
/**
 * liveNumbers reads every admission's key: re-run after each scan it held the next scan's write
 * back by ~100 ms after 1,000 scans with the numbers open, and more as the night goes on. Once a
 * second is live enough for counts a person reads.
 */
export const NUMBERS_EVERY_MS = 1000;

export interface DoorNumbers {
  shows: ShowCount[];
  /** Admissions per minute, oldest first, the current minute last. */
  pace: number[];
  denials: LiveNumbers['denials'];
  /** The supervisor's overrides, with their reasons. */
  overrides: LiveNumbers['overrides'];
  pending: number;
}

/** A clock that ticks each minute, so the pace moves on even when nobody scans. */
function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const id = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 5_000);
    return () => clearInterval(id);
  }, []);
  return minute;
}

export function useDoorNumbers(shows: Show[] | undefined): DoorNumbers | undefined {
  const { store } = useServices();
  const minute = useMinute();
  // When the minute changes, the last answer stays on screen until the new watch's first one; a
  // failed read leaves it too, and the next write reads again.
  const [live, setLive] = useState<LiveNumbers>();
  useEffect(() => store.watchNumbers((minute - PACE_MINUTES + 1) * 60_000, NUMBERS_EVERY_MS, setLive), [store, minute]);
  const snapshot = useListsSnapshot();
  return useMemo(() => {
    if (!live || !snapshot || !shows) return undefined;
    const ids = shows.filter((s) => s.active).map((s) => s.id);
    return {
      shows: countByShowAndZone(snapshot.zones, live.admitted, ids),
      pace: perMinute(live.recentAdmissions, minute * 60_000 + 59_999, PACE_MINUTES),
      denials: live.denials,
      overrides: live.overrides,
      pending: live.pending,
    };
  }, [live, snapshot, shows, minute]);
}
