// The venue hub, for screens: whether this door is live with the others, and how many of their
// admissions it learned since it opened.
import { useSyncExternalStore } from 'react';
import { useLiveRead } from './live-query.ts';
import { useServices } from './services.tsx';

export type { HubDevice, HubStatus } from '../door/types.ts';

export function useVenue() {
  const { door } = useServices();
  const status = useSyncExternalStore(door.venue.subscribe, door.venue.get);
  const learned = useSyncExternalStore(door.venueLearned.subscribe, door.venueLearned.get);
  return { status, learned };
}

/** A device the supervisor should look at first: quiet for a while, or holding check-ins. */
export const QUIET_AFTER_MS = 90_000;

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
