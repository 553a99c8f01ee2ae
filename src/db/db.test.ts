import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { updateEntryWindow } from './entry-window.ts';
import { listRejected, markDelivered, moveToRejected, noteFailedAttempt, oldestBatch, pendingCount } from './outbox.ts';
import { recordScan } from './scan.ts';
import { getDeviceId, getToken, setToken } from './settings.ts';
import { saveShows } from './shows.ts';
import { aListedTicket, aShow, freshDb, storedTicket } from './testing.ts';
import { countAdmitted, countListedTickets, replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

async function withShows() {
  db = freshDb();
  await saveShows(db, [aShow(1), aShow(2, false)]);
  await replaceShowTickets(db, 1, [aListedTicket('871495495233'), aListedTicket('874432174155')], '2026-12-29T18:00:00+03:00');
  await replaceShowTickets(db, 2, [aListedTicket('875196723453')], '2026-12-29T18:00:00+03:00');
}
const scan = (raw: string, source: 'scanner' | 'typed' = 'scanner') => recordScan(db, { raw, source, deviceId: 'dev-1' });

describe('scanning against stored lists', () => {
  it('admits once, queues exactly one check-in and denies the repeat', async () => {
    await withShows();
    const first = await scan('871495495233\r');
    expect(first).toMatchObject({ ok: true, verdict: { kind: 'valid', recorded: true, code: '871495495233' } });
    const second = await scan('871495495233');
    expect(second).toMatchObject({ ok: true, verdict: { kind: 'already_checked', source: 'this_device' } });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ code: '871495495233', showId: 1, deviceId: 'dev-1', attempts: 0 });
    expect(outbox[0]?.checkedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(await db.scans.count()).toBe(2);
  });

  it('gives unknown, wrong_show and revoked verdicts, and queues nothing for them', async () => {
    await withShows();
    expect(await scan('000000000000')).toMatchObject({ verdict: { kind: 'unknown' } });
    expect(await scan('875196723453')).toMatchObject({ verdict: { kind: 'wrong_show', show: { id: 2 } } });
    await replaceShowTickets(db, 1, [aListedTicket('871495495233')], '2026-12-29T18:30:00+03:00');
    expect(await scan('874432174155')).toMatchObject({ verdict: { kind: 'revoked' } });
    expect(await pendingCount(db)).toBe(0);
  });

  it('admits an EAN-13 read of a 12-digit code', async () => {
    await withShows();
    expect(await scan('8714954952330')).toMatchObject({ verdict: { kind: 'valid', ticket: { code: '871495495233' } } });
    expect((await db.outbox.toArray())[0]?.code).toBe('871495495233');
  });

  it('reports empty input instead of a verdict', async () => {
    await withShows();
    expect(await scan(' \r\n')).toEqual({ ok: false, reason: 'empty' });
  });

  it('two racing scans of one code admit it once', async () => {
    await withShows();
    const results = await Promise.all([scan('871495495233'), scan('871495495233')]);
    const kinds = results.map((r) => (r.ok ? r.verdict.kind : r.reason)).sort();
    expect(kinds).toEqual(['already_checked', 'valid']);
    expect(await pendingCount(db)).toBe(1);
  });

  it('says "valid but not recorded" when the disk refuses the write', async () => {
    await withShows();
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    db.outbox.hook('creating', () => {
      throw quota;
    });
    const result = await scan('871495495233');
    expect(result).toMatchObject({ ok: true, verdict: { kind: 'valid', recorded: false, error: 'quota' } });
    expect(await db.admissions.count()).toBe(0); // the transaction rolled back whole
  });
});

describe('pulling a list again', () => {
  it('keeps admissions, revokes vanished codes and restores reappearing ones', async () => {
    await withShows();
    await scan('871495495233');
    const pull = await replaceShowTickets(db, 1, [aListedTicket('871495495233'), aListedTicket('879999999999')], 'later');
    expect(pull).toEqual({ listed: 2, added: 1, revoked: 1, restored: 0 });
    expect(await countListedTickets(db, [1])).toBe(2);
    expect(await countAdmitted(db, [1])).toBe(1);
    expect(await scan('871495495233')).toMatchObject({ verdict: { kind: 'already_checked' } });
    const back = await replaceShowTickets(db, 1, [aListedTicket('874432174155')], 'later still');
    expect(back.restored).toBe(1);
    expect(await scan('874432174155')).toMatchObject({ verdict: { kind: 'valid' } });
  });

  it('keeps the first of duplicate codes in one answer', async () => {
    await withShows();
    const pull = await replaceShowTickets(db, 1, [aListedTicket('1', { row: '1' }), aListedTicket('1', { row: '2' })], 'x');
    expect(pull.listed).toBe(1);
    expect((await storedTicket(db, 1, '1'))?.row).toBe('1');
  });
});

