// Wiring: the one place that creates the database, the API client and the sync loop.
import { createQticketsClient } from '../api/index.ts';
import { KontrolDb } from '../db/database.ts';
import { getDeviceId, getToken } from '../db/settings.ts';
import type { Services } from '../state/services.tsx';
import { createStore } from '../state/services.tsx';
import { apiDeliveryPort } from '../sync/api-port.ts';
import { flushOutbox } from '../sync/flush.ts';
import { createSyncLoop, type SyncState } from '../sync/loop.ts';
import { attachSyncTriggers } from '../sync/triggers.ts';

export function createServices(): Services {
  const db = new KontrolDb();
  const api = createQticketsClient();
  const syncState = createStore<SyncState>({ status: 'idle', lastSuccessAt: null });
  const port = apiDeliveryPort(api, () => getToken(db));
  const sync = createSyncLoop({ flush: () => flushOutbox(db, port), onState: syncState.set });
  attachSyncTriggers(() => sync.kick());
  let deviceId: Promise<string> | undefined;
  sync.kick(); // whatever a previous session left in the outbox goes out now
  return { db, api, sync, syncState, deviceId: () => (deviceId ??= getDeviceId(db)) };
}
