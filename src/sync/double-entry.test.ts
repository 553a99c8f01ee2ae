// The double-entry watch against a fake server whose answer the test changes between looks: what
// a device sees when another device delivers the same ticket before it, after it, or never.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, BarcodeStatus, QticketsClient } from '../api/index.ts';
import { listConflicts, watchMark } from '../db/conflicts.ts';
import type { KontrolDb } from '../db/database.ts';
import { markDelivered, moveToRejected } from '../db/outbox.ts';
import { recordScan } from '../db/scan.ts';
import { setToken } from '../db/settings.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import { RECHECK_AFTER_MS } from '../domain/conflicts.ts';
import { createEntryChecker, SWEEP_BATCH, SWEEP_PAUSE_MS, SWEEP_RETRY_MS } from './double-entry.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const OURS = '2026-12-29T19:03:12+03:00';
const START = Date.parse(OURS);
const code = (i: number) => `8710000${String(i).padStart(5, '0')}`;

type Answer = ApiResult<BarcodeStatus>;
const held = (at: string | null): Answer => ({ ok: true, value: { barcode: '', checkedAt: at }, serverDate: null });

/** A door with `count` admissions made offline at OURS (one per ticket), all delivered unless said. */
async function door(count = 1, delivered = true) {
  db = freshDb();
  await setToken(db, 'tok');
  await saveShows(db, [aShow(1)]);
  await replaceShowTickets(db, 1, Array.from({ length: count }, (_, i) => aListedTicket(code(i))), '2026-12-29T18:00:00+03:00');
  for (let i = 0; i < count; i += 1) {
    await recordScan(db, { raw: code(i), source: 'scanner', deviceId: 'dev-b', now: () => new Date(START), clockOffsetMs: 0 });
  }
  if (delivered) await markDelivered(db, (await db.outbox.toArray()).map((c) => c.id));
  return (await db.scans.toArray()).sort((a, b) => a.code.localeCompare(b.code));
}

