import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from './redis-store.ts';
import { spawnRedis, type RedisProcess } from './spawn-redis.ts';
import { event, heartbeat, recorder, storeContract } from './store.contract.ts';

let redis: RedisProcess;
beforeAll(async () => {
  redis = await spawnRedis();
});
afterAll(async () => {
  await redis?.stop();
});

/** A key prefix per store: the tests share one redis-server and must not see each other. */
const fresh = () => `test:${randomUUID()}`;

describe('redis store: the HubStore contract', () => {
  storeContract(async (options) => createRedisStore({ url: redis.url, prefix: fresh(), ...options }));
});

describe('redis store: two app servers on one Redis', () => {
  it('an append on one reaches a listener on the other, in order; heartbeats and devices too', async () => {
    const prefix = fresh();
    const a = createRedisStore({ url: redis.url, prefix });
    const b = createRedisStore({ url: redis.url, prefix });
    const rec = recorder();
    const live = b.listen('org', rec.listener);
    await live.ready;
    const started = Date.now();
    const ids = await a.append('org', [event(1001, 'from-a-1'), event(1001, 'from-a-2')]);
    await rec.until(() => rec.events.length === 2, 'two events on B', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(rec.events.map((e) => e.id)).toEqual(ids);
    await a.putHeartbeat('org', heartbeat('door-1', [1001], Date.now()));
    await rec.until(() => rec.devices.length === 1, 'a heartbeat on B', 1000);
    expect((await b.devices('org')).map((d) => d.deviceId)).toEqual(['door-1']);
    // A retry on B of what A appended is recognised by its nonce.
    const again = await b.append('org', [event(1001, 'from-a-1', JSON.parse(rec.events[0]!.data).nonce)]);
    expect(again).toEqual([ids[0]]);
    live.close();
    await Promise.all([a.close(), b.close()]);
  });

  it('ends its listeners when Redis goes away, so their streams end and devices reconnect elsewhere', async () => {
    const own = await spawnRedis();
    const store = createRedisStore({ url: own.url, prefix: fresh() });
    const rec = recorder();
    const live = store.listen('org', rec.listener);
    await live.ready;
    await own.stop();
    await rec.until(() => rec.errors.length === 1, 'the listener to hear of the failure', 15_000);
    await expect(store.append('org', [event(1001, 'nowhere')])).rejects.toThrow();
    await store.close();
  });
});
