import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { freshDb } from './testing.ts';
import { admittedByDoor, learnVenueAdmission } from './venue.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

describe('the venue\'s admissions by door', () => {
  it('counts this device\'s, each other door\'s by name and Qtickets\' apart, for the shows asked about, most first', async () => {
    db = freshDb();
    const at = '2026-12-29T19:03:12+03:00';
    await db.admissions.bulkAdd([
      { showId: 1, code: 'a', checkedAt: at, source: 'this_device' },
      { showId: 1, code: 'b', checkedAt: at, source: 'server' },
      { showId: 2, code: 'z', checkedAt: at, source: 'this_device' },
    ]);
    for (const code of ['c', 'd', 'e']) await learnVenueAdmission(db, { showId: 1, code, checkedAt: at, door: 'Вход 2' }, 'me');
    await learnVenueAdmission(db, { showId: 1, code: 'f', checkedAt: at, door: 'Вход 3' }, 'me');
    await learnVenueAdmission(db, { showId: 1, code: 'c', checkedAt: at, door: 'Вход 2' }, 'me'); // heard again
    expect(await admittedByDoor(db, [1])).toEqual([
      { source: 'venue', door: 'Вход 2', admitted: 3 },
      { source: 'this_device', door: null, admitted: 1 },
      { source: 'server', door: null, admitted: 1 },
      { source: 'venue', door: 'Вход 3', admitted: 1 },
    ]);
    expect(await admittedByDoor(db, [1, 2])).toContainEqual({ source: 'this_device', door: null, admitted: 2 });
    expect(await admittedByDoor(db, [])).toEqual([]);
  });
});
