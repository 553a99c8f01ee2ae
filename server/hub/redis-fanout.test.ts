// Two app servers behind one load balancer, sharing the hub through one redis-server: a device on
// server B learns of an admission made on server A within a second, and so on for every kind.
import { createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { request, startStack, type Stack } from '../test-support.ts';
import { spawnRedis, type RedisProcess } from './spawn-redis.ts';
import { openSse, type SseClient } from './sse-client.ts';
import { admit, get, heartbeatBody, post, scan } from './test-helpers.ts';

const SECRET = 'fanout-secret';
let redis: RedisProcess;
beforeAll(async () => {
  redis = await spawnRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const stacks: Stack[] = [];
const clients: SseClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(stacks.splice(0).map((s) => s.close()));
});

async function twoServers(): Promise<[string, string]> {
  const flush = new Redis(redis.url); // every test starts from an empty hub
  await flush.flushall();
  flush.disconnect();
  for (let i = 0; i < 2; i++) stacks.push(await startStack({ redisUrl: redis.url, webhookSecret: SECRET }));
  return [stacks[0]!.base, stacks[1]!.base];
}

async function listen(base: string, lastEventId?: string) {
  const c = await openSse(base, '/hub/v1/events?shows=1001', { token: 'demo-kontrol-token', lastEventId });
  clients.push(c);
  await c.until(() => c.retry !== null, 'the stream to open');
  return c;
}

describe('hub fan-out through Redis', () => {
  it('an admission on server A reaches a stream on server B within a second', async () => {
    const [a, b] = await twoServers();
    const onB = await listen(b);
    const sentAt = performance.now();
    const res = await admit(a, [scan(1001, '875196723453')]);
    expect(res.status).toBe(200);
    await onB.until(() => onB.of('admission').length === 1, 'the admission on B', 1000);
    const frame = onB.of('admission')[0]!;
    expect(frame.at - sentAt).toBeLessThan(1000);
    expect(frame.id).toBe(res.json<{ ids: string[] }>().ids[0]);
    expect(JSON.parse(frame.data)).toMatchObject({ code: '875196723453', deviceName: 'Вход 2' });
  });

  it('resumes on B what was admitted on A while the device was away, and retries on B are recognised', async () => {
    const [a, b] = await twoServers();
    const first = await listen(a);
    await admit(a, [scan(1001, 'before', 'n-before')]);
    await first.until(() => first.of('admission').length === 1, 'the first admission');
    first.close();
    const missed = await admit(a, [scan(1001, 'missed-1', 'n-1'), scan(1001, 'missed-2', 'n-2')]);
    const retried = await admit(b, [scan(1001, 'missed-2', 'n-2')]);
    expect(retried.json<{ ids: string[] }>().ids[0]).toBe(missed.json<{ ids: string[] }>().ids[1]);
    const back = await listen(b, first.lastEventId);
    await admit(a, [scan(1001, 'live', 'n-live')]);
    await back.until(() => back.of('admission').length === 3, 'the missed and the live admissions');
    await new Promise((r) => setTimeout(r, 100));
    expect(back.of('admission').map((f) => JSON.parse(f.data).code)).toEqual(['missed-1', 'missed-2', 'live']);
  });

  it("heartbeats sent to A are live and listed on B; a webhook taken by A reaches B's devices", async () => {
    const [a, b] = await twoServers();
    const onB = await listen(b);
    expect((await post(a, '/hub/v1/heartbeat', heartbeatBody('door-a', [1001]))).status).toBe(204);
    await onB.until(() => onB.of('device').length === 1, 'the heartbeat on B', 1000);
    expect((await get(b, '/hub/v1/devices?shows=1001')).json<{ devices: { deviceId: string }[] }>().devices.map((d) => d.deviceId)).toEqual(['door-a']);

    const body = JSON.stringify({ data: { id: 1, payed: true, baskets: [{ barcode: '870000000777', show_id: 1001, refunded_at: '2026-12-29T18:00:00+03:00' }] } });
    const signature = createHmac('sha1', SECRET).update(body).digest('hex');
    const res = await request(a, '/hooks/qtickets', { method: 'POST', headers: { 'X-Event-Type': 'refunded', 'X-Signature': signature }, body });
    expect(res.json()).toEqual({ taken: true, events: 1 });
    await onB.until(() => onB.of('revoked').length === 1, 'the revoked ticket on B', 1000);
    expect(JSON.parse(onB.of('revoked')[0]!.data).code).toBe('870000000777');
  });
});
