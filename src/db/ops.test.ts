import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { recordVerification, unverifiedAdmissions } from './conflicts.ts';
import { KontrolDb } from './database.ts';
import { setClockCorrection } from './device-settings.ts';
import { setEntranceZones } from './entrance.ts';
import { allHistory, listHistory, undoAdmission } from './history.ts';
import { dismissRejected, listRejected, markDelivered, moveToRejected, pendingCount, resendRejected } from './outbox.ts';
import { recordScan } from './scan.ts';
import { getDeviceId, getToken, setToken } from './settings.ts';
import { saveShows } from './shows.ts';
import { signOut } from './signout.ts';
import { liveNumbers } from './stats.ts';
import { aListedTicket, aShow, freshDb, storedTickets } from './testing.ts';
import { encodePages } from './ticket-pages.ts';
import { countListedTickets, replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const VIP = '871000000001';
const FLOOR = '871000000002';
const OTHER = '871000000003';

async function door() {
  db = freshDb();
  await saveShows(db, [aShow(1)]);
  await replaceShowTickets(
    db,
    1,
    [aListedTicket(VIP, { zoneName: 'VIP' }), aListedTicket(FLOOR, { zoneName: 'Танцевальный партер' }), aListedTicket(OTHER)],
    '2026-12-29T18:00:00+03:00',
  );
}
let clock = Date.parse('2026-12-29T19:00:00+03:00');
const scan = (raw: string, source: 'scanner' | 'typed' | 'search' = 'scanner') =>
  recordScan(db, { raw, source, deviceId: 'dev-1', now: () => new Date((clock += 1000)) });

describe('entrance filter in the scan transaction', () => {
  it('denies another zone with wrong_zone, queues nothing, and admits the chosen zone', async () => {
    await door();
    await setEntranceZones(db, ['VIP']);
    expect(await scan(FLOOR)).toMatchObject({ verdict: { kind: 'wrong_zone', ticket: { zoneName: 'Танцевальный партер' }, entrance: ['VIP'] } });
    expect(await pendingCount(db)).toBe(0);
    expect(await scan(VIP)).toMatchObject({ verdict: { kind: 'valid' } });
    await setEntranceZones(db, []);
    expect(await scan(FLOOR)).toMatchObject({ verdict: { kind: 'valid' } });
  });
});

describe('clock correction', () => {
  it('stamps the check-in with the corrected time and keeps the device time in the log', async () => {
    await door();
    await setClockCorrection(db, 300_000);
    const before = clock;
    const outcome = await scan(VIP);
    expect(outcome).toMatchObject({ verdict: { kind: 'valid' } });
    const [checkIn] = await db.outbox.toArray();
    const [line] = await db.scans.toArray();
    expect(Date.parse(checkIn!.checkedAt)).toBe(before + 1000 + 300_000);
    expect(checkIn!.checkedAt).toMatch(/[+-]\d\d:\d\d$/);
    expect(line).toMatchObject({ at: before + 1000, clockOffsetMs: 300_000, checkedAt: checkIn!.checkedAt, checkInId: checkIn!.id });
  });
});

describe('history and undo', () => {
  it('lists every scan newest first with source, ticket and delivery state', async () => {
    await door();
    await scan(VIP, 'scanner');
    await scan('000000000000', 'typed');
    await scan(FLOOR, 'search');
    const history = await listHistory(db);
    expect(history.map((h) => [h.scan.code, h.scan.verdict, h.scan.source, h.delivery])).toEqual([
      [FLOOR, 'valid', 'search', 'pending'],
      ['000000000000', 'unknown', 'typed', null],
      [VIP, 'valid', 'scanner', 'pending'],
    ]);
    expect(history[0]?.ticket).toMatchObject({ clientSurname: 'Петров', zoneName: 'Танцевальный партер' });
    expect((await allHistory(db)).map((h) => h.scan.code)).toEqual([VIP, '000000000000', FLOOR]);
  });

  it('undoes an undelivered admission: outbox record and admission gone in one go, the ticket admits again', async () => {
    await door();
    await scan(VIP);
    await scan(FLOOR);
    const line = (await db.scans.toArray()).find((s) => s.code === VIP)!;
    const outcome = await undoAdmission(db, line.id, 42);
    expect(outcome).toMatchObject({ ok: true, checkIn: { code: VIP } });
    expect((await db.outbox.toArray()).map((c) => c.code)).toEqual([FLOOR]);
    expect(await db.admissions.get([1, VIP])).toBeUndefined();
    expect(await db.scans.get(line.id)).toMatchObject({ undoneAt: 42 });
    expect((await listHistory(db)).find((h) => h.scan.id === line.id)?.delivery).toBeNull();
    expect(await scan(VIP)).toMatchObject({ verdict: { kind: 'valid' } });
    expect(await undoAdmission(db, line.id)).toEqual({ ok: false, reason: 'already_undone' });
  });

  it('refuses to undo a delivered or refused admission, and a denial, changing nothing', async () => {
    await door();
    await scan(VIP);
    await scan(FLOOR);
    await scan('000000000000');
    const lines = await db.scans.toArray();
    const [vip, floor, unknown] = [VIP, FLOOR, '000000000000'].map((c) => lines.find((s) => s.code === c)!);
    await markDelivered(db, [vip!.checkInId!]);
    await moveToRejected(db, [{ id: floor!.checkInId!, reason: 'no' }]);
    expect(await undoAdmission(db, vip!.id)).toEqual({ ok: false, reason: 'delivered' });
    expect(await undoAdmission(db, floor!.id)).toEqual({ ok: false, reason: 'rejected' });
    expect(await undoAdmission(db, unknown!.id)).toEqual({ ok: false, reason: 'not_admission' });
    expect(await undoAdmission(db, 'nope')).toEqual({ ok: false, reason: 'not_found' });
    expect(await db.admissions.count()).toBe(2);
    expect((await listHistory(db)).map((h) => h.delivery)).toEqual([null, 'rejected', 'delivered']);
  });
});

describe('verification of admissions against the server', () => {
  it('offers only delivered, unverified, not undone admissions, and marks them with their conflict', async () => {
    await door();
    await scan(VIP);
    await scan(FLOOR);
    await scan(OTHER);
    const lines = await db.scans.toArray();
    const byCode = (c: string) => lines.find((s) => s.code === c)!;
    await markDelivered(db, [byCode(VIP).checkInId!, byCode(OTHER).checkInId!]);
    await undoAdmission(db, byCode(FLOOR).id);
    expect((await unverifiedAdmissions(db, 0, 10)).map((s) => s.code)).toEqual([VIP, OTHER]);
    expect((await unverifiedAdmissions(db, 0, 10, false)).map((s) => s.code)).toEqual([VIP, OTHER]);
    await recordVerification(db, byCode(VIP).id, {
      id: 'c1', showId: 1, code: VIP, localCheckedAt: 'x', serverCheckedAt: 'y', deviceId: 'dev-1', foundAt: 1, foundBy: 'delivery', seen: 0,
    });
    expect((await unverifiedAdmissions(db, 0, 10)).map((s) => s.code)).toEqual([OTHER]);
    expect(await db.conflicts.count()).toBe(1);
  });
});

describe('door numbers from the store', () => {
  it('counts admissions, recent admissions, denials by reason and pending', async () => {
    await door();
    await scan(VIP);
    await scan(VIP);
    await scan('000000000000');
    await setEntranceZones(db, ['VIP']);
    await scan(FLOOR);
    const live = await liveNumbers(db, clock - 60_000);
    expect(live.admitted).toEqual([[1, VIP]]);
    expect(live.recentAdmissions).toHaveLength(1);
    expect(live.denials).toEqual({ already_checked: 1, unknown: 1, revoked: 0, wrong_show: 0, wrong_zone: 1, too_early: 0, show_over: 0 });
    expect(live.pending).toBe(1);
  });
});

describe('signing out', () => {
  it('refuses while check-ins are unsent unless their exact number is confirmed, then wipes all but the device id', async () => {
    await door();
    await setToken(db, 'secret');
    const deviceId = await getDeviceId(db);
    await scan(VIP);
    await scan(FLOOR);
    expect(await signOut(db)).toEqual({ ok: false, reason: 'undelivered', undelivered: 2 });
    expect(await signOut(db, 1)).toEqual({ ok: false, reason: 'undelivered', undelivered: 2 });
    expect(await pendingCount(db)).toBe(2);
    expect(await getToken(db)).toBe('secret');
    expect(await signOut(db, 2)).toEqual({ ok: true, discarded: 2 });
    for (const table of [db.outbox, db.shows, db.ticketPages, db.admissions, db.scans, db.conflicts, db.rejected]) expect(await table.count()).toBe(0);
    expect(await getToken(db)).toBeUndefined();
    expect(await getDeviceId(db)).toBe(deviceId);
  });

  it('counts rejected records a person has not dismissed: sign-out would wipe them too', async () => {
    await door();
    await scan(VIP);
    await scan(FLOOR);
    const [first, second] = await db.outbox.toArray();
    await moveToRejected(db, [{ id: first!.id, reason: 'Билет возвращён' }, { id: second!.id, reason: 'not_found' }]);
    expect(await pendingCount(db)).toBe(0);
    expect(await signOut(db)).toEqual({ ok: false, reason: 'undelivered', undelivered: 2 });
    await dismissRejected(db, first!.id, 'refunded at the box office, let in by the manager');
    expect(await signOut(db)).toEqual({ ok: false, reason: 'undelivered', undelivered: 1 });
    expect(await resendRejected(db, [second!.id])).toBe(1);
    expect(await pendingCount(db)).toBe(1);
    expect(await listRejected(db)).toEqual([]);
    expect(await signOut(db, 1)).toEqual({ ok: true, discarded: 1 });
  });

  it('signs out at once when everything was delivered', async () => {
    await door();
    await setToken(db, 'secret');
    expect(await signOut(db)).toEqual({ ok: true, discarded: 0 });
    expect(await getToken(db)).toBeUndefined();
  });
});

/** A database as version 4 or 5 left it: the same stores, pages of a different layout. */
function pagedDatabase(version: 4 | 5) {
  const name = `kontrol-upgrade-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  old.version(version).stores({
    shows: 'id', admissions: '[showId+code]', outbox: 'id, queuedAt', rejected: 'id, rejectedAt',
    scans: 'id, at, verdict, [verified+at]', settings: 'key', conflicts: 'id, foundAt, seen', ticketPages: '[showId+rev+page]',
  });
  return { name, old };
}

describe('schema upgrade', () => {
  it('opens a version 1 database with its outbox intact and the new tables empty', async () => {
    const name = `kontrol-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores({
      shows: 'id', tickets: '[showId+code], code', admissions: '[showId+code]', outbox: 'id, queuedAt', rejected: 'id, rejectedAt', scans: 'id, at', settings: 'key',
    });
    await old.table('outbox').add({ id: 'c1', showId: 1, code: VIP, checkedAt: '2026-12-29T19:00:00+03:00', deviceId: 'd', queuedAt: 1, attempts: 0, lastError: null });
    await old.table('scans').add({ id: 's1', at: 1, code: VIP, verdict: 'unknown', showId: null, source: 'typed' });
    old.close();
    db = new KontrolDb(name);
    expect(await pendingCount(db)).toBe(1);
    expect(await db.scans.where('verdict').equals('unknown').count()).toBe(1);
    expect(await db.conflicts.count()).toBe(0);
  });
  it('moves a version 2 ticket table into pages: the same tickets admit, revoked ones stay revoked', async () => {
    const name = `kontrol-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(2).stores({
      shows: 'id', tickets: '[showId+code], code', admissions: '[showId+code]', outbox: 'id, queuedAt', rejected: 'id, rejectedAt',
      scans: 'id, at, verdict, [verified+at]', settings: 'key', conflicts: 'id, foundAt, seen',
    });
    await old.table('shows').add({ ...aShow(1), pulledAt: '2026-12-29T12:00:00+03:00' });
    await old.table('tickets').bulkAdd([
      { ...aListedTicket(VIP, { zoneName: 'VIP' }), showId: 1, revoked: 0 },
      { ...aListedTicket(FLOOR), showId: 1, revoked: 1 },
    ]);
    await old.table('settings').add({ key: 'tickets-summary:1', value: { listed: 1, total: 2 } });
    old.close();
    db = new KontrolDb(name);
    expect(await countListedTickets(db, [1])).toBe(1);
    expect(await db.settings.get('tickets-summary:1')).toBeUndefined();
    expect(await scan(FLOOR)).toMatchObject({ verdict: { kind: 'revoked' } });
    expect(await scan(VIP)).toMatchObject({ verdict: { kind: 'valid', ticket: { zoneName: 'VIP', clientSurname: 'Петров' } } });
  });
  it('repacks version 4 pages (an array per field): same tickets, same nulls, revoked ones stay revoked', async () => {
    const { name, old } = pagedDatabase(4);
    await old.table('shows').add({ ...aShow(1), pulledAt: '2026-12-29T12:00:00+03:00', listRev: 'r4', pages: 1, listed: 1 });
    await old.table('ticketPages').add({
      showId: 1, rev: 'r4', page: 0, writtenAt: 1,
      code: [VIP, FLOOR], admission: [0, 0], price: [5000, null], seatName: ['VIP: ряд 1, место 2', null],
      zoneName: ['VIP', 'Партер'], row: ['1', null], place: ['2', null], clientName: ['Анна', ''],
      clientSurname: ['Иванова', null], clientMiddlename: [null, null], revoked: [0, 1],
    });
    old.close();
    db = new KontrolDb(name);
    expect(await storedTickets(db)).toEqual([
      { showId: 1, code: FLOOR, admission: false, price: null, seatName: null, zoneName: 'Партер', row: null, place: null, clientName: '', clientSurname: null, clientMiddlename: null, revoked: 1 },
      { showId: 1, code: VIP, admission: false, price: 5000, seatName: 'VIP: ряд 1, место 2', zoneName: 'VIP', row: '1', place: '2', clientName: 'Анна', clientSurname: 'Иванова', clientMiddlename: null, revoked: 0 },
    ].sort((a, b) => a.code.localeCompare(b.code)));
    expect(await scan(FLOOR)).toMatchObject({ verdict: { kind: 'revoked' } });
    expect(await scan(VIP)).toMatchObject({ verdict: { kind: 'valid', ticket: { zoneName: 'VIP', clientSurname: 'Иванова' } } });
  });
  it('moves the text of version 5 pages (one string) into units, names intact', async () => {
    const { name, old } = pagedDatabase(5);
    const [page] = encodePages(1, 'r5', [aListedTicket(VIP, { clientSurname: 'Ёлкина', zoneName: 'VIP' }), aListedTicket(FLOOR)], 1);
    const units = page!.text;
    await old.table('shows').add({ ...aShow(1), pulledAt: '2026-12-29T12:00:00+03:00', listRev: 'r5', pages: 1, listed: 2 });
    await old.table('ticketPages').add({ ...page, text: String.fromCharCode(...units) });
    old.close();
    db = new KontrolDb(name);
    expect((await db.ticketPages.toArray())[0]?.text).toEqual(units);
    expect(await scan(VIP)).toMatchObject({ verdict: { kind: 'valid', ticket: { zoneName: 'VIP', clientSurname: 'Ёлкина', row: '6' } } });
  });
});
