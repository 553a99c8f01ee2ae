// The hub's protocol over HTTP, against the embedded demo Qtickets, with each store: in memory and
// in a real redis-server.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test-support.ts';
import { spawnRedis, type RedisProcess } from './spawn-redis.ts';
import { openSse, type SseClient } from './sse-client.ts';
import { admit, DEMO_TOKEN, get, heartbeatBody, post, scan } from './test-helpers.ts';

let redis: RedisProcess | null = null;
beforeAll(async () => {
  redis = await spawnRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const clients: SseClient[] = [];
let stack: Stack | null = null;
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stack?.close();
  stack = null;
});

async function listen(base: string, shows: string, lastEventId?: string, token = DEMO_TOKEN): Promise<SseClient> {
  const client = await openSse(base, `/hub/v1/events?shows=${shows}`, { token, lastEventId });
  clients.push(client);
  return client;
}

const codes = (client: SseClient, kind = 'admission') => client.of(kind).map((f) => JSON.parse(f.data).code as string);

describe.each(['memory', 'redis'] as const)('venue hub protocol (%s store)', (kind) => {
  async function start(extra: Parameters<typeof startStack>[0] = {}): Promise<Stack> {
    let redisUrl: string | undefined;
    if (kind === 'redis') {
      redisUrl = redis!.url;
      const flush = new Redis(redisUrl);
      await flush.flushall();
      flush.disconnect();
    }
    stack = await startStack({ redisUrl, ...extra, hub: { pingMs: 100, ...extra.hub } });
    return stack;
  }

  it('opens a stream: SSE headers with the gateway marker, retry 2000, the start id at once, pings', async () => {
    const { base } = await start();
    const device = await listen(base, '1001');
    expect(device.status).toBe(200);
    expect(device.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(device.headers['x-kontrol-gateway']).toBe('1');
    expect(device.headers['cache-control']).toBe('no-store, no-transform');
    expect(device.headers['x-content-type-options']).toBe('nosniff');
    expect(device.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    await device.until(() => device.retry === 2000 && device.lastEventId === '0-0', 'retry and the start id');
    await device.until(() => device.comments.includes('ping'), 'a ping');
    expect(device.frames).toEqual([]);
  });

  it("sends an admission to every device of the show with the door's name, and not to other shows", async () => {
    const { base } = await start();
    const door5 = await listen(base, '1001');
    const door7 = await listen(base, '1001,1003');
    const otherShow = await listen(base, '1002');
    await door5.until(() => door5.retry !== null, 'the stream to open');
    const res = await admit(base, [{ showId: 1001, code: '875196723453', checkedAt: '2026-12-29T19:03:12+03:00', nonce: 'scan-1' }]);
    expect(res.status).toBe(200);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    const { ids } = res.json<{ ids: string[] }>();
    expect(ids).toHaveLength(1);
    await door5.until(() => door5.of('admission').length === 1, 'the admission on door 5');
    await door7.until(() => door7.of('admission').length === 1, 'the admission on door 7');
    const frame = door5.of('admission')[0]!;
    expect(frame.id).toBe(ids[0]);
    expect(JSON.parse(frame.data)).toEqual({
      showId: 1001,
      code: '875196723453',
      checkedAt: '2026-12-29T19:03:12+03:00',
      deviceId: 'door-2',
      deviceName: 'Вход 2',
      nonce: 'scan-1',
    });
    await admit(base, [scan(1002, '870000001002')]);
    await otherShow.until(() => otherShow.of('admission').length === 1, 'the show 1002 admission');
    expect(codes(otherShow)).toEqual(['870000001002']);
    expect(codes(door5)).toEqual(['875196723453']);
  });

  it('resumes with Last-Event-ID: everything missed, in order, exactly once, then live', async () => {
    const { base } = await start();
    const first = await listen(base, '1001');
    await admit(base, [scan(1001, 'seen-before')]);
    await first.until(() => first.of('admission').length === 1, 'the first admission');
    const resumeFrom = first.lastEventId;
    first.close();

    // Offline: three admissions of the show (one batch of two, one alone), one of another show.
    await admit(base, [scan(1001, 'missed-1'), scan(1001, 'missed-2')]);
    await admit(base, [scan(1002, 'other-show')]);
    await admit(base, [scan(1001, 'missed-3')]);

    // Back online while admissions keep coming: the replay and the live feed must not overlap or gap.
    const during = (async () => {
      for (let i = 1; i <= 20; i++) await admit(base, [scan(1001, `during-${i}`)]);
    })();
    const back = await listen(base, '1001', resumeFrom);
    await during;
    const expected = ['missed-1', 'missed-2', 'missed-3', ...Array.from({ length: 20 }, (_, i) => `during-${i + 1}`)];
    await back.until(() => back.of('admission').length >= expected.length, 'the missed and the live admissions');
    await admit(base, [scan(1001, 'after')]);
    await back.until(() => back.of('admission').length >= expected.length + 1, 'the next live admission');
    await new Promise((r) => setTimeout(r, 100));
    expect(codes(back)).toEqual([...expected, 'after']);
    const ids = back.of('admission').map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes a retried POST once: the same nonce gets the same id and no second event', async () => {
    const { base } = await start();
    const device = await listen(base, '1001');
    await device.until(() => device.retry !== null, 'the stream to open');
    const items = [scan(1001, 'twice-sent', 'nonce-a'), scan(1001, 'also', 'nonce-b')];
    const one = (await admit(base, items)).json<{ ids: string[] }>().ids;
    const two = (await admit(base, [items[1]!, items[0]!])).json<{ ids: string[] }>().ids;
    expect(two).toEqual([one[1], one[0]]);
    await admit(base, [scan(1001, 'marker')]);
    await device.until(() => codes(device).includes('marker'), 'the marker');
    expect(codes(device)).toEqual(['twice-sent', 'also', 'marker']);
  });

  it('stores heartbeats, sends them as event: device to the devices of those shows, and lists them', async () => {
    const { base } = await start();
    const supervisor = await listen(base, '1001');
    const elsewhere = await listen(base, '1003');
    await supervisor.until(() => supervisor.retry !== null, 'the stream to open');
    const before = Date.now();
    const res = await post(base, '/hub/v1/heartbeat', heartbeatBody('door-2', [1001, 1002]));
    expect(res.status).toBe(204);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    await supervisor.until(() => supervisor.of('device').length === 1, 'the device event');
    const frame = supervisor.of('device')[0]!;
    expect(frame.id).toBeNull(); // heartbeats do not move the resume point
    const seen = JSON.parse(frame.data);
    expect(seen).toMatchObject({ ...heartbeatBody('door-2', [1001, 1002]), deviceName: 'Вход door-2' });
    expect(seen.lastSeenAt).toBeGreaterThanOrEqual(before);

    const listed = await get(base, '/hub/v1/devices?shows=1002');
    expect(listed.status).toBe(200);
    expect(listed.json()).toEqual({ devices: [seen] });
    expect((await get(base, '/hub/v1/devices?shows=1003')).json()).toEqual({ devices: [] });
    await post(base, '/hub/v1/heartbeat', heartbeatBody('door-3', [1003]));
    await elsewhere.until(() => elsewhere.of('device').length === 1, 'the door-3 heartbeat');
    expect(JSON.parse(elsewhere.of('device')[0]!.data).deviceId).toBe('door-3');
    expect(supervisor.of('device')).toHaveLength(1);
  });

  it('refuses without a usable token: none, wrong, or only in the URL → 401; a show it cannot read → 403', async () => {
    const { base } = await start();
    const listener = await listen(base, '1001');
    await listener.until(() => listener.retry !== null, 'the stream to open');
    for (const token of [null, 'wrong-token']) {
      for (const res of [
        await get(base, '/hub/v1/events?shows=1001', token),
        await admit(base, [scan(1001, 'sneaky')], undefined, token ?? ''),
        await post(base, '/hub/v1/heartbeat', heartbeatBody('x', [1001]), token),
        await get(base, '/hub/v1/devices?shows=1001', token),
      ]) {
        expect(res.status).toBe(401);
        expect(res.headers['x-kontrol-gateway']).toBe('1');
        expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
      }
    }
    const inUrl = await get(base, `/hub/v1/events?shows=1001&token=${DEMO_TOKEN}&access_token=${DEMO_TOKEN}`, null);
    expect(inUrl.status).toBe(401);

    // 1007 belongs to a deleted event the token cannot list; 999999 to nobody.
    for (const res of [
      await get(base, '/hub/v1/events?shows=1001,1007'),
      await admit(base, [scan(1001, 'fine'), scan(999999, 'not-yours')]),
      await post(base, '/hub/v1/heartbeat', heartbeatBody('x', [999999])),
      await get(base, '/hub/v1/devices?shows=999999'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    }
    await admit(base, [scan(1001, 'marker')]);
    await listener.until(() => codes(listener).includes('marker'), 'the marker');
    expect(codes(listener)).toEqual(['marker']); // nothing refused reached a room
    expect(listener.of('device')).toEqual([]);
  });

  it('refuses what the protocol does not allow: routes, methods, bodies', async () => {
    const { base } = await start();
    const tooMany = Array.from({ length: 501 }, (_, i) => scan(1001, `c${i}`));
    const cases: [Promise<{ status: number; json<T>(): T }>, number, string][] = [
      [get(base, '/hub/v1/nothing'), 404, 'NOT_FOUND'],
      [get(base, '/hub/v1/constructor'), 404, 'NOT_FOUND'],
      [get(base, '/hub/v1/admissions'), 405, 'METHOD_NOT_ALLOWED'],
      [post(base, '/hub/v1/events', {}), 405, 'METHOD_NOT_ALLOWED'],
      [admit(base, tooMany), 400, 'BAD_REQUEST'],
      [post(base, '/hub/v1/admissions', '{"deviceId":'), 400, 'BAD_REQUEST'],
      [post(base, '/hub/v1/admissions', { deviceId: 'd', deviceName: 'n', items: [{ showId: 1001, code: 'c', checkedAt: 'yesterday', nonce: 'n' }] }), 400, 'BAD_REQUEST'],
      [post(base, '/hub/v1/admissions', { deviceId: 'd', deviceName: 'n', items: 'x'.repeat(130 * 1024) }), 413, 'PAYLOAD_TOO_LARGE'],
      [post(base, '/hub/v1/heartbeat', { ...heartbeatBody('d', [1001]), pending: -1 }), 400, 'BAD_REQUEST'],
      [get(base, '/hub/v1/events'), 400, 'BAD_REQUEST'],
      [get(base, '/hub/v1/events?shows=10a1'), 400, 'BAD_REQUEST'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect([res.status, res.json<{ code: string }>().code]).toEqual([status, code]);
    }
    const ok = await admit(base, Array.from({ length: 500 }, (_, i) => scan(1001, `c${i}`)));
    expect(ok.json<{ ids: string[] }>().ids).toHaveLength(500);
  });

  it('logs a stream as one line when it ends, and never the token', async () => {
    const { base } = await start();
    const device = await listen(base, '1001');
    await device.until(() => device.retry !== null, 'the stream to open');
    expect(stack!.logs.some((l) => l.startsWith('GET /hub/v1/events'))).toBe(false); // still open
    device.close();
    await device.ended;
    await new Promise((r) => setTimeout(r, 50));
    expect(stack!.logs.some((l) => /^GET \/hub\/v1\/events 200 \d+ms/.test(l))).toBe(true);
    await get(base, `/hub/v1/events?shows=1001&x=${DEMO_TOKEN}`, 'another-secret-token');
    expect(stack!.logs.join('\n')).not.toMatch(/demo-kontrol-token|another-secret-token/);
  });
});

describe('venue hub streams and the app server', () => {
  it("outlive the app server's slow-client timeouts (they are for receiving requests, not for answers)", async () => {
    stack = await startStack({ requestTimeoutMs: 400, headersTimeoutMs: 200, hub: { pingMs: 100 } });
    const device = await listen(stack.base, '1001');
    let ended = false;
    void device.ended.then(() => (ended = true));
    await new Promise((r) => setTimeout(r, 1500));
    expect(ended).toBe(false);
    expect(device.comments.filter((c) => c === 'ping').length).toBeGreaterThanOrEqual(5);
    await admit(stack.base, [scan(1001, 'still-there')]);
    await device.until(() => codes(device).includes('still-there'), 'an admission after the timeouts');
  });
});

describe('venue hub and Qtickets', () => {
  it('answers 503 with Retry-After when Qtickets cannot check a token it has not seen', async () => {
    stack = await startStack({ withDemo: false, upstream: 'http://127.0.0.1:9/api/rest/v1' });
    const res = await get(stack.base, '/hub/v1/events?shows=1001');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ status: 503, code: 'UPSTREAM_UNREACHABLE' });
  });

  it('keeps a token it checked working while Qtickets is down', async () => {
    stack = await startStack({ hub: { tokenCheck: { freshMs: 0 } } });
    expect((await admit(stack.base, [scan(1001, 'while-up')])).status).toBe(200);
    await stack.demo!.close();
    const res = await admit(stack.base, [scan(1001, 'while-down')]);
    expect(res.status).toBe(200);
  });
});
