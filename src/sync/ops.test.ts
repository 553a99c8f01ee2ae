import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, ApiTicket, BarcodeStatus, QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { watchMark } from '../db/conflicts.ts';
import { getClockCorrection, setClockCorrection } from '../db/device-settings.ts';
import { markDelivered } from '../db/outbox.ts';
import { recordScan } from '../db/scan.ts';
import { setToken } from '../db/settings.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb, storedTicket } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import { SLOW_MS } from '../domain/connectivity.ts';
import { PACK_SIZE, packInSlices } from '../domain/ticket-pack.ts';
import { createClockWatch, observeClient, type CallObservation } from './clock.ts';
import { createConnectivity } from './connectivity.ts';
import { createEntryChecker } from './double-entry.ts';
import { createRefresher } from './refresh.ts';

let db: KontrolDb;
afterEach(async () => {
  vi.useRealTimers();
  await db?.delete();
});

const CODE = '871000000001';
const ok = <T>(value: T, serverDate: Date | null = null): ApiResult<T> => ({ ok: true, value, serverDate });
const offline: ApiResult<never> = { ok: false, error: { kind: 'network', message: 'offline' } };

/** Only what a test needs; every other method fails loudly if called. */
function fakeApi(overrides: Partial<QticketsClient>): QticketsClient {
  const missing = (name: string) => () => {
    throw new Error(`unexpected call ${name}`);
  };
  return {
    listEventsPage: missing('listEventsPage'),
    listAllEvents: missing('listAllEvents'),
    getShowBarcodes: missing('getShowBarcodes'),
    getShowList: missing('getShowList'),
    getBarcodeStatus: missing('getBarcodeStatus'),
    postCheckIns: missing('postCheckIns'),
    checkToken: missing('checkToken'),
    ...overrides,
  } as QticketsClient;
}

async function admittedOnce() {
  db = freshDb();
  await setToken(db, 'tok');
  await saveShows(db, [aShow(1)]);
  await replaceShowTickets(db, 1, [aListedTicket(CODE)], '2026-12-29T18:00:00+03:00');
  await recordScan(db, { raw: CODE, source: 'scanner', deviceId: 'dev-1', now: () => new Date('2026-12-29T19:03:12+03:00') });
  const scan = (await db.scans.toArray())[0]!;
  return { scanId: scan.id, showId: 1, code: CODE, checkedAt: scan.checkedAt! };
}

describe('double-entry check', () => {
  const checker = (status: (code: string) => ApiResult<BarcodeStatus>, online = () => true) => {
    const calls: string[] = [];
    const api = fakeApi({
      getBarcodeStatus: async (_t, _s, code) => {
        calls.push(code);
        return status(code);
      },
    });
    return { calls, check: createEntryChecker({ db, api, token: async () => 'tok', deviceId: async () => 'dev-1', online, now: () => 7 }) };
  };

  it('records a conflict when the server had an earlier check-in from elsewhere', async () => {
    const admission = await admittedOnce();
    const { check } = checker((code) => ok({ barcode: code, checkedAt: '2026-12-29T18:55:00+03:00' }));
    const conflict = await check.afterAdmission(admission);
    expect(conflict).toMatchObject({ code: CODE, serverCheckedAt: '2026-12-29T18:55:00+03:00', localCheckedAt: admission.checkedAt, foundBy: 'check', seen: 0, deviceId: 'dev-1' });
    expect(await db.conflicts.toArray()).toHaveLength(1);
    expect((await db.scans.get(admission.scanId))?.verified).toBe(1);
  });

  it('keeps watching when our own time is echoed back (another device may deliver later), and asks again when the server has nothing yet', async () => {
    const admission = await admittedOnce();
    expect(await checker((code) => ok({ barcode: code, checkedAt: null })).check.afterAdmission(admission)).toBeNull();
    expect((await db.scans.get(admission.scanId))?.verified).toBe(0);
    expect(await watchMark(db, admission.scanId)).toBeUndefined();
    expect(await checker((code) => ok({ barcode: code, checkedAt: admission.checkedAt })).check.afterAdmission(admission)).toBeNull();
    expect((await db.scans.get(admission.scanId))?.verified).toBe(0);
    expect(await watchMark(db, admission.scanId)).toEqual({ checks: 1, lastCheckAt: 7 });
    expect(await db.conflicts.count()).toBe(0);
  });

  it('asks nothing while offline and survives a failed call', async () => {
    const admission = await admittedOnce();
    const quiet = checker(() => ok({ barcode: CODE, checkedAt: null }), () => false);
    expect(await quiet.check.afterAdmission(admission)).toBeNull();
    expect(quiet.calls).toEqual([]);
    expect(await checker(() => offline).check.afterAdmission(admission)).toBeNull();
  });

  it('sweeps delivered offline admissions and records what it finds as found on delivery', async () => {
    await admittedOnce();
    const { check, calls } = checker((code) => ok({ barcode: code, checkedAt: '2026-12-29T18:00:00+03:00' }));
    expect(await check.sweep()).toBe(0); // still in the outbox: the server cannot know it yet
    await markDelivered(db, [(await db.outbox.toArray())[0]!.id]);
    expect(await check.sweep()).toBe(1);
    expect(calls).toEqual([CODE]);
    expect(await db.conflicts.toArray()).toMatchObject([{ code: CODE, foundBy: 'delivery' }]);
    expect(await check.sweep()).toBe(0);
  });
});

