// How each answer of the network becomes a delivery decision: no HTTP status of the batch route
// refuses a record, a 403 stops only its show, a 413 asks for smaller batches, and a read-back
// counts as "not held" only when Qtickets itself said so.
import { describe, expect, it } from 'vitest';
import { createQticketsClient, createTransport, GATEWAY_HEADER } from '../api/index.ts';
import { apiDeliveryPort } from './api-port.ts';

const ITEM = { barcode: '875196723453', checked_at: '2026-12-29T19:03:12+03:00' };

function portAnswering(status: number, body: unknown, type = 'application/json') {
  const fetch = (async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { [GATEWAY_HEADER]: '1', 'Content-Type': type } })) as typeof globalThis.fetch;
  return apiDeliveryPort(createQticketsClient(createTransport({ fetch })), async () => 'tok');
}

describe('apiDeliveryPort: the batch', () => {
  it.each([
    [302, { error: 'Found' }],
    [404, { error: 'Not found' }],
    [405, { error: 'Method Not Allowed' }],
    [409, { error: 'Conflict' }],
    [410, { error: 'Gone' }],
    [422, { error: 'The given data was invalid.' }],
  ])('keeps records queued on HTTP %i without per-item detail', async (status, body) => {
    expect(await portAnswering(status, body).postCheckIns(1, [ITEM])).toMatchObject({ ok: false, kind: 'retry', problem: 'refused', status });
  });

  it('names the status Qtickets gave when the gateway had to wrap an HTML page', async () => {
    const wrapped = { error: 'Qtickets answered HTTP 404 with text/html, not JSON', status: 502, code: 'UPSTREAM_NOT_JSON', upstreamStatus: 404 };
    expect(await portAnswering(502, wrapped).postCheckIns(1, [ITEM])).toMatchObject({ ok: false, kind: 'retry', problem: 'refused', status: 404 });
  });

  it('stops only this show on 403, sends smaller on 413, stops everything on 401', async () => {
    expect(await portAnswering(403, { error: 'Forbidden' }).postCheckIns(1, [ITEM])).toMatchObject({ ok: false, kind: 'forbidden', status: 403 });
    expect(await portAnswering(413, { error: 'Too large' }).postCheckIns(1, [ITEM])).toMatchObject({ ok: false, kind: 'too_large', status: 413 });
    expect(await portAnswering(401, { error: 'Unauthorized' }).postCheckIns(1, [ITEM])).toMatchObject({ ok: false, kind: 'auth', status: 401 });
  });
});

describe('apiDeliveryPort: the read-back', () => {
  it('reads our time as held and a null as not held', async () => {
    expect(await portAnswering(200, { barcode: ITEM.barcode, checked_at: ITEM.checked_at }).readBack(1, ITEM.barcode)).toEqual({ kind: 'held', checkedAt: ITEM.checked_at });
    expect(await portAnswering(200, { barcode: ITEM.barcode, checked_at: null }).readBack(1, ITEM.barcode)).toEqual({ kind: 'absent' });
  });

  it('counts a 404 as not held only when Qtickets wrote it about the resource', async () => {
    const qtickets = { error: 'Resource "Barcode" not found', status: 404, code: 'RESOURCE_NOT_FOUND' };
    expect(await portAnswering(404, qtickets).readBack(1, ITEM.barcode)).toEqual({ kind: 'absent' });
    expect((await portAnswering(404, { error: 'Not found', status: 404, code: 'NOT_FOUND' }).readBack(1, ITEM.barcode)).kind).toBe('unknown');
    expect((await portAnswering(404, '<html><h1>404</h1></html>', 'text/html').readBack(1, ITEM.barcode)).kind).toBe('unknown');
  });

  it('takes an answer about another code as no answer', async () => {
    expect((await portAnswering(200, { barcode: '870000000000', checked_at: ITEM.checked_at }).readBack(1, ITEM.barcode)).kind).toBe('unknown');
  });
});
