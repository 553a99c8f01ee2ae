// What gets through the gateway: only the calls the app makes. Everything refused here is
// refused without a single connection to Qtickets.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeUpstream, request, startStack, type FakeUpstream, type Stack } from './test-support.ts';

const TOKEN = 'access-test-token-1';
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
