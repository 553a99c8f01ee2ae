// Late sales through the door engine: a code on no list is said at once, then asked about online;
// a ticket Qtickets holds is decided like a listed one and recorded; a garbage read, a listed code
// and an offline door never ask.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, BarcodeStatus, CallOptions, QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { pendingCount } from '../db/outbox.ts';
import { setToken } from '../db/settings.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import { packInSlices } from '../domain/ticket-pack.ts';
import type { SyncLoop, SyncState } from '../sync/loop.ts';
import { cell } from '../sync/observable.ts';
import { createRefresher } from '../sync/refresh.ts';
import type { RecordedAdmission } from './after-admission.ts';
import { createDoor } from './engine.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const LISTED = '871495495233';
const LATE = '879999000011';
const PULLED_AT = '2026-12-29T19:02:00+03:00';

type Status = (showId: number, code: string, options: CallOptions) => Promise<ApiResult<BarcodeStatus>>;
const held = (code: string, checkedAt: string | null = null): ApiResult<BarcodeStatus> => ({ ok: true, value: { barcode: code, checkedAt }, serverDate: null });
const notFound: ApiResult<BarcodeStatus> = { ok: false, error: { kind: 'http', status: 404, message: 'Resource "Barcode" not found', code: 'RESOURCE_NOT_FOUND' } };
/** A server that never answers: only the door's own time limit ends the wait. */
const silent: Status = (_show, _code, { signal }) =>
  new Promise((resolve) => signal?.addEventListener('abort', () => resolve({ ok: false, error: { kind: 'aborted' } })));

async function door(status: Status, { online = true } = {}) {
  db = freshDb();
  await setToken(db, 'tok');
  await saveShows(db, [aShow(1), aShow(2)]);
  await replaceShowTickets(db, 1, [aListedTicket(LISTED)], PULLED_AT);
  await replaceShowTickets(db, 2, [aListedTicket('874432174155')], PULLED_AT);
  const asked: { showId: number; code: string }[] = [];
  let pulls = 0;
  const api = {
    getBarcodeStatus: (_token: string, showId: number, code: string, options: CallOptions = {}) => {
      asked.push({ showId, code });
      return status(showId, code, options);
    },
    getShowList: async () => {
      pulls += 1;
      return { ok: true, value: packInSlices([aListedTicket(LISTED)], 2_000), serverDate: null };
    },
  } as unknown as QticketsClient;
  const sync = { kick: () => undefined, flushNow: vi.fn(async () => ({ outcome: 'done' })), stop: () => undefined } as unknown as SyncLoop;
  const seen: RecordedAdmission[] = [];
  const engine = createDoor({
    db,
    api,
    sync,
    delivery: cell<SyncState>({ status: 'idle', lastSuccessAt: null }),
    refresher: createRefresher({ db, api, flush: () => sync.flushNow(), online: () => true, everyMs: async () => 0 }),
    deviceId: async () => 'dev',
    withDeliveryLock: (fn) => fn(),
    afterAdmission: [(a) => void seen.push(a)],
    afterPaint: (fn) => fn(),
    online: () => online,
    lateLookupMs: 80,
  });
  return { engine, asked, seen, pulls: () => pulls };
}

describe('late sales', () => {
  it('says "checking" at once, then admits a ticket the server holds: queued, one log line, steps run, lists pulled again', async () => {
    const d = await door(async (showId, code) => (showId === 2 ? held(code) : notFound));
    const outcome = await d.engine.scan(LATE, 'scanner');
    expect(outcome).toMatchObject({ ok: true, verdict: { kind: 'unknown', server: 'checking', listFrom: PULLED_AT } });
    const final = await outcome.followUp;
    expect(final).toMatchObject({ kind: 'valid', recorded: true, ticket: { showId: 2, code: LATE } });
    expect(d.asked).toEqual(expect.arrayContaining([{ showId: 1, code: LATE }, { showId: 2, code: LATE }]));
    expect(await pendingCount(db)).toBe(1);
    expect((await db.outbox.toArray())[0]).toMatchObject({ showId: 2, code: LATE });
    expect((await db.scans.toArray()).map((s) => s.verdict)).toEqual(['valid']);
    expect(d.seen).toMatchObject([{ showId: 2, code: LATE }]);
    await vi.waitFor(() => expect(d.pulls()).toBe(2));
  });

  it('denies a late ticket the server already checked, with the server time, and remembers it', async () => {
    const d = await door(async (showId, code) => (showId === 1 ? held(code, '2026-12-29T19:40:00+03:00') : notFound));
    const final = await (await d.engine.scan(LATE, 'typed')).followUp;
    expect(final).toMatchObject({ kind: 'already_checked', source: 'server', checkedAt: '2026-12-29T19:40:00+03:00' });
    expect(await pendingCount(db)).toBe(0);
    expect(await db.admissions.get([1, LATE])).toMatchObject({ source: 'server' });
    expect((await db.scans.toArray()).map((s) => s.verdict)).toEqual(['already_checked']);
  });

  it('leaves "not found" when every show says so, and "no answer" when the server stays silent past the limit', async () => {
    const absent = await door(async () => notFound);
    expect(await (await absent.engine.scan(LATE, 'typed')).followUp).toMatchObject({ kind: 'unknown', server: 'absent' });
    expect((await db.scans.toArray()).map((s) => s.verdict)).toEqual(['unknown']);
    await db.delete();
    const quiet = await door(silent);
    const started = Date.now();
    expect(await (await quiet.engine.scan(LATE, 'typed')).followUp).toMatchObject({ kind: 'unknown', server: 'unreachable', listFrom: PULLED_AT });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('never asks about a listed code, a garbage read, or while offline (then says how old the list is)', async () => {
    const d = await door(async (_s, code) => held(code));
    const listed = await d.engine.scan(LISTED, 'camera');
    expect(listed).toMatchObject({ verdict: { kind: 'valid' } });
    expect(listed.followUp).toBeUndefined();
    const garbage = await d.engine.scan('https://example.org/?t=1', 'camera');
    expect(garbage).toMatchObject({ verdict: { kind: 'unknown' } });
    expect(garbage.followUp).toBeUndefined();
    expect(d.asked).toEqual([]);
    await db.delete();
    const offline = await door(async (_s, code) => held(code), { online: false });
    const outcome = await offline.engine.scan(LATE, 'typed');
    expect(outcome).toMatchObject({ verdict: { kind: 'unknown', server: 'offline', listFrom: PULLED_AT } });
    expect(outcome.followUp).toBeUndefined();
    expect(offline.asked).toEqual([]);
  });
});

describe('late sales when the next scan comes first', () => {
  it('records nothing for a guest whose answer was never shown: the next scan supersedes the question', async () => {
    let answer: (() => void) | null = null;
    const d = await door((_show, code, { signal }) =>
      new Promise((resolve) => {
        answer = () => resolve(held(code));
        signal?.addEventListener('abort', () => resolve({ ok: false, error: { kind: 'aborted' } }));
      }),
    );
    const first = await d.engine.scan(LATE, 'scanner');
    await vi.waitFor(() => expect(answer).not.toBeNull());
    await d.engine.scan(LISTED, 'scanner');
    expect(await first.followUp).toMatchObject({ kind: 'unknown', server: 'unreachable' });
    expect(await pendingCount(db)).toBe(1); // the listed ticket only
    expect(await db.admissions.get([1, LATE])).toBeUndefined();
    expect(await db.admissions.get([2, LATE])).toBeUndefined();
  });
});
