// The door engine without React: every screen's scan goes through the same steps, the refresh is
// one path, and every outbox mutation holds the delivery lock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { setEntranceZones } from '../db/entrance.ts';
import { moveToRejected, pendingCount } from '../db/outbox.ts';
import { setToken } from '../db/settings.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import { packInSlices } from '../domain/ticket-pack.ts';
import type { SyncLoop, SyncState } from '../sync/loop.ts';
import { cell } from '../sync/observable.ts';
import { createRefresher } from '../sync/refresh.ts';
import type { AdmissionStep, RecordedAdmission } from './after-admission.ts';
import { createDoor, type DoorParts } from './engine.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const CODES = ['871495495233', '874432174155', '875196723453'];

async function door(overrides: Partial<DoorParts> = {}) {
  db = freshDb();
  await setToken(db, 'tok');
  await saveShows(db, [aShow(1)]);
  await replaceShowTickets(db, 1, CODES.map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00');
  const kicks: number[] = [];
  const sync = { kick: () => kicks.push(1), flushNow: vi.fn(async () => ({ outcome: 'done' })), stop: () => undefined } as unknown as SyncLoop;
  let pulls = 0;
  const api = {
    getShowList: async () => {
      pulls += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { ok: true, value: packInSlices(CODES.map((c) => aListedTicket(c)), 2_000), serverDate: null };
    },
  } as unknown as QticketsClient;
  const refresher = createRefresher({ db, api, flush: () => sync.flushNow(), online: () => true, everyMs: async () => 0 });
  const locks: string[] = [];
  const seen: RecordedAdmission[] = [];
  const parts: DoorParts = {
    db,
    api,
    sync,
    delivery: cell<SyncState>({ status: 'idle', lastSuccessAt: null }),
    refresher,
    deviceId: async () => 'dev',
    withDeliveryLock: async (fn) => {
      locks.push('held');
      try {
        return await fn();
      } finally {
        locks.push('released');
      }
    },
    afterAdmission: [(a) => void seen.push(a)],
    afterPaint: (fn) => fn(),
    ...overrides,
  };
  return { engine: createDoor(parts), kicks, seen, locks, pulls: () => pulls, sync };
}

describe('the door engine', () => {
  it('records an admission before it answers, then wakes delivery and runs every step', async () => {
    const d = await door();
    const outcome = await d.engine.scan(CODES[0]!, 'camera');
    expect(outcome).toMatchObject({ ok: true, verdict: { kind: 'valid', recorded: true } });
    expect(await pendingCount(db)).toBe(1);
    expect(d.kicks).toHaveLength(1);
    expect(d.seen).toMatchObject([{ showId: 1, code: CODES[0] }]);
  });

  it('runs no step for a verdict that admitted nobody', async () => {
    const d = await door();
    await d.engine.scan(CODES[1]!, 'scanner');
    await d.engine.scan(CODES[1]!, 'scanner'); // already checked
    await d.engine.scan('870000000000', 'typed'); // unknown
    expect(d.seen).toHaveLength(1);
    expect(d.kicks).toHaveLength(1);
  });

  it('keeps going when one step fails', async () => {
    const seen: string[] = [];
    const failing: AdmissionStep = () => {
      throw new Error('hub down');
    };
    const d = await door({ afterAdmission: [failing, async () => Promise.reject(new Error('also down')), (a) => void seen.push(a.code)] });
    await d.engine.scan(CODES[2]!, 'search');
    expect(seen).toEqual([CODES[2]]);
    expect(d.kicks).toHaveLength(1);
  });

  it('runs the steps only after the verdict is painted', async () => {
    let paint: (() => void) | null = null;
    const d = await door({ afterPaint: (fn) => void (paint = fn) });
    await d.engine.scan(CODES[0]!, 'camera');
    expect(d.seen).toHaveLength(0);
    paint!();
    expect(d.seen).toHaveLength(1);
  });

  it('delivers an override Qtickets can take like a scan\'s admission, and one it cannot stays put', async () => {
    const d = await door();
    await setEntranceZones(db, ['Балкон']);
    const denied = await d.engine.scan(CODES[0]!, 'camera');
    expect(denied).toMatchObject({ verdict: { kind: 'wrong_zone' } });
    const outcome = await d.engine.override((denied as { scanId: string }).scanId, { reason: 'vip', text: 'гость артиста' });
    expect(outcome).toMatchObject({ ok: true, verdict: { kind: 'valid', override: { delivery: 'qtickets', reason: 'vip' } } });
    expect(await pendingCount(db)).toBe(1);
    expect(d.kicks).toHaveLength(1);
    expect(d.seen).toMatchObject([{ showId: 1, code: CODES[0] }]);

    await setEntranceZones(db, []);
    const again = await d.engine.scan(CODES[0]!, 'camera');
    await d.engine.override((again as { scanId: string }).scanId, { reason: 'supervisor' });
    expect(await pendingCount(db)).toBe(1);
    expect(d.kicks).toHaveLength(1);
  });

  it('joins a running refresh instead of pulling twice, and uploads first', async () => {
    const d = await door();
    const [a, b] = await Promise.all([d.engine.refresh(), d.engine.refresh()]);
    expect(a).toBe(b);
    expect(d.pulls()).toBe(1);
    expect(d.sync.flushNow).toHaveBeenCalledTimes(1);
  });

  it('holds the delivery lock for every outbox mutation', async () => {
    const d = await door();
    await d.engine.scan(CODES[0]!, 'camera');
    const scan = (await db.scans.toArray())[0]!;
    await d.engine.undo(scan.id);
    await d.engine.scan(CODES[1]!, 'camera');
    const [record] = await db.outbox.toArray();
    await moveToRejected(db, [{ id: record!.id, reason: 'Билет возвращён' }]);
    await d.engine.resendRejected(record!.id);
    await moveToRejected(db, [{ id: record!.id, reason: 'Билет возвращён' }]);
    await d.engine.dismissRejected(record!.id, 'пропущен старшим');
    await d.engine.forgetShow(1, 0);
    await d.engine.signOut(0);
    expect(d.locks).toEqual(Array.from({ length: 5 }, () => ['held', 'released']).flat());
  });

  it('holds the venue link while a show is forgotten or the device signed out, and only sign-out makes it forget', async () => {
    const steps: string[] = [];
    const venue = {
      pause: async () => {
        steps.push('venue held');
        return (forget: boolean) => steps.push(forget ? 'venue released, forgetting' : 'venue released');
      },
    } as unknown as DoorParts['venue'];
    const d = await door({ venue, withDeliveryLock: async (fn) => (steps.push('clearing'), fn()) });
    await d.engine.scan(CODES[0]!, 'camera');
    expect(await d.engine.signOut(0)).toEqual({ ok: false, reason: 'undelivered', undelivered: 1 });
    expect(await d.engine.forgetShow(1, 1)).toMatchObject({ ok: true });
    expect(await d.engine.signOut(0)).toEqual({ ok: true, discarded: 0 });
    expect(steps).toEqual([
      ...['venue held', 'clearing', 'venue released'], // refused: nothing was cleared
      ...['venue held', 'clearing', 'venue released'],
      ...['venue held', 'clearing', 'venue released, forgetting'],
    ]);
  });

  it('rejoins the venue when the door ticks a show or is renamed: the hub hears the new shows and name', async () => {
    const rejoins: number[] = [];
    const venue = { rejoin: () => rejoins.push(1) } as unknown as DoorParts['venue'];
    const d = await door({ venue });
    await d.engine.setShowActive(1, false);
    expect((await db.shows.get(1))?.active).toBe(false);
    await d.engine.setDeviceName('  Вход 2  ');
    expect((await db.settings.get('deviceName'))?.value).toBe('Вход 2');
    expect(rejoins).toHaveLength(2);
  });
});
