// The door's link to the venue hub against a fake hub written from the protocol (server/README,
// "Venue hub"), not from our client: it keeps a log per show, replays after Last-Event-ID, and can
// refuse or drop the stream.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, Heartbeat, HubClient, HubEvent } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { setDoorDirection, setReentry } from '../db/presence.ts';
import type { HubMovementBatch } from '../domain/hub-protocol.ts';
import { recordScan } from '../db/scan.ts';
import { setToken } from '../db/settings.ts';
import { signOut } from '../db/signout.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import { getHubResumeId, setDeviceName } from '../db/venue.ts';
import { createHubLink, RESUME_WRITE_MS, type HubStatus } from './hub-link.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const CODES = ['871495495233', '874432174155', '875196723453', '872900619969'];

async function door() {
  db = freshDb();
  await setToken(db, 'tok');
  await saveShows(db, [aShow(1)]);
  await replaceShowTickets(db, 1, CODES.map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00');
}

type Posted = { deviceId: string; deviceName: string; items: { showId: number; code: string; checkedAt: string; nonce: string }[] };

/** A hub: a log of events with increasing ids; a listener gets what came after its Last-Event-ID, then live ones. */
function fakeHub() {
  const log: HubEvent[] = [];
  const posted: Posted[] = [];
  const beats: Heartbeat[] = [];
  const nonces = new Set<string>();
  const listeners = new Set<(e: HubEvent) => void>();
  let refuse: ApiError | null = null;
  let down = false;
  const resumes: (string | null)[] = [];
  const moved: HubMovementBatch[] = [];
  const append = (
    e: Omit<Extract<HubEvent, { kind: 'admission' }>, 'id'> | Omit<Extract<HubEvent, { kind: 'movement' }>, 'id'> | Omit<Exclude<HubEvent, { kind: 'admission' | 'device' | 'movement' }>, 'id'>,
  ) => {
    const event = { ...e, id: String(log.length + 1) } as HubEvent;
    log.push(event);
    for (const l of listeners) l(event);
  };
  const client: HubClient = {
    async postAdmissions(_token, batch) {
      if (down) return { ok: false, error: { kind: 'network', message: 'down' } };
      posted.push(batch);
      for (const item of batch.items) {
        if (nonces.has(item.nonce)) continue;
        nonces.add(item.nonce);
        append({ kind: 'admission', showId: item.showId, code: item.code, checkedAt: item.checkedAt, deviceId: batch.deviceId, deviceName: batch.deviceName });
      }
      return { ok: true, value: null, serverDate: null };
    },
    async postMovements(_token, batch) {
      if (down) return { ok: false, error: { kind: 'network', message: 'down' } };
      moved.push(batch);
      for (const item of batch.items) append({ kind: 'movement', ...item, deviceId: batch.deviceId, deviceName: batch.deviceName });
      return { ok: true, value: null, serverDate: null };
    },
    async postHeartbeat(_token, heartbeat) {
      beats.push(heartbeat);
      for (const l of listeners) l({ kind: 'device', device: { ...heartbeat, lastSeenAt: 1 } });
      return { ok: true, value: null, serverDate: null };
    },
    devices: async () => ({ ok: true, value: [], serverDate: null }),
    async listen(_token, shows, { lastEventId, signal, onEvent, onOpen }) {
      resumes.push(lastEventId);
      if (signal.aborted) return { ok: false, error: { kind: 'aborted' } }; // as fetch does
      if (refuse) return { ok: false, error: refuse };
      if (down) return { ok: false, error: { kind: 'network', message: 'down' } };
      onOpen?.();
      const after = lastEventId === null ? 0 : Number(lastEventId);
      for (const e of log) if ('id' in e && Number(e.id) > after && 'showId' in e && shows.includes(e.showId)) onEvent(e);
      const live = (e: HubEvent) => (e.kind === 'device' || shows.includes(e.showId)) && onEvent(e);
      listeners.add(live);
      await new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => resolve(), { once: true });
        hub.drop = () => resolve();
      });
      listeners.delete(live);
      return signal.aborted ? { ok: false, error: { kind: 'aborted' } } : { ok: true };
    },
  };
  const hub = {
    client,
    log,
    posted,
    moved,
    beats,
    resumes,
    append,
    drop: () => {},
    refuseWith: (e: ApiError | null) => void (refuse = e),
    setDown: (d: boolean) => void (down = d),
  };
  return hub;
}

