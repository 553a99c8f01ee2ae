// Connectivity mode, device clock and the periodic list pull, as hooks.
import { useLiveQuery } from './live-query.ts';
import { useCallback, useSyncExternalStore } from 'react';
import { getRefreshMinutes, setRefreshMinutes } from '../db/device-settings.ts';
import { listShows } from '../db/shows.ts';
import type { ConnectivityMode } from '../domain/connectivity.ts';
import { useBackground } from './background.tsx';
import { useServices } from './services.tsx';

export function useConnectivity() {
  const { connectivity } = useBackground();
  const state = useSyncExternalStore(connectivity.state.subscribe, connectivity.state.get);
  const setMode = useCallback((mode: ConnectivityMode) => connectivity.setMode(mode), [connectivity]);
  return { ...state, setMode };
}

export function useClockEstimate() {
  const { clock } = useBackground();
  return useSyncExternalStore(clock.state.subscribe, clock.state.get);
}

/** The periodic pull; a failure is data (which show, by title, and how) for the screen to word. */
export function usePeriodicRefresh() {
  const { db } = useServices();
  const { refresher } = useBackground();
  const state = useSyncExternalStore(refresher.state.subscribe, refresher.state.get);
  const minutes = useLiveQuery(() => getRefreshMinutes(db), [db]);
  const shows = useLiveQuery(() => listShows(db), [db]);
  const showNames = new Map((shows ?? []).map((s) => [s.id, s.eventName]));
  const setMinutes = useCallback(
    async (next: number) => {
      await setRefreshMinutes(db, next);
      refresher.reschedule();
    },
    [db, refresher],
  );
  const runNow = useCallback(() => refresher.runNow(), [refresher]);
  const failed = state.last?.failed[0];
  const failure = failed ? { show: showNames.get(failed.showId) ?? '', error: failed.error } : null;
  return { running: state.running, last: state.last, failure, minutes, setMinutes, runNow };
}
