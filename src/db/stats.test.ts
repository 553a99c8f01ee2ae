import { afterEach, describe, expect, it } from 'vitest';
import { settleAdmissions } from './conflicts.ts';
import type { KontrolDb } from './database.ts';
import { undoAdmission } from './history.ts';
import { recordScan } from './scan.ts';
import { saveShows } from './shows.ts';
import { liveNumbers } from './stats.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const codes = ['871000000011', '871000000012', '871000000013', '871000000014', '871000000015'];
let clock = Date.parse('2026-12-29T19:00:00+03:00');
const scanAt = async (raw: string, at: number) => {
  clock = at;
  const outcome = await recordScan(db, { raw, source: 'scanner', deviceId: 'dev-1', now: () => new Date(clock) });
  return outcome.ok ? outcome.verdict : null;
};
const lineOf = async (code: string) => (await db.scans.where('at').aboveOrEqual(0).toArray()).find((s) => s.code === code && s.verdict === 'valid');

describe('the pace in the door numbers', () => {
  it('counts the admissions of the window, checked by the server or not, and leaves out denials, undone and older ones', async () => {
    db = freshDb();
    await saveShows(db, [aShow(1)]);
    await replaceShowTickets(db, 1, codes.map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00');
    const start = Date.parse('2026-12-29T19:00:00+03:00');
    const since = start + 60_000;

    await scanAt(codes[0] as string, start); // before the window
    await scanAt(codes[1] as string, since + 1_000);
    await scanAt(codes[2] as string, since + 2_000);
    await scanAt(codes[3] as string, since + 3_000);
    await scanAt(codes[4] as string, since + 4_000);
    expect((await scanAt(codes[1] as string, since + 5_000))?.kind).toBe('already_checked');
    expect((await scanAt('870000000001', since + 6_000))?.kind).toBe('unknown');
    // The double-entry check is over for one admission; another is taken back at the door.
    await settleAdmissions(db, [(await lineOf(codes[2] as string))?.id as string]);
    expect((await undoAdmission(db, (await lineOf(codes[3] as string))?.id as string)).ok).toBe(true);

    const live = await liveNumbers(db, since);
    expect(live.recentAdmissions.sort()).toEqual([since + 1_000, since + 2_000, since + 4_000]);
    expect(live.admitted).toHaveLength(4);
    expect(live.denials).toMatchObject({ already_checked: 1, unknown: 1 });
  });
});
