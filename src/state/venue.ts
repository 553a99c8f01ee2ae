// The venue hub, for screens: whether this door is live with the others, and how many of their
// admissions it learned since it opened.
import { useSyncExternalStore } from 'react';
import { useServices } from './services.tsx';

export type { HubStatus } from '../sync/hub-link.ts';

export function useVenue() {
  const { door } = useServices();
  const status = useSyncExternalStore(door.venue.subscribe, door.venue.get);
  const learned = useSyncExternalStore(door.venueLearned.subscribe, door.venueLearned.get);
  return { status, learned };
}