describe('outbox', () => {
  it('batches per show in queue order and moves refusals to the rejected list', async () => {
    await withShows();
    await scan('871495495233');
    await scan('874432174155');
    const batch = await oldestBatch(db, 10);
    expect(batch.map((c) => c.code)).toEqual(['871495495233', '874432174155']);
    await noteFailedAttempt(db, [batch[0]!.id], 'HTTP 503');
    expect((await db.outbox.get(batch[0]!.id))?.attempts).toBe(1);
    await moveToRejected(db, [{ id: batch[0]!.id, reason: 'Barcode not found' }]);
    await markDelivered(db, [batch[1]!.id]);
    expect(await pendingCount(db)).toBe(0);
    expect(await listRejected(db)).toMatchObject([{ code: '871495495233', reason: 'Barcode not found', attempts: 1 }]);
  });
});

describe('settings', () => {
  it('keeps one device id and the token', async () => {
    db = freshDb();
    const id = await getDeviceId(db);
    expect(await getDeviceId(db)).toBe(id);
    await setToken(db, 'secret');
    expect(await getToken(db)).toBe('secret');
  });
});

describe('durability', () => {
  it('flushes an admission to disk before it counts as stored, and a list page as Chromium does by default', async () => {
    // What Dexie asks IndexedDB for, per read-write transaction. Dexie binds `transaction` when
    // the database opens, so the spy is in place before that.
    const writes: string[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores, mode, options) {
      if (mode === 'readwrite') writes.push(`${[stores].flat().join('+')}: ${options?.durability}`);
      return original.call(this, stores, mode, options);
    };
    let pull: string[];
    try {
      await withShows();
      pull = writes.splice(0);
      const outcome = await scan('871495495233');
      expect(outcome).toMatchObject({ ok: true, verdict: { kind: 'valid', recorded: true } });
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(pull).toContain('ticketPages: relaxed');
    expect(writes).toEqual(['admissions+outbox+scans+movements: strict']);
  });
});

describe('scanning against the show entry window', () => {
  const evening = { openDate: '2026-12-29T18:30:00+03:00', startDate: '2026-12-29T19:00:00+03:00', finishDate: '2026-12-29T22:00:00+03:00' };
  const at = (iso: string) => () => new Date(iso);

  it('refuses an early ticket and logs it, then admits with a warning once the supervisor says warn', async () => {
    db = freshDb();
    await saveShows(db, [{ ...aShow(1), ...evening }]);
    await replaceShowTickets(db, 1, [aListedTicket('871495495233')], '2026-12-29T12:00:00+03:00');
    const early = await recordScan(db, { raw: '871495495233', source: 'typed', deviceId: 'dev-1', now: at('2026-12-29T15:00:00+03:00') });
    expect(early).toMatchObject({ verdict: { kind: 'too_early', from: '2026-12-29T17:30:00+03:00', sameDay: true } });
    expect(await pendingCount(db)).toBe(0);
    expect((await db.scans.toArray()).map((s) => s.verdict)).toEqual(['too_early']);

    // The scan context is kept in memory: the changed setting must reach the very next scan.
    await updateEntryWindow(db, { early: 'warn' });
    const warned = await recordScan(db, { raw: '871495495233', source: 'typed', deviceId: 'dev-1', now: at('2026-12-29T15:01:00+03:00') });
    expect(warned).toMatchObject({ verdict: { kind: 'valid', recorded: true, warning: { kind: 'too_early', at: '2026-12-29T17:30:00+03:00' } } });
    expect(await pendingCount(db)).toBe(1);
    const logged = (await db.scans.toArray()).find((s) => s.verdict === 'valid');
    expect(logged).toMatchObject({ warning: 'too_early', checkInId: expect.any(String) });
  });
});
