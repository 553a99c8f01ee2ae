import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from '../db/database.ts';
import { listRejected, pendingCount } from '../db/outbox.ts';
import { recordScan } from '../db/scan.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb, writesTo } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import type { BatchOutcome } from '../api/index.ts';
import { batchSizeFor, CONFIRM_AFTER_MS, flushOutbox, MAX_BATCH } from './flush.ts';
import type { CheckInItem, DeliveryAnswer, DeliveryPort, ReadBack } from './port.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const codes = (n: number, prefix = '87') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(10, '0')}`);

async function admitted(n: number, showIds = [1]) {
  db = freshDb();
  await saveShows(db, showIds.map((id) => aShow(id)));
  const all: string[] = [];
  for (const id of showIds) {
    const list = codes(n, `8${id}`);
    await replaceShowTickets(db, id, list.map((c) => aListedTicket(c)), 'now');
    for (const c of list) await recordScan(db, { raw: c, source: 'scanner', deviceId: 'd' });
    all.push(...list);
  }
  return all;
}

const HELD_ALL = (items: CheckInItem[]): BatchOutcome => ({ held: items.map((i) => ({ barcode: i.barcode, checkedAt: i.checked_at })), refused: [] });

/**
 * A fake server: `rule` decides each batch's answer and what the server records of it (`records`,
 * default: what the answer names as held). It answers read-backs from what it holds.
 */
function fakeServer(
  rule: (items: CheckInItem[], call: number) => DeliveryAnswer,
  records: (items: CheckInItem[], answer: DeliveryAnswer) => CheckInItem[] = (items, answer) =>
    answer.ok ? items.filter((i) => answer.outcome.held.some((h) => h.barcode === i.barcode)) : [],
) {
  const holds = new Map<string, string>();
  const calls: number[] = [];
  const readBacks: string[] = [];
  const port: DeliveryPort = {
    async postCheckIns(_showId, items) {
      calls.push(items.length);
      const answer = rule(items, calls.length);
      for (const i of records(items, answer)) if (!holds.has(i.barcode)) holds.set(i.barcode, i.checked_at);
      return answer;
    },
    async readBack(_showId, code): Promise<ReadBack> {
      readBacks.push(code);
      const at = holds.get(code);
      return at === undefined ? { kind: 'absent' } : { kind: 'held', checkedAt: at };
    },
  };
  return { port, holds, calls, readBacks, accepted: () => [...holds.keys()] };
}

