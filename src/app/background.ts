// Wiring of the door's background work: every API call feeds the connectivity mode and the clock
// estimate; the double-entry check sweeps after deliveries; lists refresh on a timer while online.
import type { QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { getClockCorrection, getConnectivityMode, getRefreshMinutes, setClockCorrection, setConnectivityMode } from '../db/device-settings.ts';
import { getToken } from '../db/settings.ts';
import type { BackgroundServices } from '../state/background.tsx';
import type { Store } from '../state/services.tsx';
import { createClockWatch, type CallObservation } from '../sync/clock.ts';
import { createConnectivity } from '../sync/connectivity.ts';
import { createEntryChecker } from '../sync/double-entry.ts';
import type { SyncLoop, SyncState } from '../sync/loop.ts';
import { createRefresher } from '../sync/refresh.ts';

/** Made before the API client, which reports every call to `observe`. */
export function createCallWatchers(db: KontrolDb, probe: () => Promise<void>) {
  const clock = createClockWatch((ms) => setClockCorrection(db, ms));
  const connectivity = createConnectivity({ initialMode: 'auto', saveMode: (mode) => setConnectivityMode(db, mode), probe });
  void getClockCorrection(db).then(clock.restore, () => undefined);
  void getConnectivityMode(db).then((mode) => mode !== 'auto' && connectivity.setMode(mode), () => undefined);
  const observe = (o: CallObservation) => {
    connectivity.observe(o);
    clock.observe(o);
  };
  return { clock, connectivity, observe };
}

export interface BackgroundWiring {
  db: KontrolDb;
  api: QticketsClient;
  sync: SyncLoop;
  syncState: Store<SyncState>;
  deviceId: () => Promise<string>;
  watchers: ReturnType<typeof createCallWatchers>;
  /** Holds work asked for in the door's first seconds until they are over (quiet-start.ts). */
  later: (fn: () => void) => void;
}

export function createBackgroundServices({ db, api, sync, syncState, deviceId, watchers, later }: BackgroundWiring): BackgroundServices {
  const { connectivity, clock } = watchers;
  const token = () => getToken(db);
  const checker = createEntryChecker({ db, api, token, deviceId, online: connectivity.online });
  const refresher = createRefresher({
    db,
    api,
    flush: () => sync.flushNow(),
    online: connectivity.online,
    everyMs: async () => (await getRefreshMinutes(db)) * 60_000,
  });

  // A sweep reads the watch marks and asks the server about due admissions: not in the first
  // seconds after opening (the start-up delivery pass asks for one too).
  const runSweep = () => void checker.sweep();
  const sweep = () => later(runSweep);
  // Offline admissions are checked once delivered: each successful delivery pass starts a sweep.
  let lastSuccess = syncState.get().lastSuccessAt;
  syncState.subscribe(() => {
    const { lastSuccessAt } = syncState.get();
    if (lastSuccessAt !== lastSuccess) {
      lastSuccess = lastSuccessAt;
      sweep();
    }
  });
  let wasOnline = connectivity.online();
  connectivity.state.subscribe(() => {
    const online = connectivity.online();
    if (online && !wasOnline) sweep();
    wasOnline = online;
  });
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => connectivity.refresh());
    window.addEventListener('offline', () => connectivity.refresh());
  }
  refresher.reschedule();
  sweep();
  return { checker, connectivity, clock, refresher };
}