describe('observing calls', () => {
  it('reports each call with its time, outcome and server date, but not the caller’s own aborts', async () => {
    let t = 1000;
    const seen: CallObservation[] = [];
    const date = new Date('2026-12-29T16:00:00Z');
    const api = observeClient(
      fakeApi({
        getBarcodeStatus: async () => {
          t += 250;
          return ok({ barcode: CODE, checkedAt: null }, date);
        },
        checkToken: async () => ({ ok: false, error: { kind: 'aborted' } }),
        getShowBarcodes: async () => ({ ok: false, error: { kind: 'http', status: 404, message: 'no show' } }),
        postCheckIns: async () => ({ ok: false, error: { kind: 'http', status: 503, message: 'down' } }),
      }),
      (o) => seen.push(o),
      () => t,
    );
    expect(await api.getBarcodeStatus('tok', 1, CODE)).toMatchObject({ ok: true });
    await api.checkToken('tok');
    await api.getShowBarcodes('tok', 1);
    await api.postCheckIns('tok', 1, []);
    expect(seen).toEqual([
      { kind: 'call', ok: true, ms: 250, sentAt: 1000, receivedAt: 1250, serverDate: date },
      // A 404 is the server answering: the network is fine.
      { kind: 'list', ok: true, ms: 0, sentAt: 1250, receivedAt: 1250, serverDate: null },
      { kind: 'call', ok: false, ms: 0, sentAt: 1250, receivedAt: 1250, serverDate: null },
    ]);
  });
});

describe('clock watch', () => {
  const sample = (serverMs: number, at: number): CallObservation => ({ kind: 'call', ok: true, ms: 100, sentAt: at, receivedAt: at + 100, serverDate: new Date(serverMs) });

  it('stores a correction only once the clock is off by more than two minutes', async () => {
    db = freshDb();
    const watch = createClockWatch((ms) => setClockCorrection(db, ms));
    watch.observe(sample(1_000_000 + 60_000, 1_000_000));
    expect(watch.state.get()).toMatchObject({ correctionMs: 0 });
    watch.observe(sample(2_000_000 + 600_000, 2_000_000));
    watch.observe(sample(3_000_000 + 600_000, 3_000_000));
    expect(watch.state.get().correctionMs).toBe(600_000);
    await vi.waitFor(async () => expect(await getClockCorrection(db)).toBe(600_000));
  });
});

describe('connectivity mode', () => {
  it('goes offline after repeated failures, probes, and comes back after clean answers', async () => {
    vi.useFakeTimers();
    const probe = vi.fn(async () => undefined);
    const c = createConnectivity({ initialMode: 'auto', saveMode: async () => undefined, probe, browserOnline: () => true, probeEveryMs: 1000 });
    const call = (okay: boolean, ms = 50): CallObservation => ({ kind: 'call', ok: okay, ms, sentAt: 0, receivedAt: ms, serverDate: null });
    c.observe(call(false));
    c.observe(call(true, SLOW_MS + 1));
    expect(c.online()).toBe(true);
    c.observe(call(false));
    expect(c.state.get()).toMatchObject({ mode: 'auto', effective: 'offline' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(probe).toHaveBeenCalledTimes(1);
    [1, 2, 3].forEach(() => c.observe(call(true)));
    expect(c.online()).toBe(true);
    c.setMode('offline');
    expect(c.state.get()).toMatchObject({ mode: 'offline', effective: 'offline' });
    c.stop();
  });
});

describe('periodic refresh', () => {
  const listed = (codes: string[]): ApiTicket[] => codes.map((code) => aListedTicket(code));

  it('uploads first, then pulls every show; a refund becomes revoked; concurrent runs are joined', async () => {
    db = freshDb();
    await setToken(db, 'tok');
    await saveShows(db, [aShow(1)]);
    await replaceShowTickets(db, 1, [aListedTicket('a'), aListedTicket('b')], '2026-12-29T18:00:00+03:00');
    const order: string[] = [];
    const api = fakeApi({
      getShowList: async () => {
        order.push('pull');
        return ok(packInSlices(listed(['a', 'c']), PACK_SIZE));
      },
    });
    const r = createRefresher({ db, api, flush: async () => order.push('flush'), online: () => true, everyMs: async () => 0, now: () => 5 });
    const [first, second] = await Promise.all([r.runNow(), r.runNow()]);
    expect(first).toBe(second);
    expect(first).toEqual({ at: 5, listed: 2, added: 1, revoked: 1, failed: [] });
    expect(order).toEqual(['flush', 'pull']);
    expect((await storedTicket(db, 1, 'b'))?.revoked).toBe(1);
    expect(r.state.get()).toMatchObject({ running: false, last: { revoked: 1 } });
    r.stop();
  });

  it('runs on its timer while online and skips rounds while offline', async () => {
    // Only the timers: fake-indexeddb schedules its own work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    db = freshDb();
    await setToken(db, 'tok');
    let online = false;
    const flush = vi.fn(async () => undefined);
    const r = createRefresher({ db, api: fakeApi({}), flush, online: () => online, everyMs: async () => 60_000 });
    r.reschedule();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(flush).not.toHaveBeenCalled();
    online = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(flush).toHaveBeenCalledTimes(1);
    r.stop();
  });
});
