import { describe, expect, it } from 'vitest';
import { fakeFetch, jsonReply, rawReply } from './fakeGateway.ts';
import { createTransport } from './transport.ts';

const TOKEN = 'secret-token-123';
const portal = '<html><body>Войдите в Wi-Fi</body></html>';

function transportAnswering(reply: () => Response | Promise<Response>, timeoutMs?: number) {
  const fake = fakeFetch(reply);
  return { transport: createTransport({ fetch: fake.fetch, ...(timeoutMs ? { timeoutMs } : {}) }), calls: fake.calls };
}

describe('request encoding', () => {
  it('sends list parameters of a GET as ?json= with the token and no cookies or cache', async () => {
    const { transport, calls } = transportAnswering(() => jsonReply({ data: [] }));
    const params = { where: [{ column: 'deleted_at', operator: 'null' }], orderBy: { id: 'desc' }, page: 2 };
    await transport.get('events', TOKEN, params);
    const call = calls[0]!;
    expect(call.url).toBe(`/api/rest/v1/events?json=${encodeURIComponent(JSON.stringify(params))}`);
    expect(call.params).toEqual(params);
    expect(call.method).toBe('GET');
    expect(call.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(call.headers.get('Accept')).toBe('application/json');
    expect(call.init.credentials).toBe('omit');
    expect(call.init.cache).toBe('no-store');
    expect(call.init.body).toBeUndefined();
  });

  it('sends a GET without parameters without a query', async () => {
    const { transport, calls } = transportAnswering(() => jsonReply({ barcode: '1', checked_at: null }));
    await transport.get('shows/7/barcode/1', TOKEN);
    expect(calls[0]!.url).toBe('/api/rest/v1/shows/7/barcode/1');
  });

  it('sends a POST as a JSON body', async () => {
    const { transport, calls } = transportAnswering(() => rawReply(''));
    const body = [{ barcode: '875196723453', checked_at: '2020-03-02T18:08:35+03:00' }];
    await transport.post('shows/7/barcodes', TOKEN, body);
    const call = calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('/api/rest/v1/shows/7/barcodes');
    expect(call.headers.get('Content-Type')).toBe('application/json');
    expect(call.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(call.params).toEqual(body);
  });

  it('joins a base URL with a trailing slash cleanly', async () => {
    const fake = fakeFetch(() => jsonReply([]), 'https://door.example/api/rest/v1');
    await createTransport({ fetch: fake.fetch, baseUrl: 'https://door.example/api/rest/v1/' }).get('events', TOKEN);
    expect(fake.calls[0]!.url).toBe('https://door.example/api/rest/v1/events');
  });
});

describe('answers', () => {
  it('returns parsed JSON and the server date', async () => {
    const { transport } = transportAnswering(() =>
      jsonReply({ data: [1] }, { headers: { Date: 'Tue, 29 Dec 2026 16:00:00 GMT' } }),
    );
    const res = await transport.get('events', TOKEN, {});
    expect(res).toEqual({ ok: true, value: { data: [1] }, status: 200, serverDate: new Date('2026-12-29T16:00:00Z') });
  });

  it('reads Russian text cut mid-letter between the pieces of the body, and a leading BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFF[{"client_name":"Павел","zone_name":"Танцпол"}]');
    // Cut at every third byte: each Cyrillic letter (two bytes) is split across pieces somewhere.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) => bytes.slice(i * 3, i * 3 + 3));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const piece of pieces) c.enqueue(piece);
        c.close();
      },
    });
    const { transport } = transportAnswering(() => new Response(body, { headers: { 'X-Kontrol-Gateway': '1', 'Content-Type': 'application/json' } }));
    expect(await transport.get('events', TOKEN)).toMatchObject({ ok: true, value: [{ client_name: 'Павел', zone_name: 'Танцпол' }] });
  });

  it('has no server date when the header is missing or unreadable', async () => {
    const { transport } = transportAnswering(() => jsonReply([], { headers: { Date: 'yesterday' } }));
    const res = await transport.get('events', TOKEN);
    expect(res.ok && res.serverDate).toBeNull();
  });

  it('treats an empty 2xx body as null', async () => {
    for (const reply of [() => rawReply(''), () => rawReply(null, { status: 204 }), () => rawReply('  \n')]) {
      const res = await transportAnswering(reply).transport.post('shows/7/barcodes', TOKEN, []);
      expect(res).toMatchObject({ ok: true, value: null });
    }
  });

  it('refuses an HTML 200 without the gateway header as not_gateway (captive portal)', async () => {
    const { transport } = transportAnswering(() =>
      rawReply(portal, { gateway: false, headers: { 'Content-Type': 'text/html' } }),
    );
    const res = await transport.get('events', TOKEN);
    expect(res).toEqual({ ok: false, error: { kind: 'not_gateway', status: 200 } });
  });

  it('refuses even a JSON answer without the gateway header', async () => {
    const { transport } = transportAnswering(() => jsonReply({ data: [] }, { gateway: false }));
    expect(await transport.get('events', TOKEN)).toEqual({ ok: false, error: { kind: 'not_gateway', status: 200 } });
  });

  it('refuses an HTML 200 that did come through the gateway as bad_response', async () => {
    const { transport } = transportAnswering(() => rawReply(portal, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
    const res = await transport.get('events', TOKEN);
    expect(res).toEqual({ ok: false, error: { kind: 'bad_response', status: 200, message: 'expected JSON, got text/html' } });
  });

  it('refuses truncated JSON as bad_response', async () => {
    const { transport } = transportAnswering(() =>
      rawReply('[{"barcode":"871495495233","price":5', { headers: { 'Content-Type': 'application/json' } }),
    );
    const res = await transport.get('shows/7/barcodes', TOKEN, {});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatchObject({ kind: 'bad_response', status: 200, message: expect.stringContaining('truncated') });
  });

  it('accepts JSON sent with a wrong content type', async () => {
    const { transport } = transportAnswering(() => rawReply('{"success":true}', { headers: { 'Content-Type': 'text/plain' } }));
    expect(await transport.post('x', TOKEN, [])).toMatchObject({ ok: true, value: { success: true } });
  });
});

