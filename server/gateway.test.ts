import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, fakeUpstream, jsonQuery, listen, request as rawRequest, startStack, type FakeUpstream, type Stack } from './test-support.ts';

const TOKEN = 'secret-token-ABC123';
/** Every call carries a Bearer token (the gateway answers 401 itself without one) unless a test sets its own. */
const request: typeof rawRequest = (base, path, options = {}) =>
  rawRequest(base, path, { ...options, headers: { Authorization: `Bearer ${TOKEN}`, ...options.headers } });
let upstream: FakeUpstream | null = null;
let stack: Stack | null = null;

afterEach(async () => {
  await stack?.close();
  await upstream?.close();
  stack = null;
  upstream = null;
});

async function withUpstream(answer?: Parameters<typeof fakeUpstream>[0], timeoutMs?: number) {
  upstream = await fakeUpstream(answer);
  stack = await startStack({ upstream: upstream.base, withDemo: false, timeoutMs });
  return { upstream, stack };
}

describe('gateway request translation', () => {
  it('moves ?json= into a GET body and drops every other query parameter', async () => {
    const { upstream, stack } = await withUpstream();
    const params = { where: [{ column: 'deleted_at', operator: 'null' }], page: 2, note: 'Щелкунчик & co' };
    const res = await request(stack.base, `/api/rest/v1/events${jsonQuery(params)}&page=9&token=x`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(upstream.seen).toHaveLength(1);
    const seen = upstream.seen[0]!;
    expect(seen.method).toBe('GET');
    expect(seen.url).toBe('/api/rest/v1/events');
    expect(JSON.parse(seen.body)).toEqual(params);
    expect(seen.headers['content-type']).toBe('application/json');
    expect(Number(seen.headers['content-length'])).toBe(Buffer.byteLength(seen.body));
  });

  it('sends a GET without json with no body', async () => {
    const { upstream, stack } = await withUpstream();
    await request(stack.base, '/api/rest/v1/shows/1240/barcode/871495495233?select=x');
    const seen = upstream.seen[0]!;
    expect(seen.url).toBe('/api/rest/v1/shows/1240/barcode/871495495233');
    expect(seen.body).toBe('');
    expect(seen.headers['content-type']).toBeUndefined();
    expect(seen.headers['content-length']).toBeUndefined();
  });

  it('answers 400 BAD_REQUEST for a json parameter that is not JSON, without calling upstream', async () => {
    const { upstream, stack } = await withUpstream();
    const res = await request(stack.base, '/api/rest/v1/events?json=%7Bnope');
    expect(res.status).toBe(400);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(res.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(upstream.seen).toHaveLength(0);
  });

  it('forwards the two check-in POSTs with the same method and body', async () => {
    const { upstream, stack } = await withUpstream();
    const batch = JSON.stringify([{ barcode: '871495495233', checked_at: '2026-12-29T19:03:12+03:00' }]);
    const single = JSON.stringify({ checked_at: '2026-12-29T19:03:12+03:00' });
    for (const [path, body] of [['shows/1001/barcodes?json=ignored', batch], ['shows/1001/barcode/871495495233', single]] as const) {
      const res = await request(stack.base, `/api/rest/v1/${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
      expect(res.status).toBe(200);
    }
    expect(upstream.seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/api/rest/v1/shows/1001/barcodes', batch],
      ['POST', '/api/rest/v1/shows/1001/barcode/871495495233', single],
    ]);
  });

  it('forwards only its own headers plus Authorization: no cookies, host, forwarding or hop-by-hop', async () => {
    const { upstream, stack } = await withUpstream();
    await request(stack.base, `/api/rest/v1/events${jsonQuery({ page: 1 })}`, {
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        Cookie: 'session=s3cr3t',
        'X-Forwarded-For': '10.0.0.1',
        'X-Forwarded-Host': 'evil.example',
        Connection: 'keep-alive, X-Custom',
        'X-Custom': 'hop',
        'Proxy-Authorization': 'Basic Zm9vOmJhcg==',
        Origin: 'http://localhost',
        Referer: 'http://localhost/#/setup?token=x',
        'Accept-Language': 'ru',
      },
    });
    const seen = upstream.seen[0]!;
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers['cache-control']).toBe('no-cache');
    expect(seen.headers['user-agent']).toBe('Kontrol-gateway');
    // Host is set by Node for the upstream itself, never copied from the browser.
    expect(seen.headers.host).toBe(new URL(upstream.base).host);
    const allowed = ['accept', 'cache-control', 'user-agent', 'authorization', 'content-type', 'content-length', 'host', 'connection'];
    expect(seen.rawHeaderNames.filter((h) => !allowed.includes(h))).toEqual([]);
  });

  it('passes the Authorization header through unchanged', async () => {
    const { upstream, stack } = await withUpstream();
    await request(stack.base, '/api/rest/v1/events', { headers: { Authorization: 'Bearer  odd value ' } });
    expect(upstream.seen[0]!.headers.authorization).toBe('Bearer  odd value');
  });

  it('forwards a 1,000-record batch and refuses a body past 128 KiB with 413', async () => {
    const { upstream, stack } = await withUpstream();
    const records = Array.from({ length: 1000 }, (_, i) => ({ barcode: `87${String(i).padStart(10, '0')}`, checked_at: '2026-12-29T19:03:12+03:00' }));
    const pretty = JSON.stringify(records, null, 2);
    const ok = await request(stack.base, '/api/rest/v1/shows/1/barcodes', { method: 'POST', body: pretty });
    expect(ok.status).toBe(200);
    expect(upstream.seen[0]!.body).toBe(pretty);
    const res = await request(stack.base, '/api/rest/v1/shows/1/barcodes', {
      method: 'POST',
      body: Buffer.alloc(128 * 1024 + 1, 0x20),
    });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(upstream.seen).toHaveLength(1);
  });

  it.each(['HEAD', 'OPTIONS', 'PATCH', 'TRACE'])('answers %s with 405', async (method) => {
    const { upstream, stack } = await withUpstream();
    const res = await request(stack.base, '/api/rest/v1/events', { method });
    expect(res.status).toBe(405);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('gateway path safety', () => {
  it.each([
    '/api/rest/v1/../../etc/passwd',
    '/api/rest/v1/events/../../../admin',
    '/api/rest/v1/%2e%2e/%2e%2e/admin',
    '/api/rest/v1/events%2f..%2f..%2fadmin',
    '/api/rest/v1/events\\..\\admin',
    '/api/rest/v1//evil.example/x',
    '/api/rest/v1/@evil.example/x',
    '/api/rest/v1/evil.example:80/x',
    '/api/rest/v1/./events',
    '/api/rest/v1/%65vents',
  ])('rejects %s with 400 and never reaches upstream', async (path) => {
    const { upstream, stack } = await withUpstream();
    const res = await request(stack.base, path);
    expect(res.status).toBe(400);
    expect(upstream.seen).toHaveLength(0);
  });

  it('does not forward API paths outside /api/rest/v1/', async () => {
    const { upstream, stack } = await withUpstream();
    const res = await request(stack.base, '/api/rest/v2/events');
    expect(res.status).toBe(404);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers CONNECT with 405 instead of tunnelling', async () => {
    const { upstream, stack } = await withUpstream();
    const answer = await new Promise<string>((resolve, reject) => {
      const url = new URL(stack.base);
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write('CONNECT qtickets.ru:443 HTTP/1.1\r\nHost: qtickets.ru:443\r\n\r\n');
      });
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer).toContain('X-Kontrol-Gateway: 1');
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('gateway responses', () => {
  it('relays status and safe headers, drops cookies and redirects targets, marks the answer', async () => {
    const { stack } = await withUpstream((_req, res) => {
      res.writeHead(302, {
        Location: 'https://evil.example/',
        'Set-Cookie': 'a=b',
        'Content-Type': 'application/json',
        'Retry-After': '7',
        Server: 'nginx',
        'X-Powered-By': 'PHP',
      });
      res.end('{}');
    });
    const res = await request(stack.base, '/api/rest/v1/events');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers.server).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['retry-after']).toBe('7');
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps an upstream Cache-Control and passes error statuses through untouched', async () => {
    const { stack } = await withUpstream((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
      res.end('{"error":"Unknown error","status":503,"code":"UNKNOWN_ERROR"}');
    });
    const res = await request(stack.base, '/api/rest/v1/events');
    expect(res.status).toBe(503);
    expect(res.headers['cache-control']).toBe('no-cache, private');
    expect(res.json()).toEqual({ error: 'Unknown error', status: 503, code: 'UNKNOWN_ERROR' });
    expect(res.headers['x-kontrol-gateway']).toBe('1');
  });

  it('answers 502 UPSTREAM_UNREACHABLE when nothing listens upstream', async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await closeServer(closed);
    stack = await startStack({ upstream: `http://127.0.0.1:${port}/api/rest/v1`, withDemo: false });
    const res = await request(stack.base, '/api/rest/v1/events');
    expect(res.status).toBe(502);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(res.json()).toMatchObject({ status: 502, code: 'UPSTREAM_UNREACHABLE' });
  });

  it('answers 504 UPSTREAM_TIMEOUT when upstream sends no headers in time', async () => {
    const { stack } = await withUpstream(() => {
      /* never answers */
    }, 300);
    const started = Date.now();
    const res = await request(stack.base, '/api/rest/v1/events');
    expect(res.status).toBe(504);
    expect(res.json()).toMatchObject({ status: 504, code: 'UPSTREAM_TIMEOUT' });
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('breaks the client response when upstream dies mid-body', async () => {
    const { stack } = await withUpstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      res.write('[{"barcode":"871111111111"},');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    for (const encoding of ['identity', 'gzip']) {
      const res = await request(stack.base, '/api/rest/v1/shows/1/barcodes', { headers: { 'Accept-Encoding': encoding } });
      expect(res.status).toBe(200);
      expect(res.complete).toBe(false);
    }
  });

  it('passes an upstream content-encoding through as is', async () => {
    const payload = JSON.stringify({ data: 'x'.repeat(5000) });
    const { stack } = await withUpstream((req, res) => {
      const gz = zlib.gzipSync(payload);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': gz.length });
      res.end(gz);
      void req;
    });
    const res = await request(stack.base, '/api/rest/v1/events', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text()).toBe(payload);
    expect(upstream!.seen[0]!.headers['accept-encoding']).toBe('gzip');
  });

  it('compresses identity answers for the client and leaves them plain when not accepted', async () => {
    const payload = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ barcode: `87${String(i).padStart(10, '0')}` })));
    const { stack } = await withUpstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(payload);
    });
    const both = await request(stack.base, '/api/rest/v1/shows/1/barcodes', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(both.headers['content-encoding']).toBe('gzip'); // cheaper to stream than brotli
    expect(both.text()).toBe(payload);
    const br = await request(stack.base, '/api/rest/v1/shows/1/barcodes', { headers: { 'Accept-Encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.raw.length).toBeLessThan(payload.length / 3);
    expect(br.text()).toBe(payload);
    const gz = await request(stack.base, '/api/rest/v1/shows/1/barcodes', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text()).toBe(payload);
    const plain = await request(stack.base, '/api/rest/v1/shows/1/barcodes', { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.toString()).toBe(payload);
  });

  it('streams a compressed answer without piling close listeners on the response (no MaxListenersExceededWarning)', async () => {
    const { stack } = await withUpstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: 'x'.repeat(50_000) }));
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      for (const encoding of ['gzip', 'br', 'identity']) {
        expect((await request(stack.base, '/api/rest/v1/events', { headers: { 'Accept-Encoding': encoding } })).status).toBe(200);
      }
      await new Promise((resolve) => setTimeout(resolve, 20)); // warnings are emitted on a later tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('logs one line per request with method, path, status and ms, never the token or the query', async () => {
    const { stack } = await withUpstream();
    await request(stack.base, `/api/rest/v1/events${jsonQuery({ where: [{ column: 'id', value: TOKEN }] })}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    await request(stack.base, '/api/rest/v1/../x', { headers: { Authorization: `Bearer ${TOKEN}` } });
    await new Promise((r) => setTimeout(r, 20));
    expect(stack.logs).toHaveLength(2);
    expect(stack.logs[0]).toMatch(/^GET \/api\/rest\/v1\/events 200 \d+ms$/);
    expect(stack.logs[1]).toMatch(/^GET \S+ 400 \d+ms$/);
    for (const line of stack.logs) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('Bearer');
      expect(line).not.toContain('json=');
    }
  });
});
