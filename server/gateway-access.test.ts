// Who gets through the gateway, and how much: a Bearer token or a local 401; only the calls the
// app makes; limits per token fingerprint (a reverse proxy puts every device behind one address)
// plus per address for requests without a token Qtickets accepted; caps on requests in flight.
// Everything refused here is refused without a single connection to Qtickets.
import http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeUpstream, jsonQuery, request, startStack, type FakeUpstream, type RawResponse, type Stack } from './test-support.ts';

const TOKEN = 'access-test-token-1';
const OTHER = 'access-test-token-2';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let upstream: FakeUpstream | null = null;
let stack: Stack | null = null;
afterEach(async () => {
  await stack?.close();
  await upstream?.close();
  stack = null;
  upstream = null;
});

async function setup(options: Parameters<typeof startStack>[0] = {}, answer?: Parameters<typeof fakeUpstream>[0]) {
  upstream = await fakeUpstream(answer);
  stack = await startStack({ upstream: upstream.base, withDemo: false, ...options });
  return { upstream, stack };
}

/** An upstream that lets Qtickets' own token check decide: only these tokens are valid. */
const acceptsOnly = (...tokens: string[]) => (req: { headers: http.IncomingHttpHeaders }, res: http.ServerResponse) => {
  const ok = tokens.some((t) => req.headers.authorization === `Bearer ${t}`);
  res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
  res.end(ok ? '{"ok":true}' : '{"error":"Unauthorized","status":401}');
};

