// The venue hub, for screens: whether this door is live with the others, and how many of their
// admissions it learned since it opened.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DoorCount } from '../door/types.ts';
import type { ShowId } from '../domain/types.ts';
import { useLiveRead } from './live-query.ts';
import { useServices } from './services.tsx';

export type { DoorCount, HubDevice, HubStatus } from '../door/types.ts';

export function useVenue() {
  const { door } = useServices();
  const status = useSyncExternalStore(door.venue.subscribe, door.venue.get);
  const learned = useSyncExternalStore(door.venueLearned.subscribe, door.venueLearned.get);
  return { status, learned };
}

export function useVenueDevices() {
  const { door } = useServices();
  return useSyncExternalStore(door.venueDevices.subscribe, door.venueDevices.get);
}

/** This device's name as the other doors and the supervisor read it. */
export function useDeviceName(): [string | undefined, (name: string) => Promise<void>] {
  const { store, door } = useServices();
  const name = useLiveRead(() => store.deviceName());
  return [name, door.setDeviceName];
}

/** It reads every admission: a supervisor's count can lag a second or two, a door's scan must not. */
const BY_DOOR_EVERY_MS = 2_000;

/** The venue's admissions of these shows by door (this one, each other, Qtickets), as this device knows them. */
export function useAdmittedByDoor(showIds: readonly ShowId[]): DoorCount[] | undefined {
  const { store } = useServices();
  const key = showIds.join(',');
  // The last answer stays on screen until the new shows' first one.
  const [counts, setCounts] = useState<DoorCount[]>();
  useEffect(() => store.watchAdmittedByDoor(key === '' ? [] : key.split(',').map(Number), BY_DOOR_EVERY_MS, setCounts), [store, key]);
  return counts;
}
