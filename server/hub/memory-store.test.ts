import { describe, expect, it } from 'vitest';
import { ORIGIN_ID } from './event-id.ts';
import { createMemoryStore } from './memory-store.ts';
import { event, storeContract } from './store.contract.ts';

describe('memory store: the HubStore contract', () => {
  storeContract(async (options) => createMemoryStore(options));
});

describe('memory store: bounds', () => {
  it('keeps the newest maxEvents events and forgets the nonces of the dropped ones', async () => {
    const store = createMemoryStore({ retention: { maxEvents: 3 } });
    for (let i = 0; i < 10; i++) await store.append('org', [event(1001, `c${i}`, `nonce-${i}`)]);
    const kept = await store.read('org', ORIGIN_ID, 100);
    expect(kept.map((e) => JSON.parse(e.data).code)).toEqual(['c7', 'c8', 'c9']);
    // A nonce whose event was dropped is new again; one still in the log is not.
    await store.append('org', [event(1001, 'c0-again', 'nonce-0'), event(1001, 'c9-again', 'nonce-9')]);
    expect((await store.read('org', ORIGIN_ID, 100)).map((e) => JSON.parse(e.data).code)).toEqual(['c8', 'c9', 'c0-again']);
    await store.close();
  });

  it('drops events older than maxAgeMs', async () => {
    let clock = 1_800_000_000_000;
    const store = createMemoryStore({ now: () => clock, retention: { maxAgeMs: 60_000 } });
    await store.append('org', [event(1001, 'old')]);
    clock += 30_000;
    const [fresh] = await store.append('org', [event(1001, 'fresh')]);
    clock += 40_000;
    await store.append('org', [event(1001, 'newest')]);
    expect((await store.read('org', ORIGIN_ID, 100)).map((e) => JSON.parse(e.data).code)).toEqual(['fresh', 'newest']);
    expect((await store.read('org', fresh!, 100)).map((e) => JSON.parse(e.data).code)).toEqual(['newest']);
    await store.close();
  });

  it('gives ids that keep growing across a restart, so a device resuming after one misses nothing', async () => {
    let clock = 1_800_000_000_000;
    const before = createMemoryStore({ now: () => clock });
    const [seen] = await before.append('org', [event(1001, 'before')]);
    await before.close();
    clock += 5_000; // the server restarted with an empty log
    const after = createMemoryStore({ now: () => clock });
    await after.append('org', [event(1001, 'after-1'), event(1001, 'after-2')]);
    expect((await after.read('org', seen!, 100)).map((e) => JSON.parse(e.data).code)).toEqual(['after-1', 'after-2']);
    await after.close();
  });
});
