// Delivery end to end below the UI: the real API client, the real gateway and the embedded demo
// Qtickets over HTTP, with the demo's faults switched on one at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../server/test-support.ts';
import { createQticketsClient, createTransport } from '../api/index.ts';
import { listRejected, pendingCount } from '../db/outbox.ts';
import { recordScan } from '../db/scan.ts';
import { freshDb } from '../db/testing.ts';
import { apiDeliveryPort } from './api-port.ts';
import { CONFIRM_AFTER_MS, flushOutbox } from './flush.ts';
import { downloadShows, showsFromEvents } from './pull.ts';

const SHOW = 1001;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ timeoutMs: 1_000 });
});
afterAll(async () => stack?.close());

describe('delivery through the gateway to the demo Qtickets', () => {
  it('survives every fault, delivers each admission once accepted, and shows the refused one', async () => {
    const demo = stack.demo!;
    const token = demo.token;
    const api = createQticketsClient(createTransport({ baseUrl: `${stack.base}/api/rest/v1`, timeoutMs: 1_500 }));
    const db = freshDb();
    const events = await api.listAllEvents(token);
    if (!events.ok) throw new Error(JSON.stringify(events.error));
    const [outcome] = await downloadShows(db, api, token, showsFromEvents(events.value, [SHOW]).found);
    expect(outcome).toMatchObject({ ok: true, result: { listed: demo.state.listed(SHOW)?.length } });

    const codes = (demo.state.listed(SHOW) ?? []).slice(100, 130).map((t) => t.barcode);
    for (const code of codes) await recordScan(db, { raw: code, source: 'scanner', deviceId: 'it' });
    // Refunded at the box office after it was admitted offline: the server will refuse it.
    const refunded = codes[7]!;
    demo.state.refund(SHOW, refunded);

    const port = apiDeliveryPort(api, async () => token);
    let now = Date.now();
    for (const mode of ['503', '500', 'html200', 'badjson', 'reset', 'timeout'] as const) {
      demo.state.setFault({ mode, remaining: 1, paths: 'barcodes-post' });
      const result = await flushOutbox(db, port, () => now);
      expect(result.outcome, mode).toBe('retry');
      expect(await pendingCount(db), mode).toBe(codes.length);
    }

    // The answer names each code: held ones leave at once; the refused one waits for its read-back.
    expect(await flushOutbox(db, port, () => now)).toMatchObject({ outcome: 'done', delivered: codes.length - 1, rejected: 0 });
    expect(await pendingCount(db)).toBe(1);
    now += CONFIRM_AFTER_MS;
    expect(await flushOutbox(db, port, () => now)).toEqual({ outcome: 'done', delivered: 0, rejected: 1, conflicts: 0, nextConfirmAt: null });
    expect(await pendingCount(db)).toBe(0);
    expect(await listRejected(db)).toMatchObject([{ code: refunded }]);
    const accepted = demo.state.receivedCheckIns(SHOW).filter((r) => r.accepted).map((r) => r.barcode);
    expect(new Set(accepted)).toEqual(new Set(codes.filter((c) => c !== refunded)));
    await db.delete();
  });

  it('stops on a wrong token and keeps everything', async () => {
    const api = createQticketsClient(createTransport({ baseUrl: `${stack.base}/api/rest/v1` }));
    const db = freshDb();
    await db.outbox.add({ id: 'x', showId: SHOW, code: '870000000002', checkedAt: '2026-12-29T19:03:12+03:00', deviceId: 'it', queuedAt: 1, attempts: 0, lastError: null });
    const result = await flushOutbox(db, apiDeliveryPort(api, async () => 'wrong-token'));
    expect(result).toMatchObject({ outcome: 'auth', status: 401 });
    expect(await pendingCount(db)).toBe(1);
    await db.delete();
  });
});
