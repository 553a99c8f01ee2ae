// POST /hooks/qtickets end to end: a device of the demo organiser holds show 1001, Qtickets
// (this test) sends signed and unsigned webhooks, and the device's stream tells what changed.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openSse, type SseClient } from '../hub/sse-client.ts';
import { admit, scan } from '../hub/test-helpers.ts';
import { request, startStack, type Stack } from '../test-support.ts';

const SECRET = 'organiser-webhook-secret';

let stack: Stack | null = null;
const clients: SseClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stack?.close();
  stack = null;
});

const sign = (body: string, encoding: 'hex' | 'base64' = 'hex', secret = SECRET) => createHmac('sha1', secret).update(body).digest(encoding);

function hook(type: string, payload: unknown, signature: ((body: string) => string) | null = (b) => sign(b)) {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Event-Type': type, 'X-Model-Name': 'Order' };
  if (signature) headers['X-Signature'] = signature(body);
  return request(stack!.base, '/hooks/qtickets', { method: 'POST', headers, body });
}

const basket = (barcode: string, extra: Record<string, unknown> = {}) => ({
  id: Number(barcode.slice(-5)),
  barcode,
  show_id: 1001,
  client_name: 'Иван',
  client_email: 'username@gmail.com',
  checked_at: null,
  refunded_at: null,
  deleted_at: null,
  ...extra,
});
const order = (baskets: unknown[], extra: Record<string, unknown> = {}) => ({ data: { id: 4360, payed: true, deleted_at: null, baskets, ...extra } });

/** A stack with the secret and one device holding show 1001 (which is what routes webhooks to its room). */
async function withDevice(): Promise<SseClient> {
  stack = await startStack({ webhookSecret: SECRET });
  const device = await openSse(stack.base, '/hub/v1/events?shows=1001', { token: stack.demo!.token });
  clients.push(device);
  await device.until(() => device.retry !== null, 'the stream to open');
  return device;
}

const seen = (device: SseClient) => device.frames.map((f) => [f.event, JSON.parse(f.data).code]);

