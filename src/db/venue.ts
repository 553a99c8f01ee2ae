// What the other doors of the venue admitted, learned through the venue hub. A venue admission
// makes the ticket `already_checked` here at once, naming the door; it never enters this device's
// outbox (the door that admitted it delivers it). Learning is idempotent, so an event replayed
// after a reconnect changes nothing.
import { conflictId, judgeServerView } from '../domain/conflicts.ts';
import type { Admission, CheckSource, Conflict, ShowId } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { readSetting, SETTINGS, writeSetting } from './settings-registry.ts';

export interface VenueAdmission {
  showId: ShowId;
  code: string;
  checkedAt: string;
  /** The other device's name ("Вход 2"). */
  door: string;
}

export type Learned = 'learned' | 'known' | 'conflict';

/**
 * Records another door's admission. If this device admitted the same ticket at another moment,
 * the two crossed (both offline, or the same instant): a conflict for the supervisor, within a
 * second instead of after both delivered.
 */
export async function learnVenueAdmission(db: KontrolDb, a: VenueAdmission, deviceId: string, now = Date.now()): Promise<Learned> {
  return db.transaction('rw', db.admissions, db.conflicts, async () => {
    const existing = await db.admissions.get([a.showId, a.code]);
    if (!existing) {
      const admission: Admission = { showId: a.showId, code: a.code, checkedAt: a.checkedAt, source: 'venue', door: a.door };
      await db.admissions.add(admission);
      return 'learned';
    }
    if (existing.source !== 'this_device' || judgeServerView(existing.checkedAt, a.checkedAt) !== 'conflict') return 'known';
    const conflict: Conflict = {
      id: conflictId(a.showId, a.code, existing.checkedAt),
      showId: a.showId,
      code: a.code,
      localCheckedAt: existing.checkedAt,
      serverCheckedAt: a.checkedAt,
      deviceId,
      foundAt: now,
      foundBy: 'venue',
      otherDoor: a.door,
      seen: 0,
    };
    if (!(await db.conflicts.get(conflict.id))) await db.conflicts.put(conflict);
    return 'conflict';
  });
}

/** Qtickets says a ticket is usable again (a check-in undone there): forget what others told us. */
export async function forgetVenueAdmission(db: KontrolDb, showId: ShowId, code: string): Promise<void> {
  await db.transaction('rw', db.admissions, async () => {
    const existing = await db.admissions.get([showId, code]);
    if (existing && existing.source !== 'this_device') await db.admissions.delete([showId, code]);
  });
}

/** Where the stream resumes after a reconnect: the last event this device took in. */
export const getHubResumeId = (db: KontrolDb) => readSetting(db, SETTINGS.hubResumeId);
export const setHubResumeId = (db: KontrolDb, id: string) => writeSetting(db, SETTINGS.hubResumeId, id);

/** This device's name as people read it ("Вход 2"). */
export const getDeviceName = (db: KontrolDb) => readSetting(db, SETTINGS.deviceName);
export const setDeviceName = (db: KontrolDb, name: string) => writeSetting(db, SETTINGS.deviceName, name.trim().slice(0, 60));

/** The hub has this device's admissions up to here (epoch ms of the scan log). */
export const getHubSharedUpTo = (db: KontrolDb) => readSetting(db, SETTINGS.hubSharedUpTo);
export const setHubSharedUpTo = (db: KontrolDb, at: number) => writeSetting(db, SETTINGS.hubSharedUpTo, at);

/** This device's admissions the hub may not have yet (scan log after `since`), oldest first. */
export async function admissionsToShare(db: KontrolDb, since: number, limit: number): Promise<{ at: number; showId: ShowId; code: string; checkedAt: string; nonce: string }[]> {
  const scans = await db.scans
    .where('at')
    .above(since)
    .filter((s) => s.verdict === 'valid' && s.showId !== null && !!s.checkInId && !!s.checkedAt && s.undoneAt === undefined)
    .limit(limit)
    .toArray();
  return scans.map((s) => ({ at: s.at, showId: s.showId as ShowId, code: s.code, checkedAt: s.checkedAt as string, nonce: s.checkInId as string }));
}

/** Admitted through one door, as this device knows it. */
export interface DoorCount {
  /** this_device: here; venue: another door of the hub, by its name; server: Qtickets said so (the double-entry check). */
  source: CheckSource;
  /** The other door's name for `venue`; null otherwise. */
  door: string | null;
  admitted: number;
}

/** The venue's admissions of these shows by who admitted them: this device, each other door, Qtickets. Most first. */
export async function admittedByDoor(db: KontrolDb, showIds: readonly ShowId[]): Promise<DoorCount[]> {
  const shows = new Set(showIds);
  const counts = new Map<string, DoorCount>();
  await db.admissions.each((a) => {
    if (!shows.has(a.showId)) return;
    const door = a.source === 'venue' ? (a.door ?? '') : null;
    const key = `${a.source}\u0000${door ?? ''}`;
    const count = counts.get(key) ?? { source: a.source, door, admitted: 0 };
    count.admitted += 1;
    counts.set(key, count);
  });
  return [...counts.values()].sort((a, b) => b.admitted - a.admitted || (a.door ?? '').localeCompare(b.door ?? '', 'ru'));
}
