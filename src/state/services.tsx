// The app's long-lived objects, made once in src/app and handed down by context, so hooks and
// tests can swap any of them.
import { createContext, useContext, type ReactNode } from 'react';
import type { QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import type { SyncLoop, SyncState } from '../sync/loop.ts';

export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface Services {
  db: KontrolDb;
  api: QticketsClient;
  sync: SyncLoop;
  syncState: Store<SyncState>;
  deviceId: () => Promise<string>;
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
