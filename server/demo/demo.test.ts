// The demo Qtickets, exercised through the gateway exactly as the browser client uses it.
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonQuery, request, startStack, type RawResponse, type Stack } from '../test-support.ts';

let stack: Stack;
let auth: Record<string, string>;

beforeAll(async () => {
  stack = await startStack({ timeoutMs: 500 });
  auth = { Authorization: `Bearer ${stack.demo!.token}` };
});
afterAll(() => stack.close());
beforeEach(async () => {
  await post('/demo/control/reset', {});
});

function api(path: string, params?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return request(stack.base, `/api/rest/v1/${path}${params === undefined ? '' : jsonQuery(params)}`, {
    headers: { ...auth, ...headers },
  });
}
function apiPost(path: string, body: unknown): Promise<RawResponse> {
  return request(stack.base, `/api/rest/v1/${path}`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
function post(path: string, body: unknown): Promise<RawResponse> {
  return request(stack.base, path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}
async function codes(showId: number): Promise<string[]> {
  return (await request(stack.base, `/demo/state/barcodes?show=${showId}`)).json<string[]>();
}
/** Straight to the demo, bypassing the gateway: a GET with a raw body. */
function direct(path: string, body: string, method = 'GET'): Promise<{ status: number; type: string; text: string }> {
  const url = new URL(`${stack.demo!.upstream}/${path}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method, headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface EventsPage {
  data: { id: number; deleted_at: string | null; is_active: number; name: string; shows: { id: number; deleted_at: string | null }[] }[];
  paging: { perPage: number; currentPage: number; total: number };
}

describe('demo events through the gateway', () => {
  it('pages oldest first, 10 per page', async () => {
    const page1 = (await api('events', {})).json<EventsPage>();
    expect(page1.paging).toEqual({ perPage: 10, currentPage: 1, total: 13 });
    expect(page1.data.map((e) => e.id)).toEqual([101, 102, 103, 104, 105, 106, 107, 108, 109, 110]);
    const page2 = (await api('events', { page: 2 })).json<EventsPage>();
    expect(page2.paging.currentPage).toBe(2);
    expect(page2.data.map((e) => e.id)).toEqual([111, 112, 113]);
  });

  it('reads where, orderBy and perPage from the JSON body only', async () => {
    const live = (await api('events', { where: [{ column: 'deleted_at', operator: 'null' }], orderBy: { id: 'desc' }, perPage: 50 })).json<EventsPage>();
    expect(live.paging.total).toBe(12);
    expect(live.data.some((e) => e.deleted_at !== null)).toBe(false);
    expect(live.data[0]!.id).toBe(113);
    const deleted = (await api('events', { where: [{ column: 'deleted_at', operator: 'not null' }] })).json<EventsPage>();
    expect(deleted.data.map((e) => e.name)).toEqual(['Отменённый спектакль']);
    const some = (await api('events', { where: [{ column: 'id', operator: 'in', value: [101, 103] }] })).json<EventsPage>();
    expect(some.data.map((e) => e.id)).toEqual([101, 103]);
    const after = (await api('events', { where: [{ column: 'id', operator: '>=', value: 111 }] })).json<EventsPage>();
    expect(after.data.map((e) => e.id)).toEqual([111, 112, 113]);
    const inactive = (await api('events', { where: [{ column: 'is_active', value: 0 }] })).json<EventsPage>();
    expect(inactive.data.map((e) => e.id)).toEqual([105]);
    // A query string the real server ignores: still page 1.
    const ignored = (await request(stack.base, '/api/rest/v1/events?page=2', { headers: auth })).json<EventsPage>();
    expect(ignored.paging.currentPage).toBe(1);
  });

  it('answers one event, shows with a deleted show kept visible, and a JSON 404 (the app never asks: straight to the demo)', async () => {
    const one = JSON.parse((await direct('events/106', '')).text) as { data: EventsPage['data'][number] };
    expect(one.data.shows.map((s) => [s.id, s.deleted_at === null])).toEqual([[1008, true], [1009, false]]);
    const missing = await direct('events/999', '');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toEqual({ error: 'Resource "Event" not found', status: 404, code: 'RESOURCE_NOT_FOUND' });
    // The gateway forwards only the calls the app makes.
    expect((await api('events/106')).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a wrong token with its JSON 401; a missing one never reaches it', async () => {
    const wrong = await request(stack.base, '/api/rest/v1/events', { headers: { Authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json()).toEqual({ error: 'Unauthorized', status: 401 });
    expect(wrong.headers['x-kontrol-gateway']).toBe('1');
    const missing = await request(stack.base, '/api/rest/v1/events', { headers: { Authorization: '' } });
    expect(missing.status).toBe(401);
    expect(missing.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('answers unknown routes with HTML 404 and a malformed body with 503 UNKNOWN_ERROR', async () => {
    const unknown = await direct('nothing/here', '');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('text/html');
    const malformed = await direct('events', '{"where": [');
    expect(malformed.status).toBe(503);
    expect(JSON.parse(malformed.text)).toEqual({ error: 'Unknown error', status: 503, code: 'UNKNOWN_ERROR' });
    // The demo reads GET bodies like the real server does.
    const viaBody = JSON.parse((await direct('events', '{"page":2}')).text) as EventsPage;
    expect(viaBody.paging.currentPage).toBe(2);
  });
});

describe('demo barcodes through the gateway', () => {
  it('lists a bare array with only the selected fields, default barcode/price/seat_name', async () => {
    const plain = (await api('shows/1003/barcodes')).json<Record<string, unknown>[]>();
    expect(Array.isArray(plain)).toBe(true);
    expect(Object.keys(plain[0]!)).toEqual(['barcode', 'price', 'seat_name']);
    const some = (await api('shows/1003/barcodes', { select: ['barcode', 'admission', 'client_surname'] })).json<Record<string, unknown>[]>();
    expect(Object.keys(some[0]!)).toEqual(['barcode', 'admission', 'client_surname']);
    expect(some).toHaveLength((await codes(1003)).length);
    const missing = await api('shows/4242/barcodes');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'Resource "Show" not found', code: 'RESOURCE_NOT_FOUND' });
  });

  it('streams the big list compressed, br or gzip, complete and parseable', async () => {
    const all = await codes(1001);
    expect(all).toHaveLength(2999); // 3000 sold, one refunded before the doors opened
    for (const encoding of ['br', 'gzip']) {
      const res = await api('shows/1001/barcodes', { select: ['barcode', 'seat_name', 'client_name', 'client_surname'] }, { 'Accept-Encoding': encoding });
      expect(res.headers['content-encoding']).toBe(encoding);
      const list = res.json<{ barcode: string }[]>();
      expect(res.raw.length).toBeLessThan(res.text().length / 3);
      expect(list.map((t) => t.barcode)).toEqual(all);
    }
  });

  it('reports scan state per code and keeps the earliest checked_at', async () => {
    const [code] = await codes(1002);
    expect((await api(`shows/1002/barcode/${code}`)).json()).toEqual({ barcode: code, checked_at: null });
    const later = await apiPost(`shows/1002/barcode/${code}`, { checked_at: '2026-12-29T19:05:00+03:00' });
    expect(later.json()).toEqual({ success: true, barcode: code, checked_at: '2026-12-29T19:05:00+03:00' });
    const earlier = await apiPost(`shows/1002/barcode/${code}`, { checked_at: '2026-12-29T19:01:00+03:00' });
    expect(earlier.json()).toMatchObject({ checked_at: '2026-12-29T19:01:00+03:00' });
    await apiPost(`shows/1002/barcode/${code}`, { checked_at: '2026-12-29T19:09:00+03:00' });
    expect((await api(`shows/1002/barcode/${code}`)).json()).toEqual({ barcode: code, checked_at: '2026-12-29T19:01:00+03:00' });
    expect((await api('shows/1002/barcode/870000000001')).status).toBe(404);
    expect((await apiPost('shows/1002/barcode/870000000001', { checked_at: '2026-12-29T19:01:00+03:00' })).status).toBe(404);
  });

  it.each([
    // policy, time held after 19:05 then 19:01, and the batch answer's item for the 19:01 repeat
    ['keep-earliest', '2026-12-29T19:01:00+03:00', { success: true, checked_at: '2026-12-29T19:01:00+03:00' }],
    ['keep-first', '2026-12-29T19:05:00+03:00', { success: true, checked_at: '2026-12-29T19:05:00+03:00' }],
    ['keep-last', '2026-12-29T19:01:00+03:00', { success: true, checked_at: '2026-12-29T19:01:00+03:00' }],
    ['refuse-repeat', '2026-12-29T19:05:00+03:00', { success: false, error: 'Barcode already checked at 2026-12-29T19:05:00+03:00', checked_at: '2026-12-29T19:05:00+03:00' }],
  ])('on a repeated check-in, policy %s keeps %s', async (policy, held, answer) => {
    expect((await post('/demo/control/checkin-policy', { policy })).json()).toEqual({ policy });
    const [code] = await codes(1001);
    await apiPost('shows/1001/barcodes', [{ barcode: code, checked_at: '2026-12-29T19:05:00+03:00' }]);
    const repeat = await apiPost('shows/1001/barcodes', [{ barcode: code, checked_at: '2026-12-29T19:01:00+03:00' }]);
    expect(repeat.status).toBe(200);
    expect(repeat.json()).toEqual([{ barcode: code, ...answer }]);
    expect((await api(`shows/1001/barcode/${code}`)).json()).toEqual({ barcode: code, checked_at: held });
    // A resend of the very same check-in (its answer was lost) is never a repeat.
    const resend = await apiPost('shows/1001/barcodes', [{ barcode: code, checked_at: held }]);
    expect(resend.json()).toEqual([{ barcode: code, success: true, checked_at: held }]);
    if (policy === 'keep-last') {
      await apiPost('shows/1001/barcodes', [{ barcode: code, checked_at: '2026-12-29T19:09:00+03:00' }]);
      expect((await api(`shows/1001/barcode/${code}`)).json()).toEqual({ barcode: code, checked_at: '2026-12-29T19:09:00+03:00' });
    }
  });

  it('refuses an unknown check-in policy and restores the default on reset', async () => {
    expect((await post('/demo/control/checkin-policy', { policy: 'whatever' })).status).toBe(400);
    await post('/demo/control/checkin-policy', { policy: 'keep-last' });
    await post('/demo/control/reset', {});
    expect(stack.demo!.state.checkInPolicy).toBe('keep-earliest');
  });

  it('answers a batch with per-item results and records every check-in received', async () => {
    const [a, b] = await codes(1001);
    const foreign = (await codes(1002))[0]!;
    const batch = [
      { barcode: a, checked_at: '2026-12-29T19:03:12+03:00' },
      { barcode: b, checked_at: '2026-12-29T19:03:15+03:00' },
      { barcode: foreign, checked_at: '2026-12-29T19:03:20+03:00' },
      { barcode: a, checked_at: '2026-12-29T19:02:00+03:00' },
    ];
    const res = await apiPost('shows/1001/barcodes', batch);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([
      { barcode: a, success: true, checked_at: '2026-12-29T19:03:12+03:00' },
      { barcode: b, success: true, checked_at: '2026-12-29T19:03:15+03:00' },
      { barcode: foreign, success: false, error: 'Barcode not found' },
      { barcode: a, success: true, checked_at: '2026-12-29T19:02:00+03:00' },
    ]);
    await apiPost(`shows/1001/barcode/${b}`, { checked_at: '2026-12-29T19:04:00+03:00' });
    const record = (await request(stack.base, '/demo/state/checkins?show=1001')).json<{ barcode: string; checked_at: string; via: string; received_at: string }[]>();
    expect(record.map((r) => [r.barcode, r.checked_at, r.via])).toEqual([
      [a, '2026-12-29T19:03:12+03:00', 'batch'],
      [b, '2026-12-29T19:03:15+03:00', 'batch'],
      [foreign, '2026-12-29T19:03:20+03:00', 'batch'],
      [a, '2026-12-29T19:02:00+03:00', 'batch'],
      [b, '2026-12-29T19:04:00+03:00', 'single'],
    ]);
    expect(record.every((r) => !Number.isNaN(Date.parse(r.received_at)))).toBe(true);
  });

  it.each([
    [{ barcode: '871111111111', checked_at: '2026-12-29T19:03:12+03:00' }],
    [[{ barcode: 871111111111, checked_at: '2026-12-29T19:03:12+03:00' }]],
    [[{ barcode: '871111111111', checked_at: 'yesterday' }]],
    [[{ barcode: '871111111111' }]],
    [['871111111111']],
  ])('refuses a malformed batch %j with 422 and records nothing', async (body) => {
    const res = await apiPost('shows/1001/barcodes', body);
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ error: 'Validation failed', status: 422 });
    expect((await request(stack.base, '/demo/state/checkins')).json()).toEqual([]);
  });

  it('drops a refunded ticket from the list and refuses its check-in', async () => {
    const [code] = await codes(1003);
    const refund = await post('/demo/control/refund', { showId: 1003, barcode: code });
    expect(refund.status).toBe(200);
    expect(await codes(1003)).not.toContain(code);
    const listed = (await api('shows/1003/barcodes')).json<{ barcode: string }[]>();
    expect(listed.map((t) => t.barcode)).not.toContain(code);
    const res = await apiPost('shows/1003/barcodes', [{ barcode: code, checked_at: '2026-12-29T19:03:12+03:00' }]);
    expect(res.json()).toEqual([{ barcode: code, success: false, error: 'Barcode not found' }]);
    await post('/demo/control/reset', {});
    expect(await codes(1003)).toContain(code);
  });

  it('sells a ticket after the pull: unknown to the old list, known to the barcode state, listed on the next pull, gone on reset', async () => {
    const before = await codes(1003);
    const sale = await post('/demo/control/sell', { showId: 1003 });
    expect(sale.status).toBe(200);
    const { barcode } = sale.json<{ barcode: string }>();
    expect(barcode).toMatch(/^87\d{10}$/);
    expect(before).not.toContain(barcode);
    expect((await api(`shows/1003/barcode/${barcode}`)).json()).toEqual({ barcode, checked_at: null });
    const listed = (await api('shows/1003/barcodes')).json<{ barcode: string }[]>();
    expect(listed.map((t) => t.barcode)).toContain(barcode);
    // The next sale is another code; the other shows never see either.
    const second = (await post('/demo/control/sell', { showId: 1003 })).json<{ barcode: string }>().barcode;
    expect(second).not.toBe(barcode);
    expect((await api(`shows/1001/barcode/${barcode}`)).status).toBe(404);
    await post('/demo/control/reset', {});
    expect((await api(`shows/1003/barcode/${barcode}`)).status).toBe(404);
    expect(await codes(1003)).toEqual(before);
    expect((await post('/demo/control/sell', { showId: 999 })).status).toBe(404);
  });
});

describe('demo faults', () => {
  it('503 and 500 for the next `count` requests, then normal again', async () => {
    await post('/demo/control/fault', { mode: '503', count: 2 });
    expect((await api('events')).status).toBe(503);
    expect((await api('events')).status).toBe(503);
    expect((await api('events')).status).toBe(200);
    await post('/demo/control/fault', { mode: '500', count: 1 });
    const res = await api('events');
    expect(res.status).toBe(500);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
  });

  it('html200 answers 200 with an HTML page (a captive portal look-alike), which the gateway turns into a 502', async () => {
    await post('/demo/control/fault', { mode: 'html200', count: 1 });
    const res = await api('events');
    expect(res.status).toBe(502);
    expect(res.json()).toMatchObject({ status: 502, code: 'UPSTREAM_NOT_JSON', upstreamStatus: 200 });
    expect(res.text()).not.toContain('<html');
  });

  it('badjson answers 200 with truncated JSON', async () => {
    await post('/demo/control/fault', { mode: 'badjson', count: 1 });
    const res = await api('shows/1001/barcodes');
    expect(res.status).toBe(200);
    expect(() => res.json()).toThrow();
  });

  it('reset surfaces as 502 and timeout as 504 through the gateway', async () => {
    await post('/demo/control/fault', { mode: 'reset', count: 1 });
    const reset = await api('events');
    expect(reset.status).toBe(502);
    expect(reset.json()).toMatchObject({ code: 'UPSTREAM_UNREACHABLE' });
    await post('/demo/control/fault', { mode: 'timeout', count: 1 });
    const timeout = await api('events');
    expect(timeout.status).toBe(504);
    expect(timeout.json()).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect((await api('events')).status).toBe(200);
  });

  it('barcodes-post limits the fault to the batch check-in and does not record the failed batch', async () => {
    await post('/demo/control/fault', { mode: '503', paths: 'barcodes-post' });
    const [code] = await codes(1001);
    expect((await api('events')).status).toBe(200);
    expect((await api('shows/1001/barcodes')).status).toBe(200);
    const batch = [{ barcode: code, checked_at: '2026-12-29T19:03:12+03:00' }];
    expect((await apiPost('shows/1001/barcodes', batch)).status).toBe(503);
    expect((await apiPost('shows/1001/barcodes', batch)).status).toBe(503);
    expect((await request(stack.base, '/demo/state/checkins')).json()).toEqual([]);
    await post('/demo/control/fault', { mode: 'none' });
    expect((await apiPost('shows/1001/barcodes', batch)).status).toBe(200);
  });

  it('rejects an unknown fault mode', async () => {
    expect((await post('/demo/control/fault', { mode: 'explode' })).status).toBe(400);
  });
});

describe('demo tickets page', () => {
  it('prints QR and Code 128 for the first tickets plus the special codes, without scripts', async () => {
    const res = await request(stack.base, '/demo/tickets?show=1001');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.text();
    const listed = await codes(1001);
    for (const code of listed.slice(0, 24)) expect(html).toContain(`>${code}<`);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(48);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('870000000001');
    expect(html).toContain((await codes(1002))[0]);
    expect((await request(stack.base, '/demo/tickets?show=5')).status).toBe(404);
  });

  it('marks the ticket already checked at the server', async () => {
    const html = (await request(stack.base, '/demo/tickets?show=1001')).text();
    const listed = await codes(1001);
    const checked = await Promise.all(listed.slice(0, 30).map(async (c) => [c, (await api(`shows/1001/barcode/${c}`)).json<{ checked_at: string | null }>().checked_at] as const));
    const elsewhere = checked.filter(([, at]) => at !== null).map(([c]) => c);
    expect(elsewhere).toHaveLength(1);
    expect(html).toContain(elsewhere[0]);
  });
});
