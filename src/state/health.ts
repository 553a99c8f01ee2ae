// Device health: one screen that tells a supervisor whether this device can be trusted at the
// door — lists fresh, check-ins leaving, storage safe, camera allowed, clock right, app current.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import {
  APP_VERSION,
  probeServerClock,
  requestPersistentStorage,
  serviceWorkerState,
  storageInfo,
  type ClockReading,
  type ServiceWorkerState,
  type StorageInfo,
} from '../door/devices.ts';
import type { StoreHealth } from '../door/types.ts';
import { wakeLockHeld } from './kiosk.ts';
import { useLiveRead } from './live-query.ts';
import { createStore, useServices } from './services.tsx';

export type { StoreHealth } from '../door/types.ts';
export { CLOCK_WARN_MS, type ClockReading, type ServiceWorkerState, type StorageInfo } from '../door/devices.ts';

export type CameraPermission = 'granted' | 'denied' | 'prompt' | 'unknown';

export interface DeviceHealth {
  store: StoreHealth | undefined;
  /** The last sync pass that reached the server, this session or an earlier one (epoch ms). */
  lastSyncAt: number | null;
  storage: StorageInfo | null;
  camera: CameraPermission;
  /** undefined: not measured yet; null: the server could not be reached. */
  clock: ClockReading | null | undefined;
  version: string;
  serviceWorker: ServiceWorkerState | null;
  /** null when kiosk mode is off. */
  wakeLock: boolean | null;
}

const serverClock = createStore<ClockReading | null | undefined>(undefined);

/** Measures the clock difference to the server again (Date header of a tiny same-origin request). */
export async function refreshServerClock(): Promise<void> {
  const reading = await probeServerClock();
  // Offline keeps the last good reading: the clock did not move because the network went.
  if (reading || serverClock.get() === undefined) serverClock.set(reading);
}

export function useServerClock(): ClockReading | null | undefined {
  return useSyncExternalStore(serverClock.subscribe, serverClock.get);
}

async function cameraPermission(): Promise<CameraPermission> {
  try {
    const status = await navigator.permissions.query({ name: 'camera' as PermissionName });
    return status.state;
  } catch {
    return 'unknown'; // Firefox and older Safari cannot be asked without asking for the camera
  }
}

async function readDeviceParts(): Promise<Pick<DeviceHealth, 'storage' | 'camera' | 'serviceWorker' | 'wakeLock'>> {
  const [storage, camera, serviceWorker] = await Promise.all([storageInfo(), cameraPermission(), serviceWorkerState()]);
  return { storage, camera, serviceWorker, wakeLock: wakeLockHeld() };
}

/** Everything the health screen shows; live for the database, re-read every few seconds for the rest. */
export function useDeviceHealth(pollMs = 5000): DeviceHealth & { refresh: () => void } {
  const { store: device, door } = useServices();
  const store = useLiveRead(() => device.storeHealth());
  const stored = useLiveRead(() => device.lastDeliveryAt());
  const sync = useSyncExternalStore(door.delivery.subscribe, door.delivery.get);
  const clock = useServerClock();
  const [rest, setRest] = useState<Pick<DeviceHealth, 'storage' | 'camera' | 'serviceWorker' | 'wakeLock'>>({
    storage: null, camera: 'unknown', serviceWorker: null, wakeLock: null,
  });
  const refresh = useCallback(() => {
    void readDeviceParts().then(setRest);
    void refreshServerClock();
  }, []);
  useEffect(() => {
    let live = true;
    const poll = () => void readDeviceParts().then((parts) => live && setRest(parts));
    poll();
    void refreshServerClock();
    const timer = setInterval(poll, pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pollMs]);
  const lastSyncAt = Math.max(sync.lastSuccessAt ?? 0, stored ?? 0) || null;
  return { store, lastSyncAt, clock, version: APP_VERSION, ...rest, refresh };
}

/** Mounted once: remembers the last successful sync across reloads (the loop keeps it in memory only). */
export function useRememberLastSync(): void {
  const { store, door } = useServices();
  const lastSuccessAt = useSyncExternalStore(door.delivery.subscribe, () => door.delivery.get().lastSuccessAt);
  useEffect(() => {
    if (lastSuccessAt !== null) void store.rememberLastDelivery(lastSuccessAt).catch(() => {});
  }, [store, lastSuccessAt]);
}

/** Called when setup finishes: asks the browser to keep this origin's storage (Safari's 7-day rule). */
export function usePersistStorage(): () => Promise<boolean | null> {
  return useCallback(() => requestPersistentStorage(), []);
}
