// The app's long-lived objects, made once in src/app and handed down by context, so hooks and
// tests can swap any of them.
import { createContext, useContext, type ReactNode } from 'react';
import type { QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import type { Door } from '../door/engine.ts';
import type { SyncLoop, SyncState } from '../sync/loop.ts';
import { cell, type Cell } from '../sync/observable.ts';

/** A value React reads with useSyncExternalStore; the same cell the sync layer uses. */
export type Store<T> = Cell<T>;
export const createStore = cell;

export interface Services {
  db: KontrolDb;
  api: QticketsClient;
  sync: SyncLoop;
  syncState: Store<SyncState>;
  deviceId: () => Promise<string>;
  /** The door engine: every flow of the door goes through it (src/door/engine.ts). */
  door: Door;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
