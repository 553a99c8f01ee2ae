// Exits and re-entries through the venue hub: this door's shared (read from the scan log, like
// admissions in venue.ts), the other doors' stored beside ours. Learning is idempotent by the
// movement's id (its nonce), so an event replayed after a reconnect changes nothing.
import Dexie from 'dexie';
import type { HubMovement } from '../domain/hub-protocol.ts';
import type { Movement, ShowId } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { readSetting, SETTINGS, writeSetting } from './settings-registry.ts';

export interface VenueMovement extends HubMovement {
  /** The other door's name ("Выход 1"). */
  door: string;
}

/** Stores another door's exit or re-entry; false when it was known already. */
const MOVEMENT_VERDICTS = ['exit', 'reentry'] as const;

export async function learnVenueMovement(db: KontrolDb, m: VenueMovement): Promise<boolean> {
  return db.transaction('rw', db.movements, async () => {
    if (await db.movements.get(m.nonce)) return false;
    const movement: Movement = { id: m.nonce, showId: m.showId, code: m.code, kind: m.movement, at: m.at, source: 'venue', door: m.door };
    await db.movements.add(movement);
    return true;
  });
}

export const getMovementsSharedUpTo = (db: KontrolDb) => readSetting(db, SETTINGS.hubMovementsSharedUpTo);
export const setMovementsSharedUpTo = (db: KontrolDb, at: number) => writeSetting(db, SETTINGS.hubMovementsSharedUpTo, at);

/** This device's exits and re-entries the hub may not have yet (scan log after `since`), oldest first. */
export async function movementsToShare(db: KontrolDb, since: number, limit: number): Promise<(HubMovement & { at: string; loggedAt: number })[]> {
  // Each kind by its [verdict+at] range: only movement lines are read, however long the log.
  const kinds = await Promise.all(
    MOVEMENT_VERDICTS.map((verdict) => db.scans.where('[verdict+at]').between([verdict, since], [verdict, Dexie.maxKey], false, true).limit(limit).toArray()),
  );
  const lines = kinds
    .flat()
    .filter((s) => s.showId !== null && !!s.movementId && !!s.checkedAt)
    .sort((a, b) => a.at - b.at)
    .slice(0, limit);
  return lines.map((s) => ({
    loggedAt: s.at,
    showId: s.showId as ShowId,
    code: s.code,
    movement: s.verdict as HubMovement['movement'],
    at: s.checkedAt as string,
    nonce: s.movementId as string,
  }));
}
