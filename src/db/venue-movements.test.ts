// What the hub is sent of this door's exits and re-entries: read by kind and time from the log.
import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { setDoorDirection, setReentry } from './presence.ts';
import { recordScan } from './scan.ts';
import { saveShows } from './shows.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { replaceShowTickets } from './tickets.ts';
import { movementsToShare } from './venue-movements.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const CODES = ['871495495233', '874432174155', '879999000011'];
let minute = 0;
const at = (m: number) => Date.UTC(2026, 11, 29, 16, m);
const scan = (raw: string) => recordScan(db, { raw, source: 'scanner', deviceId: 'dev-1', now: () => new Date(at(minute++)) });

describe('exits and re-entries to share with the venue hub', () => {
  it('gives the movements after the mark, oldest first, whatever else the log holds, and no more than asked', async () => {
    db = freshDb();
    minute = 0;
    await saveShows(db, [aShow(1)]);
    await replaceShowTickets(db, 1, CODES.map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00');
    await setReentry(db, 1, true);
    for (const code of CODES) await scan(code); // minutes 0-2: admissions
    await scan('000000000000'); // 3: unknown
    await setDoorDirection(db, 'exit');
    await scan(CODES[0]!); // 4: exit
    await scan(CODES[1]!); // 5: exit
    await setDoorDirection(db, 'entry');
    await scan(CODES[0]!); // 6: re-entry
    await scan(CODES[2]!); // 7: already checked

    const all = await movementsToShare(db, 0, 10);
    expect(all.map((m) => [m.code, m.movement, m.loggedAt])).toEqual([
      [CODES[0], 'exit', at(4)],
      [CODES[1], 'exit', at(5)],
      [CODES[0], 'reentry', at(6)],
    ]);
    expect(new Set(all.map((m) => m.nonce)).size).toBe(3);
    // After the mark only, and within the limit (the oldest first).
    expect((await movementsToShare(db, at(4), 10)).map((m) => m.loggedAt)).toEqual([at(5), at(6)]);
    expect((await movementsToShare(db, 0, 2)).map((m) => m.loggedAt)).toEqual([at(4), at(5)]);
    expect(await movementsToShare(db, at(6), 10)).toEqual([]);
  });
});
