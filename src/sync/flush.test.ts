import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from '../db/database.ts';
import { listRejected, pendingCount } from '../db/outbox.ts';
import { recordScan } from '../db/scan.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import { batchSizeFor, flushOutbox, MAX_BATCH } from './flush.ts';
import type { CheckInItem, DeliveryAnswer, DeliveryPort } from './port.ts';

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

/** A fake server: answers by a rule, remembers what it accepted. */
function fakeServer(rule: (items: CheckInItem[], call: number) => DeliveryAnswer) {
  const accepted: CheckInItem[] = [];
  const calls: number[] = [];
  const port: DeliveryPort = {
    async postCheckIns(_showId, items) {
      calls.push(items.length);
      const answer = rule(items, calls.length);
      if (answer.ok) {
        const refused = new Set(answer.rejected.map((r) => r.barcode));
        accepted.push(...items.filter((i) => !refused.has(i.barcode)));
      }
      return answer;
    },
  };
  return { port, accepted, calls };
}

describe('flushOutbox', () => {
  it('delivers everything in batches, one show per request, with the original times', async () => {
    const all = await admitted(130, [1, 2]);
    const stored = await db.outbox.toArray();
    const server = fakeServer(() => ({ ok: true, rejected: [] }));
    const result = await flushOutbox(db, server.port);
    expect(result).toEqual({ outcome: 'done', delivered: 260, rejected: 0 });
    expect(server.accepted.map((i) => i.barcode).sort()).toEqual([...all].sort());
    expect(server.calls).toEqual([100, 30, 100, 30]);
    const times = new Map(stored.map((c) => [c.code, c.checkedAt]));
    for (const item of server.accepted) expect(item.checked_at).toBe(times.get(item.barcode));
    expect(await pendingCount(db)).toBe(0);
  });

  it('keeps everything queued on a retryable failure and reports it', async () => {
    await admitted(5);
    const server = fakeServer(() => ({ ok: false, kind: 'retry', message: 'HTTP 503', status: 503, retryAfterMs: 2000 }));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry', delivered: 0, retryAfterMs: 2000 });
    expect(await pendingCount(db)).toBe(5);
    expect((await db.outbox.toArray()).every((c) => c.attempts === 1 && c.lastError === 'HTTP 503')).toBe(true);
  });

  it('stops at an auth failure without losing anything', async () => {
    await admitted(3);
    const server = fakeServer(() => ({ ok: false, kind: 'auth', message: 'HTTP 401', status: 401 }));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'auth', status: 401 });
    expect(await pendingCount(db)).toBe(3);
  });

  it('moves per-item refusals to the rejected list with the server reason', async () => {
    const all = await admitted(4);
    const server = fakeServer(() => ({ ok: true, rejected: [{ barcode: all[2]!, reason: 'Barcode not found' }] }));
    expect(await flushOutbox(db, server.port)).toEqual({ outcome: 'done', delivered: 3, rejected: 1 });
    expect(await listRejected(db)).toMatchObject([{ code: all[2], reason: 'Barcode not found' }]);
    expect(await pendingCount(db)).toBe(0);
  });

  it('halves a refused batch until the poisoning record stands alone', async () => {
    const all = await admitted(40);
    const poison = all[17]!;
    const server = fakeServer((items) =>
      items.some((i) => i.barcode === poison) ? { ok: false, kind: 'refused', message: 'HTTP 422: Validation failed', status: 422 } : { ok: true, rejected: [] },
    );
    expect(await flushOutbox(db, server.port)).toEqual({ outcome: 'done', delivered: 39, rejected: 1 });
    expect(await listRejected(db)).toMatchObject([{ code: poison, reason: 'HTTP 422: Validation failed' }]);
    expect(server.calls.length).toBeLessThan(20);
  });

  it('gets the rest through past a record that keeps failing with 5xx, and keeps that record queued', async () => {
    const all = await admitted(10);
    const poison = all[0]!;
    const server = fakeServer((items) =>
      items.some((i) => i.barcode === poison) ? { ok: false, kind: 'retry', message: 'HTTP 503: Unknown error', status: 503 } : { ok: true, rejected: [] },
    );
    for (let pass = 0; pass < 40 && server.accepted.length < 9; pass++) await flushOutbox(db, server.port);
    expect(server.accepted).toHaveLength(9);
    // A 5xx is not a refusal: a flaky network looks the same, so the record waits, visible as pending.
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry', delivered: 0 });
    expect((await db.outbox.toArray()).map((c) => c.code)).toEqual([poison]);
    expect(await listRejected(db)).toHaveLength(0);
  });

  it('ends the pass at a 429 instead of probing the other pieces', async () => {
    await admitted(60);
    await db.outbox.toCollection().modify((c) => void (c.attempts = 3)); // split mode: pieces of 50 and 10
    const server = fakeServer(() => ({ ok: false, kind: 'retry', message: 'HTTP 429', status: 429 }));
    expect(await flushOutbox(db, server.port)).toMatchObject({ outcome: 'retry' });
    expect(server.calls).toHaveLength(1);
  });

  it('does not reject anything during a plain outage, however long', async () => {
    await admitted(10);
    const server = fakeServer(() => ({ ok: false, kind: 'retry', message: 'network', status: undefined }));
    for (let pass = 0; pass < 40; pass++) await flushOutbox(db, server.port);
    expect(await pendingCount(db)).toBe(10);
    expect(await listRejected(db)).toHaveLength(0);
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