/** Sleeps that the test releases by hand, so back-off never waits for real. */
function manualSleeps() {
  const pending: (() => void)[] = [];
  return {
    sleep: (_ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        pending.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      }),
    wake: () => pending.splice(0).forEach((r) => r()),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 30));
async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await settle();
  }
  throw new Error(`never: ${what}`);
}

/** A door with its link to a fresh fake hub, joined. */
async function liveDoor() {
  await door();
  const hub = fakeHub();
  const link = createHubLink({ db, hub: hub.client, token: async () => 'tok', deviceId: async () => 'me', sleep: manualSleeps().sleep });
  link.start();
  await until(() => link.state.get().status === 'live', 'live');
  return { hub, link };
}

describe('the venue hub link', () => {
  it('learns another door\'s admission at once: the ticket is already checked here, naming that door', async () => {
    const { hub, link } = await liveDoor();
    hub.append({ kind: 'admission', showId: 1, code: CODES[0]!, checkedAt: '2026-12-29T19:03:12+03:00', deviceId: 'door-2', deviceName: 'Вход 2' });
    await until(async () => (await db.admissions.count()) === 1, 'learned');
    const scan = await recordScan(db, { raw: CODES[0]!, source: 'scanner', deviceId: 'me' });
    expect(scan).toMatchObject({ ok: true, verdict: { kind: 'already_checked', source: 'venue', door: 'Вход 2', checkedAt: '2026-12-29T19:03:12+03:00' } });
    expect(await db.outbox.count()).toBe(0); // the other door delivers its own admission
    link.stop();
  });

  it('takes Qtickets\' refunds and sales at once: refunded is revoked, newly sold is valid, with no pull', async () => {
    const { hub, link } = await liveDoor();
    const NEW = '879999999999';
    expect(await recordScan(db, { raw: NEW, source: 'scanner', deviceId: 'me' })).toMatchObject({ verdict: { kind: 'unknown' } });
    hub.append({ kind: 'revoked', showId: 1, code: CODES[2]!, checkedAt: null });
    hub.append({ kind: 'listed', showId: 1, code: NEW, checkedAt: null });
    await until(async () => (await getHubResumeId(db)) === '2', 'taken in');
    expect(await recordScan(db, { raw: CODES[2]!, source: 'scanner', deviceId: 'me' })).toMatchObject({ verdict: { kind: 'revoked' } });
    expect(await recordScan(db, { raw: NEW, source: 'scanner', deviceId: 'me' })).toMatchObject({ verdict: { kind: 'valid', ticket: { code: NEW } } });
    expect(await recordScan(db, { raw: CODES[3]!, source: 'scanner', deviceId: 'me' })).toMatchObject({ verdict: { kind: 'valid' } });
    expect(await db.outbox.count()).toBe(2); // both admissions are this door's to deliver
    // Sold and already scanned by Qtickets' own scanner: valid to list, but used.
    const SCANNED = '879999999998';
    hub.append({ kind: 'listed', showId: 1, code: SCANNED, checkedAt: '2026-12-29T19:01:00+03:00' });
    await until(async () => (await getHubResumeId(db)) === '3', 'taken in');
    expect(await recordScan(db, { raw: SCANNED, source: 'scanner', deviceId: 'me' })).toMatchObject({ verdict: { kind: 'already_checked', door: 'Qtickets' } });
    link.stop();
  });

  it('shares this door\'s admissions, named, once each, and ignores its own echo', async () => {
    await door();
    await setDeviceName(db, 'Вход 5');
    const hub = fakeHub();
    const link = createHubLink({ db, hub: hub.client, token: async () => 'tok', deviceId: async () => 'me', sleep: manualSleeps().sleep });
    link.start();
    await until(() => link.state.get().status === 'live', 'live');
    await recordScan(db, { raw: CODES[1]!, source: 'scanner', deviceId: 'me' });
    link.share();
    link.share();
    await until(() => hub.log.length === 1, 'shared');
    await settle();
    expect(hub.log).toMatchObject([{ kind: 'admission', code: CODES[1], deviceName: 'Вход 5', deviceId: 'me' }]);
    expect(await db.admissions.toArray()).toMatchObject([{ code: CODES[1], source: 'this_device' }]);
    link.stop();
  });

  it('catches up after being offline: everything missed, in order, exactly once, from where it stopped', async () => {
    await door();
    const hub = fakeHub();
    const sleeps = manualSleeps();
    const link = createHubLink({ db, hub: hub.client, token: async () => 'tok', deviceId: async () => 'me', sleep: sleeps.sleep, random: () => 0 });
    link.start();
    await until(() => link.state.get().status === 'live', 'live');
    hub.append({ kind: 'admission', showId: 1, code: CODES[0]!, checkedAt: '2026-12-29T19:00:00+03:00', deviceId: 'd2', deviceName: 'Вход 2' });
    await until(async () => (await getHubResumeId(db)) === '1', 'took event 1');
    hub.setDown(true);
    hub.drop();
    await until(() => link.state.get().status === 'waiting', 'waiting');
    for (const code of CODES.slice(1)) hub.append({ kind: 'admission', showId: 1, code, checkedAt: '2026-12-29T19:01:00+03:00', deviceId: 'd3', deviceName: 'Вход 3' });
    hub.setDown(false);
    sleeps.wake();
    await until(async () => (await db.admissions.count()) === 4, 'caught up');
    // It first joined from nothing, then resumed after the last event it had stored.
    expect(hub.resumes[0]).toBeNull();
    expect(hub.resumes.slice(1).every((id) => id === '1')).toBe(true);
    // Written within a second of the last event taken in (RESUME_WRITE_MS), not per event.
    await until(async () => (await getHubResumeId(db)) === '4', 'position stored');
    link.stop();
  });

  it('turns two admissions of one ticket that crossed into a conflict on this door', async () => {
    await door();
    const hub = fakeHub();
    const link = createHubLink({ db, hub: hub.client, token: async () => 'tok', deviceId: async () => 'me', sleep: manualSleeps().sleep });
    await recordScan(db, { raw: CODES[2]!, source: 'scanner', deviceId: 'me', now: () => new Date('2026-12-29T16:05:00Z') });
    link.start();
    await until(() => link.state.get().status === 'live', 'live');
    hub.append({ kind: 'admission', showId: 1, code: CODES[2]!, checkedAt: '2026-12-29T19:05:01+03:00', deviceId: 'd2', deviceName: 'Вход 2' });
    await until(async () => (await db.conflicts.count()) === 1, 'conflict');
    expect(await db.conflicts.toArray()).toMatchObject([{ code: CODES[2], foundBy: 'venue', otherDoor: 'Вход 2', serverCheckedAt: '2026-12-29T19:05:01+03:00', seen: 0 }]);
    link.stop();
  });

  it('waits for a new setup when the hub refuses the token, and never touches delivery', async () => {
    await door();
    const hub = fakeHub();
    hub.refuseWith({ kind: 'http', status: 403, message: 'Forbidden' });
    const states: HubStatus['status'][] = [];
    const link = createHubLink({ db, hub: hub.client, token: async () => 'tok', deviceId: async () => 'me', sleep: manualSleeps().sleep });
    link.state.subscribe(() => states.push(link.state.get().status));
    link.start();
    await until(() => link.state.get().status === 'refused', 'refused');
    expect(states).toEqual(['connecting', 'refused']);
    hub.refuseWith(null);
    link.rejoin();
    await until(() => link.state.get().status === 'live', 'live after rejoin');
    link.stop();
  });

  it('held for a sign-out: nothing of the old evening is written after the device is cleared', async () => {
    const { hub, link } = await liveDoor();
    hub.append({ kind: 'admission', showId: 1, code: CODES[0]!, checkedAt: '2026-12-29T19:00:00+03:00', deviceId: 'd2', deviceName: 'Вход 2' });
    hub.append({ kind: 'admission', showId: 1, code: CODES[1]!, checkedAt: '2026-12-29T19:00:01+03:00', deviceId: 'd2', deviceName: 'Вход 2' });
    await until(async () => (await db.admissions.count()) === 2, 'took both');
    const release = await link.pause();
    // The position waiting on its one-second timer was written before the link went quiet…
    expect(await getHubResumeId(db)).toBe('2');
    expect(await signOut(db, 0)).toEqual({ ok: true, discarded: 0 });
    hub.append({ kind: 'admission', showId: 1, code: CODES[2]!, checkedAt: '2026-12-29T19:00:02+03:00', deviceId: 'd2', deviceName: 'Вход 2' });
    await new Promise((r) => setTimeout(r, RESUME_WRITE_MS + 200));
    // …so nothing lands on the cleared device: no position, no admission heard while held.
    expect(await getHubResumeId(db)).toBeNull();
    expect(await db.admissions.count()).toBe(0);
    expect(link.learned.get()).toBe(2);
    release(true);
    expect(link.learned.get()).toBe(0);
    link.stop();
  });

  it('tells the venue how this door is doing, and keeps every door\'s last word for the supervisor', async () => {
    await door();
    const hub = fakeHub();
    const beat: Heartbeat = { deviceId: 'me', deviceName: 'Вход 5', version: 'v1', stored: 4, lastPullAt: null, pending: 2, rejected: 0, storageBytes: null, battery: 80, scansLastMinute: 3, shows: [1] };
    const link = createHubLink({ db, hub: hub.client, token: async () => 'tok', deviceId: async () => 'me', sleep: manualSleeps().sleep, heartbeat: async () => beat });
    link.start();
    await until(() => hub.beats.length === 1, 'a heartbeat on joining');
    await until(() => link.devices.get().length === 1, 'its own device listed');
    expect(link.devices.get()).toMatchObject([{ deviceName: 'Вход 5', pending: 2 }]);
    link.stop();
  });
});

