import { afterEach, describe, expect, it, vi } from 'vitest';
import { packTickets } from '../domain/ticket-pack.ts';
import type { KontrolDb } from './database.ts';
import { recordScan } from './scan.ts';
import { forgetLists } from './ticket-index.ts';
import { encodePages, PAGE_SIZE } from './ticket-pages.ts';
import { aListedTicket, aShow, freshDb, storedTicket, storedTickets } from './testing.ts';
import { countListedTickets, replaceShowList, replaceShowTickets } from './tickets.ts';

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
    expect(await storedTickets(db)).toHaveLength(6);
  });

  it('counts each show asked for, and only those', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(4).map((c) => aListedTicket(c)), 'x', aShow(1));
    await replaceShowTickets(db, 2, codes(2, 100).map((c) => aListedTicket(c)), 'x', aShow(2));
    expect(await countListedTickets(db, [1, 2])).toBe(6);
    expect(await countListedTickets(db, [2])).toBe(2);
    expect(await countListedTickets(db, [])).toBe(0);
  });

});

describe('the stored list', () => {
  it('keeps only the current pull: the pages of earlier pulls are removed once the show switched', async () => {
    db = freshDb();
    const many = codes(PAGE_SIZE + 10).map((c) => aListedTicket(c));
    await replaceShowTickets(db, 1, many, 'first', aShow(1));
    const first = (await db.shows.get(1))?.listRev;
    expect(await db.ticketPages.count()).toBe(2);
    await replaceShowTickets(db, 1, many.slice(0, 3), 'second');
    const show = await db.shows.get(1);
    expect(show?.listRev).not.toBe(first);
    // All PAGE_SIZE + 10 tickets are still stored (the gone ones as revoked), only under the new rev.
    expect((await db.ticketPages.toArray()).every((p) => p.rev === show?.listRev)).toBe(true);
    expect(await storedTickets(db)).toHaveLength(PAGE_SIZE + 10);
    expect(await countListedTickets(db, [1])).toBe(3);
  });

  it('removes pages an interrupted pull left long ago, and leaves alone the ones another tab is writing now', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(3).map((c) => aListedTicket(c)), 'x', aShow(1));
    const listed = await storedTickets(db, 1);
    await db.ticketPages.bulkPut([
      ...encodePages(1, 'crashed-yesterday', listed, Date.now() - 24 * 3600_000),
      ...encodePages(1, 'other-tab-now', listed, Date.now()),
    ]);
    await replaceShowTickets(db, 1, codes(3).map((c) => aListedTicket(c)), 'y');
    const revs = new Set((await db.ticketPages.toArray()).map((p) => p.rev));
    expect(revs).toEqual(new Set([(await db.shows.get(1))?.listRev, 'other-tab-now']));
  });

  it('keeps the old list whole and leaves no pages behind when the disk fills up mid-write', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(3).map((c) => aListedTicket(c)), 'x', aShow(1));
    const before = await db.ticketPages.toArray();
    const real = db.ticketPages.put.bind(db.ticketPages);
    let calls = 0;
    const spy = vi.spyOn(db.ticketPages, 'put').mockImplementation(((...args: Parameters<typeof real>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
      return real(...args);
    }) as typeof real);
    await expect(replaceShowTickets(db, 1, codes(30_000).map((c) => aListedTicket(c)), 'y')).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.ticketPages.toArray()).toEqual(before);
    expect(await countListedTickets(db, [1])).toBe(3);
    expect((await db.shows.get(1))?.pulledAt).toBe('x');
  });

  it('is what a reloaded app decides with, not only what this tab remembers', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(3).map((c) => aListedTicket(c)), 'x', aShow(1));
    forgetLists(db); // as after a reload: the lists are read back from IndexedDB
    const [a] = codes(1);
    const outcome = await recordScan(db, { raw: a as string, source: 'typed', deviceId: 'd', now: () => new Date('2026-12-29T18:00:00+03:00') });
    expect(outcome).toMatchObject({ ok: true, verdict: { kind: 'valid', ticket: { code: a, clientSurname: 'Петров', row: '6' } } });
  });

  it('is picked up from a pull made by another tab (another connection to the same database)', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(2).map((c) => aListedTicket(c)), 'x', aShow(1));
    const scan = (raw: string) => recordScan(db, { raw, source: 'typed', deviceId: 'd', now: () => new Date('2026-12-29T18:00:00+03:00') });
    const [, , c] = codes(3);
    expect(await scan(c as string)).toMatchObject({ verdict: { kind: 'unknown' } });
    const other = new (db.constructor as new (name: string) => KontrolDb)(db.name);
    await replaceShowTickets(other, 1, codes(3).map((x) => aListedTicket(x)), 'y');
    other.close();
    expect(await scan(c as string)).toMatchObject({ verdict: { kind: 'valid' } });
  });

  it('does not hold up a scan while a large list is being written', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(3).map((c) => aListedTicket(c)), 'x', aShow(1));
    const [a] = codes(1);
    const pulling = replaceShowTickets(db, 1, codes(5 * PAGE_SIZE).map((c) => aListedTicket(c)), 'y');
    let pulled = false;
    void pulling.then(() => (pulled = true));
    const outcome = await recordScan(db, { raw: a as string, source: 'typed', deviceId: 'd', now: () => new Date('2026-12-29T18:00:00+03:00') });
    // Decided on the old list while the new one was still being stored.
    expect(outcome).toMatchObject({ verdict: { kind: 'valid' } });
    expect(pulled).toBe(false);
    await pulling;
    expect(await countListedTickets(db, [1])).toBe(5 * PAGE_SIZE);
  });
});

