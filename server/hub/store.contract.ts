// What every HubStore promises, run against both (memory-store.test.ts, redis-store.test.ts).
import { afterEach, expect, it } from 'vitest';
import { compareIds, ORIGIN_ID } from './event-id.ts';
import type { Heartbeat, LogEvent, NewEvent } from './protocol.ts';
import type { HubStore, LiveListener, Retention } from './store.ts';

export interface StoreFactoryOptions {
  retention?: Partial<Retention>;
  now?: () => number;
}

export type StoreFactory = (options?: StoreFactoryOptions) => Promise<HubStore>;

let counter = 0;
export const event = (showId: number, code: string, nonce = `n-${++counter}`): NewEvent => ({
  kind: 'admission',
  showId,
  nonce,
  data: JSON.stringify({ showId, code, nonce }),
});

export const heartbeat = (deviceId: string, shows: number[], lastSeenAt: number): Heartbeat => ({
  deviceId,
  deviceName: `Вход ${deviceId}`,
  version: '1.0.0',
  stored: 3000,
  lastPullAt: null,
  pending: 0,
  rejected: 0,
  storageBytes: null,
  battery: null,
  scansLastMinute: 4,
  shows,
  lastSeenAt,
});

/** A listener that records what it got; `until(n)` waits for n events. */
export function recorder() {
  const events: LogEvent[] = [];
  const devices: Heartbeat[] = [];
  const errors: Error[] = [];
  const listener: LiveListener = {
    onEvent: (e) => events.push(e),
    onDevice: (h) => devices.push(h),
    onError: (err) => errors.push(err),
  };
  const until = async (check: () => boolean, what: string, ms = 2000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { events, devices, errors, listener, until };
}

export function storeContract(make: StoreFactory): void {
  const opened: HubStore[] = [];
  const open = async (options?: StoreFactoryOptions) => {
    const store = await make(options);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('appends in order, one increasing id per event, and reads back after any id', async () => {
    const store = await open();
    const ids = await store.append('org-a', [event(1001, 'c1'), event(1001, 'c2'), event(1002, 'c3')]);
    expect(ids).toHaveLength(3);
    expect(compareIds(ids[0]!, ids[1]!)).toBeLessThan(0);
    expect(compareIds(ids[1]!, ids[2]!)).toBeLessThan(0);
    const more = await store.append('org-a', [event(1001, 'c4')]);
    expect(compareIds(ids[2]!, more[0]!)).toBeLessThan(0);

    const all = await store.read('org-a', ORIGIN_ID, 100);
    expect(all.map((e) => JSON.parse(e.data).code)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(all.map((e) => e.id)).toEqual([...ids, ...more]);
    expect(all[2]).toMatchObject({ kind: 'admission', showId: 1002 });
    expect((await store.read('org-a', ids[1]!, 100)).map((e) => e.id)).toEqual([ids[2], more[0]]);
    expect((await store.read('org-a', ORIGIN_ID, 2)).map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(await store.read('org-a', more[0]!, 100)).toEqual([]);
  });

  it('appends an event once per nonce: a retry gets the first id back and adds nothing', async () => {
    const store = await open();
    const first = await store.append('org-a', [event(1001, 'c1', 'scan-1'), event(1001, 'c2', 'scan-2')]);
    const again = await store.append('org-a', [event(1001, 'c2', 'scan-2'), event(1001, 'c3', 'scan-3'), event(1001, 'c3', 'scan-3')]);
    expect(again[0]).toBe(first[1]);
    expect(again[2]).toBe(again[1]);
    const codes = (await store.read('org-a', ORIGIN_ID, 100)).map((e) => JSON.parse(e.data).code);
    expect(codes).toEqual(['c1', 'c2', 'c3']);
  });

  it('keeps organisers apart: logs, nonces, live events, devices', async () => {
    const store = await open();
    const a = recorder();
    const b = recorder();
    const liveA = store.listen('org-a', a.listener);
    const liveB = store.listen('org-b', b.listener);
    await Promise.all([liveA.ready, liveB.ready]);
    await store.append('org-a', [event(1001, 'only-a', 'same-nonce')]);
    const [idB] = await store.append('org-b', [event(1001, 'only-b', 'same-nonce')]);
    await store.putHeartbeat('org-a', heartbeat('dev-a', [1001], Date.now()));
    await a.until(() => a.events.length === 1 && a.devices.length === 1, 'org-a events');
    await b.until(() => b.events.length === 1, 'org-b events');
    expect(JSON.parse(b.events[0]!.data).code).toBe('only-b');
    expect(b.events[0]!.id).toBe(idB);
    expect(JSON.parse(a.events[0]!.data).code).toBe('only-a');
    expect((await store.read('org-b', ORIGIN_ID, 10)).map((e) => JSON.parse(e.data).code)).toEqual(['only-b']);
    expect(await store.devices('org-b')).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(b.devices).toEqual([]);
    liveA.close();
    liveB.close();
  });

  it('forgets one organiser (log, nonces, devices) while its open streams go on hearing it', async () => {
    const store = await open();
    const a = recorder();
    const live = store.listen('org-a', a.listener);
    await live.ready;
    const [old] = await store.append('org-a', [event(1001, 'last-evening', 'nonce-1')]);
    await store.append('org-b', [event(1001, 'other-organiser')]);
    await store.putHeartbeat('org-a', heartbeat('dev-a', [1001], Date.now()));
    await store.forget('org-a');
    expect(await store.read('org-a', ORIGIN_ID, 10)).toEqual([]);
    expect(await store.devices('org-a')).toEqual([]);
    expect((await store.read('org-b', ORIGIN_ID, 10)).map((e) => JSON.parse(e.data).code)).toEqual(['other-organiser']);
    // The same nonce is a new event now, after the old one's id; the open stream hears it.
    const [fresh] = await store.append('org-a', [event(1001, 'tonight', 'nonce-1')]);
    expect(compareIds(old!, fresh!)).toBeLessThan(0);
    await a.until(() => a.events.some((e) => JSON.parse(e.data).code === 'tonight'), 'the event after forgetting');
    expect((await store.read('org-a', ORIGIN_ID, 10)).map((e) => JSON.parse(e.data).code)).toEqual(['tonight']);
    live.close();
  });

  it('sends every event appended after ready to each listener, in order, exactly once, until closed', async () => {
    const store = await open();
    const one = recorder();
    const two = recorder();
    const liveOne = store.listen('org-a', one.listener);
    const liveTwo = store.listen('org-a', two.listener);
    await Promise.all([liveOne.ready, liveTwo.ready]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(...(await store.append('org-a', [event(1001, `a${i}`), event(1002, `b${i}`)])));
    await one.until(() => one.events.length >= 10, '10 events');
    await two.until(() => two.events.length >= 10, '10 events');
    expect(one.events.map((e) => e.id)).toEqual(ids);
    expect(two.events.map((e) => e.id)).toEqual(ids);
    liveOne.close();
    await store.append('org-a', [event(1001, 'after-close')]);
    await two.until(() => two.events.length === 11, 'the 11th event');
    await new Promise((r) => setTimeout(r, 50));
    expect(one.events).toHaveLength(10);
    liveTwo.close();
  });

  it('stores heartbeats per device, sends them live, and forgets silent and surplus devices', async () => {
    let clock = Date.now();
    const store = await open({ now: () => clock, retention: { maxAgeMs: 60_000, maxDevices: 3 } });
    const rec = recorder();
    const live = store.listen('org-a', rec.listener);
    await live.ready;
    await store.putHeartbeat('org-a', heartbeat('d1', [1001], clock));
    await store.putHeartbeat('org-a', { ...heartbeat('d1', [1001], clock), pending: 7 });
    await rec.until(() => rec.devices.length === 2, 'two heartbeats');
    expect(rec.devices[1]).toMatchObject({ deviceId: 'd1', pending: 7 });
    expect(await store.devices('org-a')).toEqual([{ ...heartbeat('d1', [1001], clock), pending: 7 }]);

    clock += 61_000; // d1 fell silent a minute ago
    await store.putHeartbeat('org-a', heartbeat('d2', [1001], clock));
    expect((await store.devices('org-a')).map((d) => d.deviceId)).toEqual(['d2']);

    for (const id of ['d3', 'd4', 'd5']) {
      clock += 1;
      await store.putHeartbeat('org-a', heartbeat(id, [1002], clock));
    }
    expect((await store.devices('org-a')).map((d) => d.deviceId).sort()).toEqual(['d3', 'd4', 'd5']);
    live.close();
  });

  it('tells which organisers hold a show, for as long as the retention age', async () => {
    let clock = Date.now();
    const store = await open({ now: () => clock, retention: { maxAgeMs: 60_000 } });
    expect(await store.organisersOf(1001)).toEqual([]);
    await store.noteShows('org-a', [1001, 1002]);
    await store.noteShows('org-b', [1002]);
    expect(await store.organisersOf(1001)).toEqual(['org-a']);
    expect((await store.organisersOf(1002)).sort()).toEqual(['org-a', 'org-b']);
    clock += 30_000;
    await store.noteShows('org-b', [1002]);
    clock += 31_000;
    expect(await store.organisersOf(1002)).toEqual(['org-b']);
    expect(await store.organisersOf(1001)).toEqual([]);
  });
}
