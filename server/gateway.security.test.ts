// The gateway is not an open proxy: it forwards only /api/rest/v1/… paths to the configured host,
// survives hostile clients (traversal, absolute URLs, CONNECT, huge or slow requests, floods),
// drops cookies and hop-by-hop headers both ways, and never writes the token to its log.
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type AppOptions } from './app.ts';
import { createRateLimiter, MAX_TRACKED_CLIENTS } from './gateway-rate-limit.ts';
import { closeServer, fakeUpstream, jsonQuery, listen, request, type FakeUpstream } from './test-support.ts';

const TOKEN = 'tok-7f3a9c1e5b-SECRET';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

interface Setup {
  base: string;
  port: number;
  upstream: FakeUpstream;
  logs: string[];
}

async function setup(options: Partial<AppOptions> = {}, answer?: Parameters<typeof fakeUpstream>[0]): Promise<Setup> {
  const upstream = await fakeUpstream(answer);
  const logs: string[] = [];
  const app = createApp({ distDir: '/nonexistent-dist', upstream: upstream.base, log: (l) => logs.push(l), ...options });
  const port = await listen(app);
  cleanups.push(() => upstream.close(), () => closeServer(app));
  return { base: `http://127.0.0.1:${port}`, port, upstream, logs };
}

/** Writes raw bytes on a socket and collects everything until the server closes it (or `ms`). */
function rawExchange(port: number, chunks: string[], ms = 3000): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => chunks.forEach((c) => socket.write(c)));
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, ms);
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedByServer: true });
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      if ((err as NodeJS.ErrnoException).code === 'ECONNRESET') resolve({ text, closedByServer: true });
      else reject(err);
    });
  });
}

