// The app's long-lived objects, made once in src/app and handed down by context, so hooks and
// tests can swap any of them. Screens never see them: they use the hooks of this folder.
import { createContext, useContext, type ReactNode } from 'react';
import { cell, type Door } from '../door/engine.ts';
import type { KioskStore } from '../door/kiosk.ts';
import type { Setup } from '../door/setup.ts';
import type { DoorStore } from '../door/store.ts';
import type { Cell } from '../door/types.ts';

/** A value React reads with useSyncExternalStore; the same cell the engine uses. */
export type Store<T> = Cell<T>;
export const createStore = cell;

export interface Services {
  /** The door engine: every flow of the door goes through it (src/door/engine.ts). */
  door: Door;
  /** What the screens read from the device, and the plain settings they change. */
  store: DoorStore;
  kiosk: KioskStore;
  setup: Setup;
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
