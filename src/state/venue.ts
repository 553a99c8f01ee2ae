// The venue hub, for screens: whether this door is live with the others, and how many of their
// admissions it learned since it opened.
import { useCallback, useSyncExternalStore } from 'react';
import { admittedByDoor, getDeviceName, setDeviceName } from '../db/venue.ts';
import type { ShowId } from '../domain/types.ts';
import { useLiveQuery, usePacedQuery } from './live-query.ts';
import { useServices } from './services.tsx';

export type { HubStatus } from '../sync/hub-link.ts';
export type { HubDevice } from '../api/index.ts';
export type { DoorCount } from '../db/venue.ts';

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
  const { db, door } = useServices();
  const name = useLiveQuery(() => getDeviceName(db), [db]);
  const save = useCallback(
    async (next: string) => {
      await setDeviceName(db, next);
      door.rejoinVenue(); // the hub hears the new name with the next share and heartbeat
    },
    [db, door],
  );
  return [name, save];
}

const ADMISSIONS = ['admissions'] as const;
/** It reads every admission: a supervisor's count can lag a second or two, a door's scan must not. */
const BY_DOOR_EVERY_MS = 2_000;

/** The venue's admissions of these shows by door (this one, each other, Qtickets), as this device knows them. */
export function useAdmittedByDoor(showIds: readonly ShowId[]) {
  const { db } = useServices();
  const key = showIds.join(',');
  const read = useCallback(() => admittedByDoor(db, key === '' ? [] : key.split(',').map(Number)), [db, key]);
  return usePacedQuery(db, ADMISSIONS, BY_DOOR_EVERY_MS, read);
}
