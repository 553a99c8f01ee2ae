import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { countListedTickets, replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const codes = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String(871000000000 + from + i));

describe('the listed count the door shows', () => {
  it('follows pulls that add, revoke and restore tickets', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(5).map((c) => aListedTicket(c)), 'first', aShow(1));
    expect(await countListedTickets(db, [1])).toBe(5);
    await replaceShowTickets(db, 1, codes(3).map((c) => aListedTicket(c)), 'second');
    expect(await countListedTickets(db, [1])).toBe(3); // two refunded: still stored, not listed
    await replaceShowTickets(db, 1, codes(6).map((c) => aListedTicket(c)), 'third');
    expect(await countListedTickets(db, [1])).toBe(6);
    expect(await db.tickets.count()).toBe(6);
  });

  it('counts each show asked for, and only those', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(4).map((c) => aListedTicket(c)), 'x', aShow(1));
    await replaceShowTickets(db, 2, codes(2, 100).map((c) => aListedTicket(c)), 'x', aShow(2));
    expect(await countListedTickets(db, [1, 2])).toBe(6);
    expect(await countListedTickets(db, [2])).toBe(2);
    expect(await countListedTickets(db, [])).toBe(0);
  });

  it('counts the rows themselves when the stored summary does not describe them', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(3).map((c) => aListedTicket(c)), 'x', aShow(1));
    // Rows written by an older version of the app, or by anything that bypassed the pull.
    await db.tickets.put({ ...aListedTicket('879999999999'), showId: 1, revoked: 0 });
    await db.tickets.put({ ...aListedTicket('879999999998'), showId: 1, revoked: 1 });
    expect(await countListedTickets(db, [1])).toBe(4);
    await db.settings.clear();
    expect(await countListedTickets(db, [1])).toBe(4);
  });
});

describe('pulling an unchanged list again', () => {
  it('still applies what did change: a moved seat, a refund, a ticket back on sale', async () => {
    db = freshDb();
    const list = codes(4).map((c) => aListedTicket(c));
    await replaceShowTickets(db, 1, list, 'first', aShow(1));
    const [a, b, c] = codes(4);
    const next = [aListedTicket(a as string, { row: '9', place: '1' }), aListedTicket(b as string)];
    const second = await replaceShowTickets(db, 1, next, 'second');
    expect(second).toEqual({ listed: 2, added: 0, revoked: 2, restored: 0 });
    expect(await db.tickets.get([1, a as string])).toMatchObject({ row: '9', place: '1', revoked: 0 });
    expect(await db.tickets.get([1, c as string])).toMatchObject({ revoked: 1 });
    const third = await replaceShowTickets(db, 1, [...next, aListedTicket(c as string)], 'third');
    expect(third).toEqual({ listed: 3, added: 0, revoked: 0, restored: 1 });
    expect(await db.tickets.get([1, c as string])).toMatchObject({ revoked: 0 });
    expect((await db.shows.get(1))?.pulledAt).toBe('third');
  });
});