describe('exits and re-entries through the venue hub', () => {
  it("shares this door's exit, and lets a ticket back in here after another door's exit", async () => {
    await door();
    await setReentry(db, 1, true);
    const hub = fakeHub();
    const link = createHubLink({ db, hub: hub.client, token: async () => 'tok', deviceId: async () => 'me', sleep: manualSleeps().sleep });
    link.start();
    await until(() => link.state.get().status === 'live', 'live');

    // Admitted here, out through this device set as an exit: the hub hears of the exit.
    await recordScan(db, { raw: CODES[0]!, source: 'scanner', deviceId: 'me' });
    await setDoorDirection(db, 'exit');
    expect(await recordScan(db, { raw: CODES[0]!, source: 'scanner', deviceId: 'me' })).toMatchObject({ verdict: { kind: 'exit' } });
    link.share();
    await until(() => hub.moved.some((b) => b.items.some((i) => i.code === CODES[0] && i.movement === 'exit')), 'the exit shared');
    await setDoorDirection(db, 'entry');

    // Admitted and let out at other doors: here it is a re-entry, not a second entry.
    hub.append({ kind: 'admission', showId: 1, code: CODES[1]!, checkedAt: '2026-12-29T19:03:12+03:00', deviceId: 'door-2', deviceName: 'Вход 2' });
    hub.append({ kind: 'movement', showId: 1, code: CODES[1]!, movement: 'exit', at: '2026-12-29T20:00:00+03:00', nonce: 'x-1', deviceId: 'exit-1', deviceName: 'Выход 1' });
    await until(async () => (await db.movements.get('x-1')) !== undefined, 'the exit learned');
    expect(await recordScan(db, { raw: CODES[1]!, source: 'scanner', deviceId: 'me' })).toMatchObject({ verdict: { kind: 'reentry', leftAt: '2026-12-29T20:00:00+03:00' } });
    link.stop();
  });
});
