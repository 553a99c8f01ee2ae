// Exit and re-entry through the scan transaction: what a door records and what it says.
import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { pendingCount } from './outbox.ts';
import { readPresence, setDoorDirection, setReentry } from './presence.ts';
import { recordScan } from './scan.ts';
import { saveShows } from './shows.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const CODE = '871495495233';
let minute = 0;
// Each scan a minute after the last: exits and re-entries are ordered by their time.
const scan = (raw = CODE) => recordScan(db, { raw, source: 'scanner', deviceId: 'dev-1', now: () => new Date(Date.UTC(2026, 11, 29, 16, minute++)) });

async function door({ reentry }: { reentry: boolean }) {
  db = freshDb();
  minute = 0;
  await saveShows(db, [aShow(1)]);
  await replaceShowTickets(db, 1, [aListedTicket(CODE), aListedTicket('874432174155')], '2026-12-29T18:00:00+03:00');
  if (reentry) await setReentry(db, 1, true);
}

describe('exit and re-entry at the door', () => {
  it('lets a person back in after an exit when the show allows it, without a second check-in for Qtickets', async () => {
    await door({ reentry: true });
    expect(await scan()).toMatchObject({ verdict: { kind: 'valid' } });
    await setDoorDirection(db, 'exit');
    expect(await scan()).toMatchObject({ atExit: true, verdict: { kind: 'exit', recorded: true, reentry: true } });
    await setDoorDirection(db, 'entry');
    expect(await scan()).toMatchObject({ verdict: { kind: 'reentry', recorded: true } });
    // A second entry without an exit in between stays "already used".
    expect(await scan()).toMatchObject({ verdict: { kind: 'already_checked', source: 'this_device' } });
    expect(await pendingCount(db)).toBe(1);
    const lines = (await db.scans.orderBy('at').toArray()).map((s) => s.verdict);
    expect(lines).toEqual(['valid', 'exit', 'reentry', 'already_checked']);
  });

  it('keeps "already used" after an exit when the show does not allow re-entry (the default)', async () => {
    await door({ reentry: false });
    await scan();
    await setDoorDirection(db, 'exit');
    expect(await scan()).toMatchObject({ verdict: { kind: 'exit', reentry: false } });
    await setDoorDirection(db, 'entry');
    expect(await scan()).toMatchObject({ verdict: { kind: 'already_checked' } });
  });

  it('says "not inside" at the exit for a ticket never admitted or already out, and records nothing for it', async () => {
    await door({ reentry: true });
    await setDoorDirection(db, 'exit');
    expect(await scan('874432174155')).toMatchObject({ verdict: { kind: 'not_inside' } });
    await setDoorDirection(db, 'entry');
    await scan();
    await setDoorDirection(db, 'exit');
    await scan();
    expect(await scan()).toMatchObject({ verdict: { kind: 'not_inside', leftAt: expect.any(String) as string } });
    expect(await scan('garbage!')).toMatchObject({ verdict: { kind: 'unknown' } });
    expect((await readPresence(db)).movements.map((m) => m.kind)).toEqual(['exit']);
  });
});
