// For tests of state/: the door's store and kiosk over a fresh fake-IndexedDB database.
import { freshDb } from '../db/testing.ts';
import { createKioskStore } from './kiosk.ts';
import { createDoorStore } from './store.ts';

export function freshDoorStores() {
  const db = freshDb();
  return { store: createDoorStore(db), kiosk: createKioskStore(db), close: () => db.close() };
}