/** A clock that the test moves: read-backs fall due CONFIRM_AFTER_MS after a send. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, pass: (ms: number) => void (t += ms) };
}

const retryAnswer = (message: string, status?: number, retryAfterMs?: number): DeliveryAnswer => ({ ok: false, kind: 'retry', problem: 'server', message, status, retryAfterMs });

describe('flushOutbox', () => {
  it('delivers everything in batches, one show per request, with the original times', async () => {
    const all = await admitted(130, [1, 2]);
    const stored = await db.outbox.toArray();
    const server = fakeServer((items) => ({ ok: true, outcome: HELD_ALL(items) }));
    const result = await flushOutbox(db, server.port);
    expect(result).toEqual({ outcome: 'done', delivered: 260, rejected: 0, conflicts: 0, nextConfirmAt: null });
    expect(server.accepted().sort()).toEqual([...all].sort());
    expect(server.calls).toEqual([100, 30, 100, 30]);
    const times = new Map(stored.map((c) => [c.code, c.checkedAt]));
    for (const [code, at] of server.holds) expect(at).toBe(times.get(code));
    expect(server.readBacks).toEqual([]); // the answer named every code: nothing to read back
    expect(await pendingCount(db)).toBe(0);
  });

  it('keeps a 2xx that proves nothing pending until a read-back shows the server holds it', async () => {
    await admitted(3);
    const t = clock();
    // Answers {} but records everything: only a read-back can tell.
    const server = fakeServer(() => ({ ok: true, outcome: { held: [], refused: [] } }), (items) => items);
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ outcome: 'done', delivered: 0, nextConfirmAt: t.now() + CONFIRM_AFTER_MS });
    expect(await pendingCount(db)).toBe(3);
    t.pass(CONFIRM_AFTER_MS);
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ outcome: 'done', delivered: 3 });
    expect(server.readBacks).toHaveLength(3);
    expect(server.calls).toEqual([3]); // nothing sent twice
    expect(await pendingCount(db)).toBe(0);
  });

  it('sends again, with the original time, what a 2xx answered but the server did not record', async () => {
    const all = await admitted(4);
    const times = new Map((await db.outbox.toArray()).map((c) => [c.code, c.checkedAt]));
    const t = clock();
    let healthy = false;
    // First a 200 {"status":"ok"}-like answer that records nothing, then an honest server.
    const server = fakeServer(
      (items) => ({ ok: true, outcome: healthy ? HELD_ALL(items) : { held: [], refused: [] } }),
      (items) => (healthy ? items : []),
    );
    await flushOutbox(db, server.port, t.now);
    t.pass(CONFIRM_AFTER_MS);
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ outcome: 'retry', delivered: 0, problem: 'answer' });
    expect(await pendingCount(db)).toBe(4);
    healthy = true;
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ outcome: 'done', delivered: 4 });
    expect([...server.holds].sort()).toEqual(all.map((c) => [c, times.get(c)]).sort());
  });

  it('keeps the records the answer left unnamed, and reads them back', async () => {
    const all = await admitted(4);
    const t = clock();
    // Names only two as held, records all four.
    const named = new Set(all.slice(1, 3));
    const server = fakeServer((items) => ({ ok: true, outcome: HELD_ALL(items.filter((i) => named.has(i.barcode))) }), (items) => items);
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ delivered: 2 });
    const unnamed = all.filter((c) => !named.has(c)).sort();
    expect((await db.outbox.toArray()).map((c) => c.code).sort()).toEqual(unnamed);
    t.pass(CONFIRM_AFTER_MS);
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ outcome: 'done', delivered: 2 });
    expect(server.readBacks.sort()).toEqual(unnamed);
  });

  it('keeps everything queued when a 2xx says the request failed, and backs off', async () => {
    await admitted(5);
    const server = fakeServer(() => ({ ok: true, outcome: { held: [], refused: [], requestFailed: 'status error' } }));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry', delivered: 0, message: 'status error' });
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(5);
    expect(left.every((c) => c.attempts === 1 && (c.sentAt ?? null) === null)).toBe(true);
    expect(server.readBacks).toEqual([]);
  });

  it('keeps everything queued on a retryable failure and reports it', async () => {
    await admitted(5);
    const server = fakeServer(() => retryAnswer('HTTP 503', 503, 2000));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry', delivered: 0, retryAfterMs: 2000, status: 503 });
    expect(await pendingCount(db)).toBe(5);
    expect((await db.outbox.toArray()).every((c) => c.attempts === 1 && c.lastError === 'HTTP 503')).toBe(true);
  });

  it('stops at an auth failure without losing anything', async () => {
    await admitted(3);
    const server = fakeServer(() => ({ ok: false, kind: 'auth', message: 'HTTP 401', status: 401 }));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'auth', status: 401 });
    expect(await pendingCount(db)).toBe(3);
  });

  it('moves a per-item refusal to the rejected list once a read-back shows the server does not hold it', async () => {
    const all = await admitted(4);
    const t = clock();
    const server = fakeServer((items) => ({
      ok: true,
      outcome: { held: HELD_ALL(items.filter((i) => i.barcode !== all[2])).held, refused: [{ barcode: all[2]!, reason: 'Barcode not found', checkedAt: null }] },
    }));
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ outcome: 'done', delivered: 3, rejected: 0 });
    t.pass(CONFIRM_AFTER_MS);
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ outcome: 'done', rejected: 1 });
    expect(await listRejected(db)).toMatchObject([{ code: all[2], reason: 'Barcode not found' }]);
    expect(await pendingCount(db)).toBe(0);
  });

  it('counts an "already checked" refusal of a record the server holds with our time as delivered', async () => {
    const all = await admitted(2);
    const times = new Map((await db.outbox.toArray()).map((c) => [c.code, c.checkedAt]));
    const t = clock();
    // The answer to the first send was lost; the server already holds both and refuses repeats.
    const server = fakeServer((items) => ({ ok: true, outcome: { held: [], refused: items.map((i) => ({ barcode: i.barcode, reason: 'Билет уже отмечен', checkedAt: i.barcode === all[0] ? i.checked_at : null })) } }));
    for (const code of all) server.holds.set(code, times.get(code)!);
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ delivered: 1 });
    t.pass(CONFIRM_AFTER_MS);
    expect(await flushOutbox(db, server.port, t.now)).toMatchObject({ outcome: 'done', delivered: 1, rejected: 0 });
    expect(await listRejected(db)).toEqual([]);
    expect(await pendingCount(db)).toBe(0);
  });

  it('settles each answered batch in one write, so the screens watching the outbox re-read once per batch', async () => {
    await admitted(250);
    const server = fakeServer((items) => ({ ok: true, outcome: HELD_ALL(items) }));
    const outboxWrites = await writesTo(db, 'outbox', async () => {
      expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'done', delivered: 250 });
    });
    expect(server.calls).toEqual([100, 100, 50]);
    expect(outboxWrites).toBe(3);
  });

  it('settles a code the server holds with another time as a double entry, not a rejection', async () => {
    const all = await admitted(1);
    const server = fakeServer((items) => ({ ok: true, outcome: { held: [], refused: items.map((i) => ({ barcode: i.barcode, reason: 'Already checked', checkedAt: '2020-01-01T10:00:00+03:00' })) } }));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'done', conflicts: 1, rejected: 0 });
    expect(await db.conflicts.toArray()).toMatchObject([{ code: all[0], serverCheckedAt: '2020-01-01T10:00:00+03:00', foundBy: 'delivery', seen: 0 }]);
    expect(await listRejected(db)).toEqual([]);
    expect(await pendingCount(db)).toBe(0);
  });

  it('never rejects a record for a failed request, however often: a 404 on the route keeps it queued', async () => {
    const all = await admitted(40);
    const poison = all[17]!;
    const server = fakeServer((items) => (items.some((i) => i.barcode === poison) ? retryAnswer('HTTP 409', 409) : { ok: true, outcome: HELD_ALL(items) }));
    for (let pass = 0; pass < 40 && server.holds.size < 39; pass++) await flushOutbox(db, server.port);
    expect(server.holds.size).toBe(39);
    expect((await db.outbox.toArray()).map((c) => c.code)).toEqual([poison]);
    expect(await listRejected(db)).toHaveLength(0);
  });

  it('goes on delivering other shows when one show answers 403', async () => {
    await admitted(3, [1, 2]);
    const server = fakeServer((items) => (items[0]!.barcode.startsWith('81') ? { ok: false, kind: 'forbidden', message: 'HTTP 403', status: 403 } : { ok: true, outcome: HELD_ALL(items) }));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry', delivered: 3, status: 403 });
    expect((await db.outbox.toArray()).every((c) => c.showId === 1)).toBe(true);
  });

  it('sends smaller batches after a 413', async () => {
    await admitted(60);
    const server = fakeServer((items) => (items.length > 20 ? { ok: false, kind: 'too_large', message: 'HTTP 413', status: 413 } : { ok: true, outcome: HELD_ALL(items) }));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'done', delivered: 60 });
    expect(server.calls.slice(0, 3)).toEqual([60, 30, 15]);
    expect(await pendingCount(db)).toBe(0);
  });

  it('gets the rest through past a record that keeps failing with 5xx, and keeps that record queued', async () => {
    const all = await admitted(10);
    const poison = all[0]!;
    const server = fakeServer((items) => (items.some((i) => i.barcode === poison) ? retryAnswer('HTTP 503: Unknown error', 503) : { ok: true, outcome: HELD_ALL(items) }));
    for (let pass = 0; pass < 40 && server.holds.size < 9; pass++) await flushOutbox(db, server.port);
    expect(server.holds.size).toBe(9);
    // A 5xx is not a refusal: a flaky network looks the same, so the record waits, visible as pending.
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry', delivered: 0 });
    expect((await db.outbox.toArray()).map((c) => c.code)).toEqual([poison]);
    expect(await listRejected(db)).toHaveLength(0);
  });

  it('ends the pass at a 429 instead of probing the other pieces', async () => {
    await admitted(60);
    await db.outbox.toCollection().modify((c) => void (c.attempts = 3)); // split mode: pieces of 50 and 10
    const server = fakeServer(() => retryAnswer('HTTP 429', 429));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry' });
    expect(server.calls).toHaveLength(1);
  });

  it('does not reject anything during a plain outage, however long', async () => {
    await admitted(10);
    const server = fakeServer(() => ({ ok: false, kind: 'retry', problem: 'network', message: 'network' }));
    for (let pass = 0; pass < 40; pass++) await flushOutbox(db, server.port);
    expect(await pendingCount(db)).toBe(10);
    expect(await listRejected(db)).toHaveLength(0);
  });

  it('sends full batches once an outage ends: passes that reached no server leave the records untouched', async () => {
    await admitted(250);
    let down = true;
    const server = fakeServer((items) => (down ? { ok: false, kind: 'retry', problem: 'network', message: 'Failed to fetch' } : { ok: true, outcome: HELD_ALL(items) }));
    const offlineWrites = await writesTo(db, 'outbox', async () => {
      for (let pass = 0; pass < 12; pass++) expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry', problem: 'network', message: 'Failed to fetch' });
    });
    expect(offlineWrites).toBe(0);
    expect((await db.outbox.toArray()).every((c) => c.attempts === 0)).toBe(true);
    down = false;
    server.calls.length = 0;
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'done', delivered: 250 });
    expect(server.calls).toEqual([100, 100, 50]);
  });
});

describe('batchSizeFor', () => {
  it('shrinks batches as failures accumulate, down to one', () => {
    expect(batchSizeFor(0)).toBe(MAX_BATCH);
    expect(batchSizeFor(3)).toBe(50);
    expect(batchSizeFor(6)).toBe(25);
    expect(batchSizeFor(100)).toBe(1);
  });
});