describe('a request without a Bearer token', () => {
  it.each([
    ['no Authorization', {}],
    ['an empty one', { Authorization: '' }],
    ['Basic credentials', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ['a bare "Bearer"', { Authorization: 'Bearer' }],
    ['"Bearer" and blanks', { Authorization: 'Bearer    ' }],
    ['the token without a scheme', { Authorization: TOKEN }],
  ])('with %s is answered 401 here, and Qtickets is never contacted', async (_what, headers) => {
    const { upstream, stack } = await setup();
    const res = await request(stack.base, `/api/rest/v1/events${jsonQuery({ page: 1 })}`, { headers });
    expect(res.status).toBe(401);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(upstream.connections()).toBe(0);
  });

  it('a POST without one is answered 401 too, its body unread by anyone', async () => {
    const { upstream, stack } = await setup();
    const res = await request(stack.base, '/api/rest/v1/shows/1/barcodes', { method: 'POST', body: '[]' });
    expect(res.status).toBe(401);
    expect(upstream.connections()).toBe(0);
  });
});

describe('only the calls the app makes', () => {
  it.each([
    ['GET', 'events'],
    ['GET', 'shows/1001/barcodes'],
    ['POST', 'shows/1001/barcodes'],
    ['GET', 'shows/1001/barcode/875196723453'],
    ['POST', 'shows/1001/barcode/875196723453'],
  ])('%s %s is forwarded', async (method, path) => {
    const { upstream, stack } = await setup();
    const res = await request(stack.base, `/api/rest/v1/${path}`, { method, headers: bearer(TOKEN), ...(method === 'POST' ? { body: '[]' } : {}) });
    expect(res.status).toBe(200);
    expect(upstream.seen.map((s) => `${s.method} ${s.url}`)).toEqual([`${method} /api/rest/v1/${path}`]);
  });

  it.each([
    ['PUT', 'shows/1001/barcodes', 'GET, POST'],
    ['DELETE', 'shows/1001/barcodes', 'GET, POST'],
    ['DELETE', 'shows/1001/barcode/875196723453', 'GET, POST'],
    ['PATCH', 'shows/1001/barcode/875196723453', 'GET, POST'],
    ['POST', 'events', 'GET'],
    ['PUT', 'events', 'GET'],
    ['DELETE', 'events', 'GET'],
    ['HEAD', 'events', 'GET'],
    ['OPTIONS', 'shows/1001/barcodes', 'GET, POST'],
  ])('%s %s is refused with 405 here (Allow: %s)', async (method, path, allow) => {
    const { upstream, stack } = await setup();
    const res = await request(stack.base, `/api/rest/v1/${path}`, { method, headers: bearer(TOKEN), body: '[]' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    if (method !== 'HEAD') expect(res.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    expect(upstream.connections()).toBe(0);
  });

  it.each([
    'orders',
    'orders/4360',
    'clients',
    'events/101',
    'shows/1001/seats',
    'shows/1001',
    'shows/abc/barcodes',
    'shows/1001/barcodes/extra',
    'shows/1001/barcode',
    'shows/1001/barcode/87/extra',
    'promo-codes',
  ])('%s is not found here, whatever the method', async (path) => {
    const { upstream, stack } = await setup();
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      const res = await request(stack.base, `/api/rest/v1/${path}`, { method, headers: bearer(TOKEN), body: method === 'GET' ? undefined : '{}' });
      expect(res.status, method).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
    expect(upstream.connections()).toBe(0);
  });
});

describe('rate limits', () => {
  const statuses = async (calls: (() => Promise<RawResponse>)[]) => {
    const out: number[] = [];
    for (const call of calls) out.push((await call()).status);
    return out;
  };

  it('are kept per token: two tokens from one address have a bucket each', async () => {
    const { stack } = await setup({ rateLimit: { burst: 2, perSecond: 0.01 } });
    const get = (token: string) => () => request(stack.base, '/api/rest/v1/events', { headers: bearer(token) });
    expect(await statuses([get(TOKEN), get(TOKEN), get(TOKEN), get(OTHER), get(OTHER), get(OTHER)])).toEqual([200, 200, 429, 200, 200, 429]);
    const limited = await get(TOKEN)();
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('without TRUST_PROXY, X-Forwarded-For does not separate clients without a token', async () => {
    const { stack } = await setup({ addressRateLimit: { burst: 2, perSecond: 0.01 } });
    const anonymous = (xff: string) => () => request(stack.base, '/api/rest/v1/events', { headers: { 'X-Forwarded-For': xff } });
    expect(await statuses([anonymous('10.0.0.1'), anonymous('10.0.0.1'), anonymous('10.0.0.2'), anonymous('10.0.0.3')])).toEqual([401, 401, 429, 429]);
  });

  it('with TRUST_PROXY=1, X-Forwarded-For (the last hop) separates clients without a token', async () => {
    const { stack } = await setup({ addressRateLimit: { burst: 2, perSecond: 0.01 }, trustProxy: 1 });
    const anonymous = (xff: string) => () => request(stack.base, '/api/rest/v1/events', { headers: { 'X-Forwarded-For': xff } });
    expect(
      await statuses([
        anonymous('10.0.0.1'),
        anonymous('10.0.0.1'),
        anonymous('10.0.0.1'),
        anonymous('10.0.0.2'),
        // A client writing its own X-Forwarded-For: the proxy appends the address it saw, and that one counts.
        anonymous('10.0.0.2, 10.0.0.1'),
        anonymous('6.6.6.6, 10.0.0.2'),
      ]),
    ).toEqual([401, 401, 429, 401, 429, 401]);
  });

  it('made-up tokens are charged to their address; a token Qtickets accepted is not held back by them', async () => {
    const { upstream, stack } = await setup({ addressRateLimit: { burst: 3, perSecond: 0.01 } }, acceptsOnly(TOKEN));
    const get = (token: string) => () => request(stack.base, '/api/rest/v1/events', { headers: bearer(token) });
    // The real token's first call is unverified too (one charge), then it is known good.
    expect(await statuses([get(TOKEN), get('guess-1'), get('guess-2'), get('guess-3'), get('guess-4')])).toEqual([200, 401, 401, 429, 429]);
    expect(upstream.seen).toHaveLength(3); // the refused guesses never reached Qtickets
    expect(await statuses([get(TOKEN), get(TOKEN)])).toEqual([200, 200]);
  });

  it('a token Qtickets stops accepting is charged to its address again', async () => {
    let valid = true;
    const { stack } = await setup({ addressRateLimit: { burst: 2, perSecond: 0.01 } }, (req, res) => acceptsOnly(valid ? TOKEN : '-')(req, res));
    const get = () => request(stack.base, '/api/rest/v1/events', { headers: bearer(TOKEN) });
    expect(await statuses([get, get, get, get])).toEqual([200, 200, 200, 200]); // one charge, then trusted
    valid = false;
    expect(await statuses([get, get, get])).toEqual([401, 401, 429]);
  });
});

describe('requests in flight', () => {
  /** An upstream that holds every answer until `releaseAll`. */
  function holdingUpstream() {
    const held: http.ServerResponse[] = [];
    return {
      answer: (_req: unknown, res: http.ServerResponse) => void held.push(res),
      held: () => held.length,
      releaseAll() {
        for (const res of held.splice(0)) {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"ok":true}');
        }
      },
    };
  }

  it('are capped per token (429) and for everybody (503), with Retry-After, and free again once answered', async () => {
    const hold = holdingUpstream();
    const { stack, upstream } = await setup({ maxInFlightPerToken: 2, maxInFlight: 3 }, hold.answer);
    const get = (token: string) => request(stack.base, '/api/rest/v1/events', { headers: bearer(token) });
    const first = [get(TOKEN), get(TOKEN)];
    await expect.poll(() => hold.held()).toBe(2);

    const perToken = await get(TOKEN);
    expect(perToken.status).toBe(429);
    expect(perToken.json()).toMatchObject({ status: 429, code: 'TOO_MANY_IN_FLIGHT' });
    expect(perToken.headers['retry-after']).toBe('1');

    const other = get(OTHER); // another token still has room: the third request in flight
    await expect.poll(() => hold.held()).toBe(3);
    const busy = await get('access-test-token-3');
    expect(busy.status).toBe(503);
    expect(busy.json()).toMatchObject({ status: 503, code: 'GATEWAY_BUSY' });
    expect(busy.headers['retry-after']).toBe('1');
    expect(upstream.seen).toHaveLength(3);

    hold.releaseAll();
    expect((await Promise.all([...first, other])).map((r) => r.status)).toEqual([200, 200, 200]);
    const again = get(TOKEN);
    await expect.poll(() => hold.held()).toBe(1);
    hold.releaseAll();
    expect((await again).status).toBe(200);
  });

  it('a request the client abandons frees its slot', async () => {
    const hold = holdingUpstream();
    const { stack } = await setup({ maxInFlightPerToken: 1 }, hold.answer);
    const url = new URL(stack.base);
    const abandoned = http.request({ hostname: url.hostname, port: url.port, path: '/api/rest/v1/events', headers: bearer(TOKEN), agent: false });
    abandoned.on('error', () => {});
    abandoned.end();
    await expect.poll(() => hold.held()).toBe(1);
    expect((await request(stack.base, '/api/rest/v1/events', { headers: bearer(TOKEN) })).status).toBe(429);
    abandoned.destroy();
    await vi.waitFor(() => expect(stack.logs.some((l) => l.endsWith('(aborted)'))).toBe(true));
    const next = request(stack.base, '/api/rest/v1/events', { headers: bearer(TOKEN) });
    await expect.poll(() => hold.held()).toBe(2);
    hold.releaseAll();
    expect((await next).status).toBe(200);
  });
});
