// Barcode lists at their edges, stored the way a pull stores them: none at all, the same code
// listed twice, and a big list. Each is handled whole and the pull's result says what it holds.
import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { recordScan } from './scan.ts';
import { aListedTicket, aShow, freshDb, storedTicket } from './testing.ts';
import { countListedTickets, replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const SHOW = 1001;
const code = (i: number) => `87${String(i).padStart(10, '0')}`;
const scan = (raw: string) => recordScan(db, { raw, source: 'scanner', deviceId: 'd', now: () => new Date('2026-12-29T16:30:00Z') });

describe('barcode lists at their edges', () => {
  it('stores a list of zero tickets as an empty show: listed 0, every code unknown', async () => {
    db = freshDb();
    const result = await replaceShowTickets(db, SHOW, [], '2026-12-29T18:00:00+03:00', aShow(SHOW));
    expect(result).toEqual({ listed: 0, added: 0, revoked: 0, restored: 0 });
    expect(await db.shows.get(SHOW)).toMatchObject({ id: SHOW, pulledAt: '2026-12-29T18:00:00+03:00' });
    expect(await countListedTickets(db, [SHOW])).toBe(0);
    expect(await scan(code(1))).toMatchObject({ ok: true, verdict: { kind: 'unknown' } });
  });

  it('an empty pull after a full one revokes everything listed before, and says how many', async () => {
    db = freshDb();
    await replaceShowTickets(db, SHOW, [1, 2, 3].map((i) => aListedTicket(code(i))), 'a', aShow(SHOW));
    expect(await replaceShowTickets(db, SHOW, [], 'b')).toEqual({ listed: 0, added: 0, revoked: 3, restored: 0 });
    expect(await scan(code(2))).toMatchObject({ verdict: { kind: 'revoked' } });
  });

  it('keeps one ticket per duplicated code (the first listing) and counts it once', async () => {
    db = freshDb();
    const listed = [
      aListedTicket(code(1), { seatName: 'first' }),
      aListedTicket(code(2)),
      aListedTicket(code(1), { seatName: 'second' }),
      aListedTicket(code(2)),
      aListedTicket(code(3)),
    ];
    expect(await replaceShowTickets(db, SHOW, listed, 'now', aShow(SHOW))).toEqual({ listed: 3, added: 3, revoked: 0, restored: 0 });
    expect(await countListedTickets(db, [SHOW])).toBe(3);
    expect(await storedTicket(db, SHOW, code(1))).toMatchObject({ seatName: 'first' });
    expect(await scan(code(1))).toMatchObject({ verdict: { kind: 'valid' } });
    expect(await scan(code(1))).toMatchObject({ verdict: { kind: 'already_checked' } });
    expect(await db.outbox.count()).toBe(1);
  });

  // 200,000 is covered through the API client (answers.fuzz / list-sizes in src/api) and in the
  // browser (e2e/reliability.spec.ts); fake-indexeddb needs ~40 s for that many, so the same code
  // path runs here with 20,000.
  it('stores 20,000 tickets in one transaction, finds the last, and revokes them whole', async () => {
    db = freshDb();
    const N = 20_000;
    const listed = Array.from({ length: N }, (_, i) => aListedTicket(code(i)));
    expect(await replaceShowTickets(db, SHOW, listed, 'a', aShow(SHOW))).toEqual({ listed: N, added: N, revoked: 0, restored: 0 });
    expect(await countListedTickets(db, [SHOW])).toBe(N);
    expect(await scan(code(N - 1))).toMatchObject({ verdict: { kind: 'valid', code: code(N - 1) } });
    expect(await scan(code(N))).toMatchObject({ verdict: { kind: 'unknown' } });
  }, 60_000);
});