describe('a packed list from the barcode worker', () => {
  it('keeps the first listing of a code repeated in a later pack, now and after a reload', async () => {
    db = freshDb();
    const packs = [packTickets([aListedTicket('1', { row: 'first' }), aListedTicket('2')]), packTickets([aListedTicket('1', { row: 'second' })])];
    expect(await replaceShowList(db, 1, packs, 'x', aShow(1))).toEqual({ listed: 2, added: 2, revoked: 0, restored: 0 });
    const scan = (raw: string) => recordScan(db, { raw, source: 'typed', deviceId: 'd', now: () => new Date('2026-12-29T18:00:00+03:00') });
    expect(await scan('1')).toMatchObject({ verdict: { kind: 'valid', ticket: { row: 'first' } } });
    forgetLists(db);
    expect(await scan('2')).toMatchObject({ verdict: { kind: 'valid', ticket: { row: '6' } } });
    expect(await scan('1')).toMatchObject({ verdict: { kind: 'already_checked', ticket: { row: 'first' } } });
  });

  it('refuses a pack larger than a page and keeps the old list', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, codes(2).map((c) => aListedTicket(c)), 'x', aShow(1));
    const big = packTickets(codes(PAGE_SIZE + 1).map((c) => aListedTicket(c)));
    await expect(replaceShowList(db, 1, [big], 'y')).rejects.toThrow(RangeError);
    expect(await countListedTickets(db, [1])).toBe(2);
    expect((await db.ticketPages.toArray()).map((p) => p.rev)).toEqual([(await db.shows.get(1))?.listRev]);
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
    expect(await storedTicket(db, 1, a as string)).toMatchObject({ row: '9', place: '1', revoked: 0 });
    expect(await storedTicket(db, 1, c as string)).toMatchObject({ revoked: 1 });
    const third = await replaceShowTickets(db, 1, [...next, aListedTicket(c as string)], 'third');
    expect(third).toEqual({ listed: 3, added: 0, revoked: 0, restored: 1 });
    expect(await storedTicket(db, 1, c as string)).toMatchObject({ revoked: 0 });
    expect((await db.shows.get(1))?.pulledAt).toBe('third');
  });
});