describe('Qtickets webhooks', () => {
  it('answers 404 when QTICKETS_WEBHOOK_SECRET is not set', async () => {
    stack = await startStack();
    const res = await request(stack.base, '/hooks/qtickets', { method: 'POST', headers: { 'X-Signature': 'x' }, body: '{}' });
    expect(res.status).toBe(404);
  });

  it('takes a signature in hex, base64 and base64url, with or without sha1=; answers 200 once taken', async () => {
    const device = await withDevice();
    const payload = (code: string) => ({ ...order([basket(code)]), checked_basket: basket(code, { checked_at: '2026-12-29T19:03:12+03:00' }) });
    for (const [code, signature] of [
      ['870000000101', (b: string) => sign(b)],
      ['870000000102', (b: string) => sign(b).toUpperCase()],
      ['870000000103', (b: string) => sign(b, 'base64')],
      ['870000000104', (b: string) => sign(b, 'base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, '')],
      ['870000000105', (b: string) => `sha1=${sign(b)}`],
    ] as const) {
      const res = await hook('checked', payload(code), signature);
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ taken: true, events: 1 });
    }
    await device.until(() => device.frames.length === 5, 'five checked events');
    expect(seen(device).map(([kind]) => kind)).toEqual(Array(5).fill('checked'));
    expect(JSON.parse(device.frames[0]!.data)).toEqual({ showId: 1001, code: '870000000101', checkedAt: '2026-12-29T19:03:12+03:00', source: 'webhook' });
  });

  it('refuses an unsigned, wrongly signed or tampered webhook with 401, and nothing changes', async () => {
    const device = await withDevice();
    const payload = { ...order([basket('870000000201')]), checked_basket: basket('870000000201') };
    for (const signature of [
      null,
      () => '',
      () => sign('another body'),
      (b: string) => sign(b, 'hex', 'another-secret'),
      (b: string) => sign(b).slice(0, 39),
      (b: string) => `${sign(b)}, ${sign(b)}`,
      () => 'not a signature at all',
    ]) {
      const res = await hook('checked', payload, signature);
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    }
    // Signed for one body, sent with another:
    const body = JSON.stringify(payload);
    const tampered = await request(stack!.base, '/hooks/qtickets', {
      method: 'POST',
      headers: { 'X-Event-Type': 'checked', 'X-Signature': sign(body) },
      body: body.replace('870000000201', '870000000202'),
    });
    expect(tampered.status).toBe(401);
    await admit(stack!.base, [scan(1001, 'marker')]);
    await device.until(() => device.frames.length === 1, 'the marker');
    expect(seen(device)).toEqual([['admission', 'marker']]);
  });

  it('sends each kind to the devices: checked, unchecked, revoked (refunded, deleted), listed', async () => {
    const device = await withDevice();
    const steps: [string, unknown][] = [
      ['checked', { ...order([basket('870000000301')]), checked_basket: basket('870000000301', { checked_at: '2026-12-29T19:03:12+03:00' }) }],
      ['checked', { ...order([basket('870000000301')]), unchecked_basket: basket('870000000301') }],
      ['refunded', order([basket('870000000302', { refunded_at: '2026-12-29T18:00:00+03:00' })])],
      ['deleted', order([basket('870000000303')], { deleted_at: '2026-12-29T18:00:00+03:00' })],
      ['payed', order([basket('870000000304')])],
      ['created', order([basket('870000000305')], { payed: false })],
    ];
    for (const [type, payload] of steps) expect((await hook(type, payload)).status).toBe(200);
    await device.until(() => device.frames.length === 5, 'five events');
    expect(seen(device)).toEqual([
      ['checked', '870000000301'],
      ['unchecked', '870000000301'],
      ['revoked', '870000000302'],
      ['revoked', '870000000303'],
      ['listed', '870000000304'],
    ]);
    expect(JSON.parse(device.of('unchecked')[0]!.data).checkedAt).toBeNull();
    expect(device.frames.map((f) => f.data).join()).not.toMatch(/Иван|gmail/);
  });

  it('drops baskets of shows no device holds, and takes a delivered-again webhook once', async () => {
    const device = await withDevice();
    const elsewhere = { ...order([basket('870000000401', { show_id: 1003 })]), checked_basket: basket('870000000401', { show_id: 1003 }) };
    expect((await hook('checked', elsewhere)).json()).toEqual({ taken: true, events: 0 });
    const payload = { ...order([basket('870000000402')]), checked_basket: basket('870000000402') };
    expect((await hook('checked', payload)).json()).toEqual({ taken: true, events: 1 });
    expect((await hook('checked', payload)).status).toBe(200); // Qtickets did not get our 200 and sent it again
    await admit(stack!.base, [scan(1001, 'marker')]);
    await device.until(() => device.frames.length >= 2, 'the marker');
    expect(seen(device)).toEqual([
      ['checked', '870000000402'],
      ['admission', 'marker'],
    ]);
  });

  it('refuses what is not a webhook: GET 405, a signed non-JSON body 400; another model is taken and ignored', async () => {
    stack = await startStack({ webhookSecret: SECRET });
    expect((await request(stack.base, '/hooks/qtickets')).status).toBe(405);
    const notJson = 'not json';
    expect((await request(stack.base, '/hooks/qtickets', { method: 'POST', headers: { 'X-Signature': sign(notJson) }, body: notJson })).status).toBe(400);
    const client = JSON.stringify({ id: 1 });
    const res = await request(stack.base, '/hooks/qtickets', { method: 'POST', headers: { 'X-Signature': sign(client), 'X-Model-Name': 'Client' }, body: client });
    expect(res.json()).toEqual({ taken: true, events: 0 });
  });
});
