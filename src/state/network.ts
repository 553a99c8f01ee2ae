// Connectivity mode, device clock and the periodic list pull, as hooks.
import { useCallback, useSyncExternalStore } from 'react';
import type { ConnectivityMode } from '../domain/connectivity.ts';
import { useBackground } from './background.tsx';
import { useLiveRead } from './live-query.ts';
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
  const { store } = useServices();
  const { refresher } = useBackground();
  const state = useSyncExternalStore(refresher.state.subscribe, refresher.state.get);
  const minutes = useLiveRead(() => store.refreshMinutes());
  const shows = useLiveRead(() => store.shows());
  const showNames = new Map((shows ?? []).map((s) => [s.id, s.eventName]));
  const setMinutes = useCallback(
    async (next: number) => {
      await store.setRefreshMinutes(next);
      refresher.reschedule();
    },
    [store, refresher],
  );
  const runNow = useCallback(() => refresher.runNow(), [refresher]);
  const failed = state.last?.failed[0];
  const failure = failed ? { show: showNames.get(failed.showId) ?? '', error: failed.error } : null;
  return { running: state.running, last: state.last, failure, minutes, setMinutes, runNow };
}