/** A server that must never be reached: what an open proxy would forward to. */
async function bystander(): Promise<{ port: number; hits: () => number }> {
  let hits = 0;
  const server = net.createServer((socket) => {
    hits += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port: (server.address() as net.AddressInfo).port, hits: () => hits };
}

describe('only /api/rest/v1/… reaches the configured host', () => {
  it.each([
    '/api/rest/v1/../../../etc/passwd',
    '/api/rest/v1/shows/../../v2/admin',
    '/api/rest/v1/%2e%2e/%2e%2e/admin',
    '/api/rest/v1/%2E%2E%2F%2E%2E%2Fadmin',
    '/api/rest/v1/.%2e/admin',
    '/api/rest/v1/%252e%252e/admin',
    '/api/rest/v1/events%2f..%2f..%2fadmin',
    '/api/rest/v1/events%5c..%5cadmin',
    '/api/rest/v1/events\\..\\admin',
    '/api/rest/v1/events/..;/admin',
    '/api/rest/v1/events%00.json',
    '/api/rest/v1/events%0d%0aHost:%20evil.example',
    '/api/rest/v1/%ef%bc%8e%ef%bc%8e/admin',
    '/api/rest/v1//evil.example/api',
    '/api/rest/v1/http:%2f%2fevil.example/x',
    '/api/rest/v1/http://evil.example/x',
    '/api/rest/v1/user@evil.example/x',
    '/api/rest/v1/evil.example:443/x',
    '/api/rest/v1/',
    '/api/rest/v1/events/',
  ])('refuses %s without calling upstream', async (path) => {
    const { base, upstream } = await setup();
    const res = await request(base, path, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(400);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(upstream.seen).toHaveLength(0);
  });

  it('sends a plain path to the configured base and nowhere else', async () => {
    const { base, upstream } = await setup();
    const res = await request(base, `/api/rest/v1/shows/1001/barcodes${jsonQuery({ select: ['barcode'] })}`, {
      headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(upstream.seen.map((s) => s.url)).toEqual(['/api/rest/v1/shows/1001/barcodes']);
    expect(upstream.seen[0]!.headers.host).toBe(new URL(upstream.base).host);
  });

  it.each([
    (port: number) => `GET http://127.0.0.1:${port}/api/rest/v1/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
    (port: number) => `GET http://127.0.0.1:${port}/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
    () => 'OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n',
  ])('answers an absolute-URL (proxy-style) request target with 400 and reaches nobody (%#)', async (line) => {
    const { port, upstream } = await setup();
    const other = await bystander();
    const { text } = await rawExchange(port, [line(other.port)]);
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(other.hits()).toBe(0);
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers CONNECT with 405 and opens no tunnel', async () => {
    const { port, upstream } = await setup();
    const other = await bystander();
    const { text } = await rawExchange(port, [
      `CONNECT 127.0.0.1:${other.port} HTTP/1.1\r\nHost: 127.0.0.1:${other.port}\r\n\r\n`,
      'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
    ]);
    expect(text).toMatch(/^HTTP\/1\.1 405 /);
    expect(other.hits()).toBe(0);
    expect(upstream.seen).toHaveLength(0);
  });

  it('never follows a redirect to another host', async () => {
    const other = await bystander();
    const { base } = await setup({}, (_req, res) => {
      res.writeHead(307, { Location: `http://127.0.0.1:${other.port}/steal` });
      res.end();
    });
    const res = await request(base, '/api/rest/v1/events', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(307);
    expect(res.headers.location).toBeUndefined();
    expect(other.hits()).toBe(0);
  });
});

describe('hostile sizes and speeds', () => {
  it('refuses a chunked body past the cap (128 KiB) with 413 before anything goes upstream', async () => {
    const { port, upstream } = await setup();
    const chunk = 'x'.repeat(64 * 1024);
    const chunks = [`POST /api/rest/v1/shows/1/barcodes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n`];
    for (let i = 0; i < 3; i++) chunks.push(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    chunks.push('0\r\n\r\n');
    const { text } = await rawExchange(port, chunks);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('PAYLOAD_TOO_LARGE');
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses headers past 16 KB with 431', async () => {
    const { base, upstream } = await setup();
    const res = await request(base, '/api/rest/v1/events', { headers: { 'X-Padding': 'a'.repeat(20 * 1024) } }).catch(() => null);
    // Node answers 431 and closes; some clients see only the close.
    if (res) expect(res.status).toBe(431);
    expect(upstream.seen).toHaveLength(0);
  });

  it('cuts a client that sends its headers too slowly (slowloris)', async () => {
    const { port, upstream } = await setup({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const started = Date.now();
    const { text, closedByServer } = await rawExchange(port, ['GET /api/rest/v1/events HTTP/1.1\r\nHost: x\r\nX-Slow: '], 5000);
    expect(closedByServer).toBe(true);
    expect(text === '' || /^HTTP\/1\.1 408 /.test(text)).toBe(true);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(upstream.seen).toHaveLength(0);
  });

  it('cuts a client that sends its body too slowly, and forwards nothing', async () => {
    const { port, upstream } = await setup({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const { closedByServer } = await rawExchange(
      port,
      ['POST /api/rest/v1/shows/1/barcodes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{"barcode":'],
      5000,
    );
    expect(closedByServer).toBe(true);
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('rate limit per token', () => {
  it('answers 429 with Retry-After past the burst, whatever X-Forwarded-For says', async () => {
    const { base, upstream, logs } = await setup({ rateLimit: { burst: 5, perSecond: 0.5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await request(base, '/api/rest/v1/events', { headers: { 'X-Forwarded-For': `10.0.0.${i}`, Authorization: `Bearer ${TOKEN}` } });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers['x-kontrol-gateway']).toBe('1');
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(res.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(upstream.seen).toHaveLength(5);
    await vi.waitFor(() => expect(logs.filter((l) => / 429 /.test(l))).toHaveLength(3));
  });

  it('refills over time and keeps clients apart', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 2, perSecond: 1 }, () => now);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0]);
    expect(limiter.take('a')).toBe(1000);
    expect(limiter.take('b')).toBe(0); // another device is not punished
    now = 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });

  it('stays small and fast under a flood from sprayed addresses', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 1, perSecond: 1 }, () => now);
    for (let i = 0; i < 100_000; i++) limiter.take(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    expect(limiter.tracked()).toBeLessThanOrEqual(MAX_TRACKED_CLIENTS);
    now = 10_000; // all idle again: the next newcomer clears the full buckets away
    for (let i = 0; i < MAX_TRACKED_CLIENTS; i++) limiter.take(`fresh-${i}`);
    expect(limiter.take('fresh-0')).toBeGreaterThan(0); // the newest are still remembered
  });
});

describe('headers both ways', () => {
  it('relays no cookie, hop-by-hop or server header from upstream', async () => {
    const { base } = await setup({}, (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Set-Cookie': ['october_session=abc; HttpOnly', 'XSRF-TOKEN=def'],
        Connection: 'keep-alive, X-Upstream-Secret',
        'X-Upstream-Secret': 'internal',
        'Keep-Alive': 'timeout=5',
        'Proxy-Authenticate': 'Basic realm="x"',
        'Strict-Transport-Security': 'max-age=1',
        'Access-Control-Allow-Origin': '*',
        Server: 'nginx/1.18',
        'X-Powered-By': 'PHP/8.1',
      });
      res.end('[]');
    });
    const res = await request(base, '/api/rest/v1/events', { headers: { 'Accept-Encoding': 'identity', Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    for (const name of ['set-cookie', 'x-upstream-secret', 'keep-alive', 'proxy-authenticate', 'strict-transport-security', 'access-control-allow-origin', 'server', 'x-powered-by']) {
      expect(res.headers[name], name).toBeUndefined();
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('forwards no cookie, proxy credential or hop-by-hop header to upstream', async () => {
    const { base, upstream } = await setup();
    await request(base, '/api/rest/v1/shows/1/barcodes', {
      method: 'POST',
      body: '[]',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        Cookie: 'kontrol=1',
        'Proxy-Authorization': 'Basic eDp5',
        Connection: 'keep-alive, X-Hop',
        'X-Hop': '1',
        TE: 'trailers',
        Upgrade: 'websocket',
        'X-Real-IP': '6.6.6.6',
        Forwarded: 'for=6.6.6.6;host=evil.example',
      },
    });
    const names = upstream.seen[0]!.rawHeaderNames;
    for (const name of ['cookie', 'proxy-authorization', 'x-hop', 'te', 'upgrade', 'x-real-ip', 'forwarded']) expect(names, name).not.toContain(name);
    expect(upstream.seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('the log never holds the token', () => {
  it('keeps it out of every line, whatever the request or the upstream did', async () => {
    const printed: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    }
    let calls = 0;
    const { base, port, logs } = await setup({ timeoutMs: 150, rateLimit: { burst: 10, perSecond: 0.01 } }, (req, res) => {
      calls += 1;
      if (req.url.includes('slow')) return; // never answers: 504
      if (req.url.includes('cut')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write(`{"echo":"${TOKEN}`);
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      // An upstream that echoes the credential in its error body and headers.
      res.writeHead(500, { 'Content-Type': 'application/json', 'X-Debug-Auth': req.headers.authorization ?? '' });
      res.end(JSON.stringify({ error: `bad token ${req.headers.authorization}` }));
    });
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const attempts: Promise<unknown>[] = [
      request(base, '/api/rest/v1/events', { headers: auth }),
      request(base, `/api/rest/v1/events${jsonQuery({ token: TOKEN })}`, { headers: auth }),
      request(base, `/api/rest/v1/events?token=${TOKEN}&access_token=${TOKEN}`, { headers: auth }),
      request(base, `/api/rest/v1/${TOKEN}/../events`, { headers: auth }),
      request(base, `/api/rest/v1/events%2F${TOKEN}`, { headers: auth }),
      request(base, '/api/rest/v1/shows/1/barcode/slow', { headers: auth }),
      request(base, '/api/rest/v1/shows/1/barcode/cut', { headers: auth }),
      request(base, '/api/rest/v1/shows/1/barcodes', { method: 'POST', headers: auth, body: JSON.stringify([{ barcode: TOKEN }]) }),
      request(base, '/api/rest/v1/shows/1/barcodes', { method: 'POST', headers: auth, body: Buffer.alloc(128 * 1024 + 1, 0x61) }),
      request(base, '/api/rest/v1/events', { method: 'PATCH', headers: auth }),
      request(base, '/api/rest/v1/events', { headers: { ...auth, Cookie: `token=${TOKEN}` } }),
      request(base, `/#/setup?token=${TOKEN}`, { headers: auth }),
      rawExchange(port, [`GET http://evil.example/api/rest/v1/${TOKEN} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`]),
    ];
    await Promise.all(attempts);
    // Past the burst: rate-limited requests are logged too.
    for (let i = 0; i < 3; i++) await request(base, `/api/rest/v1/events?t=${TOKEN}`, { headers: auth });
    await vi.waitFor(() => expect(logs.length).toBeGreaterThanOrEqual(13));
    expect(calls).toBeGreaterThan(0);
    expect(logs.some((l) => / 429 /.test(l))).toBe(true);
    expect(logs.some((l) => / 504 /.test(l))).toBe(true);
    for (const line of [...logs, ...printed]) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('tok-7f3a');
      expect(line).not.toMatch(/bearer/i);
    }
  });
});
