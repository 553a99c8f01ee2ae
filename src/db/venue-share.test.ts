// What the hub link reads after each admission, in one go: the name, and what follows each mark.
import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { setDoorDirection } from './presence.ts';
import { recordScan } from './scan.ts';
import { saveShows } from './shows.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { replaceShowTickets } from './tickets.ts';
import { setDeviceName, setHubSharedUpTo } from './venue.ts';
import { pendingShares } from './venue-share.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const CODES = ['871495495233', '874432174155', '879999000011'];
const at = (m: number) => Date.UTC(2026, 11, 29, 16, m);

describe('what the venue hub has not heard from this door', () => {
  it('names the device and gives the admissions and movements after their marks, never before the horizon', async () => {
    db = freshDb();
    await saveShows(db, [aShow(1)]);
    await replaceShowTickets(db, 1, CODES.map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00');
    let minute = 0;
    const scan = (raw: string) => recordScan(db, { raw, source: 'scanner', deviceId: 'dev-1', now: () => new Date(at(minute++)) });
    for (const code of CODES) await scan(code); // 0-2: admissions
    await setDoorDirection(db, 'exit');
    await scan(CODES[0]!); // 3: exit

    const fresh = await pendingShares(db, 0, 10);
    expect(fresh.deviceName).toBe('');
    expect(fresh.admissions.map((a) => a.at)).toEqual([at(0), at(1), at(2)]);
    expect(fresh.movements.map((m) => [m.movement, m.loggedAt])).toEqual([['exit', at(3)]]);

    await setDeviceName(db, '  Вход 2 ');
    await setHubSharedUpTo(db, at(1));
    const later = await pendingShares(db, 0, 10);
    expect(later.deviceName).toBe('Вход 2');
    expect(later.admissions).toEqual([expect.objectContaining({ at: at(2), code: CODES[2] })]);
    // The horizon wins over an older mark: nothing from before it is sent.
    const horizon = await pendingShares(db, at(2) + 1, 10);
    expect(horizon.admissions).toEqual([]);
    expect(horizon.movements).toHaveLength(1);
  });
});