describe('HTTP errors', () => {
  it('reads the document example error (403)', async () => {
    const { transport } = transportAnswering(() => jsonReply({ error: 'Some error', status: 403 }, { status: 403 }));
    expect(await transport.get('events', TOKEN)).toEqual({ ok: false, error: { kind: 'http', status: 403, message: 'Some error' } });
  });

  it('passes a 401 on as data, for the screen to word', async () => {
    const { transport } = transportAnswering(() => jsonReply({ error: 'Unauthorized', status: 401 }, { status: 401 }));
    const res = await transport.get('events', TOKEN);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toEqual({ kind: 'http', status: 401, message: 'Unauthorized' });
  });

  it('keeps the machine code of a Qtickets error', async () => {
    const { transport } = transportAnswering(() =>
      jsonReply({ error: 'Resource "Show" not found', status: 404, code: 'RESOURCE_NOT_FOUND', info: {} }, { status: 404 }),
    );
    expect(await transport.get('shows/99/barcodes', TOKEN, {})).toEqual({
      ok: false,
      error: { kind: 'http', status: 404, message: 'Resource "Show" not found', code: 'RESOURCE_NOT_FOUND' },
    });
  });

  it('gives a generic message for an HTML 404 of an unknown route', async () => {
    const { transport } = transportAnswering(() => rawReply('<html>404</html>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    const res = await transport.get('nope', TOKEN);
    expect(res).toEqual({ ok: false, error: { kind: 'http', status: 404, message: 'HTTP 404' } });
  });

  it('reads the gateway own errors', async () => {
    const { transport } = transportAnswering(() =>
      jsonReply({ error: 'Qtickets unreachable', status: 502, code: 'UPSTREAM_UNREACHABLE' }, { status: 502 }),
    );
    const res = await transport.get('events', TOKEN);
    expect(res).toMatchObject({ ok: false, error: { kind: 'http', status: 502, code: 'UPSTREAM_UNREACHABLE' } });
  });

  it('reads Retry-After of a 429 in seconds', async () => {
    const { transport } = transportAnswering(() => jsonReply({ error: 'Too Many Requests' }, { status: 429, headers: { 'Retry-After': '30' } }));
    expect(await transport.get('events', TOKEN)).toMatchObject({ ok: false, error: { kind: 'http', status: 429, retryAfterMs: 30_000 } });
  });

  it('reads Retry-After given as an HTTP-date', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const { transport } = transportAnswering(() => rawReply('', { status: 503, headers: { 'Retry-After': at } }));
    const res = await transport.get('events', TOKEN);
    expect(res.ok).toBe(false);
    if (!res.ok && res.error.kind === 'http') {
      expect(res.error.retryAfterMs).toBeGreaterThan(55_000);
      expect(res.error.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
  });

  it('never puts the token into a message, even if the server echoes it', async () => {
    const { transport } = transportAnswering(() => jsonReply({ error: `Token ${TOKEN} revoked` }, { status: 401 }));
    const res = await transport.get('events', TOKEN);
    expect(JSON.stringify(res)).not.toContain(TOKEN);
  });
});

describe('failures without an answer', () => {
  it('maps a fetch TypeError to network', async () => {
    const { transport } = transportAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await transport.get('events', TOKEN)).toEqual({ ok: false, error: { kind: 'network', message: 'Failed to fetch' } });
  });

  it('keeps the token out of a network message', async () => {
    const { transport } = transportAnswering(() => Promise.reject(new TypeError(`bad header Bearer ${TOKEN}`)));
    expect(JSON.stringify(await transport.get('events', TOKEN))).not.toContain(TOKEN);
  });

  it('times out a fetch that never answers (and ignores its signal)', async () => {
    const { transport } = transportAnswering(() => new Promise<Response>(() => {}), 30);
    expect(await transport.get('events', TOKEN)).toEqual({ ok: false, error: { kind: 'timeout' } });
  });

  it('times out a body that never ends', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('[')) });
    const { transport } = transportAnswering(
      () => new Response(stalled, { headers: { 'X-Kontrol-Gateway': '1', 'Content-Type': 'application/json' } }),
      30,
    );
    expect(await transport.get('events', TOKEN)).toEqual({ ok: false, error: { kind: 'timeout' } });
  });

  it('takes a large answer still arriving after the timeout: the limit is on a stall, not on the whole body', async () => {
    // Ten pieces 20 ms apart: 200 ms in all against a 60 ms limit, never 60 ms without a piece.
    const pieces = ['[', ...Array.from({ length: 8 }, (_, i) => `${i},`), '8]'];
    const slow = new ReadableStream<Uint8Array>({
      async start(c) {
        for (const piece of pieces) {
          await new Promise((r) => setTimeout(r, 20));
          c.enqueue(new TextEncoder().encode(piece));
        }
        c.close();
      },
    });
    const { transport } = transportAnswering(
      () => new Response(slow, { headers: { 'X-Kontrol-Gateway': '1', 'Content-Type': 'application/json' } }),
      60,
    );
    const result = await transport.get('events', TOKEN);
    expect(result).toMatchObject({ ok: true, value: [0, 1, 2, 3, 4, 5, 6, 7, 8] });
  });

  it('reports a caller abort as aborted, not as a timeout or network error', async () => {
    const controller = new AbortController();
    const { transport } = transportAnswering(() => new Promise<Response>(() => {}));
    const pending = transport.get('events', TOKEN, undefined, { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { kind: 'aborted' } });
  });

  it('does not call fetch with an already aborted signal', async () => {
    const { transport, calls } = transportAnswering(() => jsonReply([]));
    const res = await transport.get('events', TOKEN, undefined, { signal: AbortSignal.abort() });
    expect(res).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(calls).toHaveLength(0);
  });
});