/** The checker on a manual clock and a manual timer, with a server answer per code the test sets. */
function device(answer: (code: string) => Answer = () => held(OURS), online = () => true) {
  const clock = { t: START + 5_000 };
  const asked: string[] = [];
  const timers: { ms: number; fn: () => void; cancelled: boolean }[] = [];
  const server = { answer };
  const api = {
    getBarcodeStatus: async (_t: string, _s: number, c: string) => {
      asked.push(c);
      const a = server.answer(c);
      return a.ok ? { ...a, value: { ...a.value, barcode: c } } : a;
    },
  } as unknown as QticketsClient;
  const checker = createEntryChecker({
    db,
    api,
    token: async () => 'tok',
    deviceId: async () => 'dev-b',
    online,
    now: () => clock.t,
    setTimer: (fn, ms) => {
      const timer = { ms, fn, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const pendingWake = () => timers.filter((t) => !t.cancelled).at(-1)?.ms ?? null;
  return { checker, asked, clock, server, pendingWake };
}

describe('the double-entry watch', () => {
  it('sees the other device that delivered an EARLIER admission after us (the server keeps the earliest or the last)', async () => {
    const [scan] = await door();
    const b = device();
    expect(await b.checker.sweep()).toBe(1); // right after our delivery: our own time, nobody else yet
    expect(await listConflicts(db)).toEqual([]);
    expect(await watchMark(db, scan!.id)).toEqual({ checks: 1, lastCheckAt: START + 5_000 });
    expect(b.pendingWake()).toBe(RECHECK_AFTER_MS[0]! + 50); // it wakes itself for the next look

    // The other device comes online and delivers its admission of 19:03:05.
    b.server.answer = () => held('2026-12-29T19:03:05+03:00');
    expect(await b.checker.sweep()).toBe(0); // not due yet: no question asked
    b.clock.t += RECHECK_AFTER_MS[0]!;
    expect(await b.checker.sweep()).toBe(1);
    expect(await listConflicts(db)).toMatchObject([
      { code: code(0), localCheckedAt: scan!.checkedAt, serverCheckedAt: '2026-12-29T19:03:05+03:00', deviceId: 'dev-b', foundBy: 'delivery', seen: 0 },
    ]);
    expect((await db.scans.get(scan!.id))?.verified).toBe(1);
    expect(await watchMark(db, scan!.id)).toBeUndefined();
    b.clock.t += 10 * 3_600_000;
    expect(await b.checker.sweep()).toBe(0);
    expect(b.asked).toHaveLength(2);
  });

  it('sees a LATER admission the server holds instead of ours (it keeps the first it received, or the last)', async () => {
    await door();
    const [scan] = await db.scans.toArray();
    const a = device(() => held('2026-12-29T19:03:40+03:00'));
    expect(await a.checker.sweep()).toBe(1);
    expect(await listConflicts(db)).toMatchObject([{ localCheckedAt: scan!.checkedAt, serverCheckedAt: '2026-12-29T19:03:40+03:00', foundBy: 'delivery' }]);
  });

  it('finds the double entry of a check-in the server refused as a repeat', async () => {
    const [scan] = await door(1, false);
    await moveToRejected(db, [{ id: scan!.checkInId!, reason: 'Barcode already checked' }]);
    const a = device(() => held('2026-12-29T19:03:40+03:00'));
    expect(await a.checker.sweep()).toBe(1);
    expect(await listConflicts(db)).toMatchObject([{ code: code(0), serverCheckedAt: '2026-12-29T19:03:40+03:00' }]);
  });

  it('sends a delivered admission again, with its own time, when a later look shows the server lost it', async () => {
    const [scan] = await door(1);
    const a = device(() => held(null));
    expect(await a.checker.sweep()).toBe(1);
    expect(await db.outbox.toArray()).toMatchObject([{ id: scan!.checkInId, code: code(0), checkedAt: scan!.checkedAt, attempts: 0 }]);
    expect(await listConflicts(db)).toEqual([]);
  });

  it('never sends a rejected admission again on its own: that is a person\'s call', async () => {
    const [scan] = await door(1, false);
    await moveToRejected(db, [{ id: scan!.checkInId!, reason: 'Билет возвращён' }]);
    const a = device(() => held(null));
    await a.checker.sweep();
    expect(await db.outbox.count()).toBe(0);
  });

  it('asks nothing about admissions still in the outbox, nor about undone ones', async () => {
    const scans = await door(2, false);
    await db.scans.update(scans[1]!.id, { undoneAt: START + 1_000 });
    const b = device();
    expect(await b.checker.sweep()).toBe(0);
    expect(b.asked).toEqual([]);
    expect((await db.scans.get(scans[1]!.id))?.verified).toBe(1); // out of the watch for good
    expect(b.pendingWake()).toBeNull(); // its delivery starts the next sweep
  });

  it('keeps its schedule across a reload instead of asking about the whole night again', async () => {
    await door(3);
    expect(await device().checker.sweep()).toBe(3);
    const reloaded = device();
    expect(await reloaded.checker.sweep()).toBe(0);
    expect(reloaded.asked).toEqual([]);
    expect(reloaded.pendingWake()).toBe(RECHECK_AFTER_MS[0]! + 50);
  });

  it('ends the watch after the last look, with no conflict and no leftover rows', async () => {
    const [scan] = await door();
    const b = device();
    for (let look = 0; look <= RECHECK_AFTER_MS.length; look += 1) {
      expect(await b.checker.sweep(), `look ${look}`).toBe(1);
      b.clock.t += RECHECK_AFTER_MS[look] ?? 0;
    }
    expect((await db.scans.get(scan!.id))?.verified).toBe(1);
    expect(await watchMark(db, scan!.id)).toBeUndefined();
    expect(await db.settings.where('key').startsWith('double-entry-watch:').count()).toBe(0);
    b.clock.t += 3_600_000;
    expect(await b.checker.sweep()).toBe(0);
    expect(b.asked).toHaveLength(RECHECK_AFTER_MS.length + 1);
    expect(b.pendingWake()).toBeNull();
  });

  it('works through a backlog in steps, and stops at the first failure instead of hammering', async () => {
    await door(SWEEP_BATCH + 5);
    const b = device(() => ({ ok: false, error: { kind: 'http', status: 503, message: 'down' } }));
    expect(await b.checker.sweep()).toBe(0);
    expect(b.asked).toHaveLength(1);
    expect(b.pendingWake()).toBe(SWEEP_RETRY_MS + 50);

    b.server.answer = () => held(OURS);
    expect(await b.checker.sweep()).toBe(SWEEP_BATCH);
    expect(b.pendingWake()).toBe(SWEEP_PAUSE_MS + 50);
    expect(await b.checker.sweep()).toBe(5);
    expect(b.pendingWake()).toBe(RECHECK_AFTER_MS[0]! + 50);
  });

  it('spends a look on a ticket the server no longer knows (refunded: 404), so it is not asked about at every sweep', async () => {
    const [scan] = await door();
    const b = device(() => ({ ok: false, error: { kind: 'http', status: 404, message: 'Resource "Barcode" not found' } }));
    expect(await b.checker.sweep()).toBe(1);
    expect(await b.checker.sweep()).toBe(0);
    expect(await watchMark(db, scan!.id)).toMatchObject({ checks: 1 });
  });

  it('stays quiet while offline', async () => {
    await door();
    const b = device(undefined, () => false);
    expect(await b.checker.sweep()).toBe(0);
    expect(b.asked).toEqual([]);
  });

  it('a clean look right after the scan starts the watch, and an earlier time there is a conflict found at once', async () => {
    const [scan] = await door(2);
    const b = device();
    expect(await b.checker.afterAdmission({ scanId: scan!.id, showId: 1, code: scan!.code, checkedAt: scan!.checkedAt! })).toBeNull();
    expect(await watchMark(db, scan!.id)).toEqual({ checks: 1, lastCheckAt: START + 5_000 });
    b.server.answer = () => held('2026-12-29T19:01:00+03:00');
    const other = (await db.scans.toArray()).find((s) => s.id !== scan!.id)!;
    expect(await b.checker.afterAdmission({ scanId: other.id, showId: 1, code: other.code, checkedAt: other.checkedAt! })).toMatchObject({ foundBy: 'check', serverCheckedAt: '2026-12-29T19:01:00+03:00' });
  });
});
