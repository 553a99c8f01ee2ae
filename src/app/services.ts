// Wiring: the one place that creates the database, the API client and the sync loop.
import { createHubClient, createQticketsClient, DEFAULT_BASE_URL, HUB_BASE_URL, offThreadTransports, withBarcodesOffThread } from '../api/index.ts';
import { KontrolDb } from '../db/database.ts';
import { getDeviceId, getToken } from '../db/settings.ts';
import { scanContext } from '../db/scan-context.ts';
import { allLists } from '../db/ticket-index.ts';
import type { BackgroundServices } from '../state/background.tsx';
import type { Services } from '../state/services.tsx';
import { createStore } from '../state/services.tsx';
import { observeClient } from '../sync/clock.ts';
import { apiDeliveryPort } from '../sync/api-port.ts';
import { flushOutbox } from '../sync/flush.ts';
import { createSyncLoop, webLock, type SyncState } from '../sync/loop.ts';
import { createDoor } from '../door/engine.ts';
import { createKioskStore } from '../door/kiosk.ts';
import { createSetup } from '../door/setup.ts';
import { createDoorStore } from '../door/store.ts';
import { checkDoubleEntry } from '../door/steps.ts';
import { readHeartbeat } from '../door/heartbeat.ts';
import { attachSyncTriggers } from '../sync/triggers.ts';
import { createHubLink } from '../sync/hub-link.ts';
import { createCallWatchers, createBackgroundServices } from './background.ts';
import { quietStart } from './quiet-start.ts';

export function createServices(): Services & { background: BackgroundServices } {
  const db = new KontrolDb();
  // Every call to the server also measures the network and the device clock (door operations).
  const watchers = createCallWatchers(db, async () => {
    const token = await getToken(db);
    if (token) await api.checkToken(token);
  });
  // Requests run in a worker: on a phone's CPU their fetches and answers held the page's thread
  // ~15 ms per admission, on the next guest's verdict. The lists have a worker of their own.
  const transports = offThreadTransports();
  const api = observeClient(withBarcodesOffThread(createQticketsClient(transports(DEFAULT_BASE_URL))), watchers.observe);
  const syncState = createStore<SyncState>({ status: 'idle', lastSuccessAt: null });
  const port = apiDeliveryPort(api, () => getToken(db));
  const sync = createSyncLoop({ flush: () => flushOutbox(db, port), onState: syncState.set });
  attachSyncTriggers(() => sync.kick());
  let deviceIdPromise: Promise<string> | undefined;
  const deviceId = () => (deviceIdPromise ??= getDeviceId(db));
  // Whatever a previous session left in the outbox goes out once the door's first seconds are
  // over, or with the first admission (which kicks the loop itself), whichever comes first.
  const later = quietStart();
  later(() => sync.kick());
  // The lists, the scan context and the device id are read while the screen renders, not when
  // the first ticket arrives (each waited behind the start-up's other IndexedDB work).
  void allLists(db).catch(() => undefined);
  void scanContext(db).catch(() => undefined);
  void deviceId().catch(() => undefined);
  const background = createBackgroundServices({ db, api, sync, syncState, deviceId, watchers, later });
  // The venue hub: what the other doors admit, within a second. Joined once the door's first
  // seconds are over, like the start-up delivery; an accelerator, never waited for.
  const hubLink = createHubLink({ db, hub: createHubClient(transports(HUB_BASE_URL)), token: () => getToken(db), deviceId, heartbeat: async () => readHeartbeat(db, await deviceId()) });
  later(() => hubLink.start());
  // Back online: join at once instead of at the end of a back-off grown while offline.
  if (typeof window !== 'undefined') window.addEventListener('online', () => hubLink.rejoin());
  const door = createDoor({
    db,
    api,
    sync,
    delivery: syncState,
    refresher: background.refresher,
    deviceId,
    withDeliveryLock: webLock,
    afterAdmission: [checkDoubleEntry(db, background.checker), () => hubLink.share()],
    venue: hubLink,
    online: watchers.connectivity.online,
  });
  const setup = createSetup({ db, api, sync, rejoinVenue: door.rejoinVenue });
  return { door, store: createDoorStore(db), kiosk: createKioskStore(db), setup, background };
}
