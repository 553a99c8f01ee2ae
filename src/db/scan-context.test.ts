import { afterEach, describe, expect, it } from 'vitest';
import { KontrolDb } from './database.ts';
import { setClockCorrection } from './device-settings.ts';
import { setEntranceZones } from './entrance.ts';
import { scanContext } from './scan-context.ts';
import { setSetting } from './settings.ts';
import { setShowActive } from './shows.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

async function door() {
  db = freshDb();
  await replaceShowTickets(db, 1, [aListedTicket('871000000001')], 'x', aShow(1));
}

describe('what a scan reads besides the tickets', () => {
  it('follows the entrance zones, the clock correction and the shows as soon as they change', async () => {
    await door();
    expect(await scanContext(db)).toMatchObject({ zones: [], correction: 0, shows: [{ id: 1, active: true }] });
    await setEntranceZones(db, ['VIP']);
    expect((await scanContext(db)).zones).toEqual(['VIP']);
    await setClockCorrection(db, 300_000);
    expect((await scanContext(db)).correction).toBe(300_000);
    await setShowActive(db, 1, false);
    expect((await scanContext(db)).shows[0]?.active).toBe(false);
  });

  it('is not read again for settings a scan does not use (the double-entry watch writes them all night)', async () => {
    await door();
    const first = scanContext(db);
    await first;
    await setSetting(db, 'double-entry-watch:abc', { checks: 1, lastCheckAt: 1 });
    expect(scanContext(db)).toBe(first);
  });

  it('sees a change made through another connection, as from another tab', async () => {
    await door();
    expect((await scanContext(db)).zones).toEqual([]);
    const other = new KontrolDb(db.name);
    await setEntranceZones(other, ['Партер']);
    other.close();
    expect((await scanContext(db)).zones).toEqual(['Партер']);
  });
});
