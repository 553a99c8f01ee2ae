// The seam between replay and live, forced open: events appended while a replay reads the log
// (they reach both the replay and the live feed) and after it read (only the live feed has them).
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store.ts';
import type { LogEvent } from './protocol.ts';
import { openFeed, type FeedSink } from './room-feed.ts';
import type { HubStore } from './store.ts';
import { event } from './store.contract.ts';

function sink() {
  const frames: string[] = [];
  let ended = '';
  const s: FeedSink = {
    write: (frame) => {
      frames.push(frame.toString());
      return true;
    },
    drained: async () => {},
    buffered: () => 0,
    end: (reason) => {
      ended = reason;
    },
    gone: () => ended !== '',
  };
  const codes = (kind = 'admission') =>
    frames.filter((f) => f.includes(`event: ${kind}\n`)).map((f) => JSON.parse(/data: (.*)\n/.exec(f)![1]!).code as string);
  return { sink: s, frames, codes, ended: () => ended };
}

/** A memory store whose `read` runs `during` before reading and `after` once it has read. */
function seamStore(hooks: { during?: (store: HubStore) => Promise<void>; after?: (store: HubStore) => Promise<void> }): HubStore {
  const store = createMemoryStore();
  let first = true;
  return {
    ...store,
    async read(org, after, limit) {
      const once = first;
      first = false;
      if (once) await hooks.during?.(store);
      const page: LogEvent[] = await store.read(org, after, limit);
      if (once) await hooks.after?.(store);
      return page;
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 10));

describe('room feed: replay then live', () => {
  it('sends an event that reached both the replay and the live feed once', async () => {
    const store = seamStore({ during: (s) => s.append('org', [event(1001, 'while-reading')]).then(() => {}) });
    const [seen] = await store.append('org', [event(1001, 'seen')]);
    await store.append('org', [event(1001, 'missed')]);
    const out = sink();
    await openFeed({ store, org: 'org', shows: new Set([1001]), resumeAfter: seen!, sink: out.sink, begin: () => {} });
    await flush();
    await store.append('org', [event(1001, 'live')]);
    expect(out.codes()).toEqual(['missed', 'while-reading', 'live']);
  });

  it('sends an event that only the live feed got while the replay was under way', async () => {
    const store = seamStore({ after: (s) => s.append('org', [event(1001, 'after-reading')]).then(() => {}) });
    const [seen] = await store.append('org', [event(1001, 'seen')]);
    await store.append('org', [event(1001, 'missed')]);
    const out = sink();
    await openFeed({ store, org: 'org', shows: new Set([1001]), resumeAfter: seen!, sink: out.sink, begin: () => {} });
    await flush();
    await store.append('org', [event(1001, 'live')]);
    expect(out.codes()).toEqual(['missed', 'after-reading', 'live']);
  });

  it('replays a long absence page by page, only the shows asked for, and gives a fresh device everything the log holds for its shows', async () => {
    const store = createMemoryStore();
    const [seen] = await store.append('org', [event(1001, 'seen')]);
    for (let i = 0; i < 1200; i++) await store.append('org', [event(i % 3 === 0 ? 1002 : 1001, `c${i}`)]);
    const out = sink();
    let start = '';
    await openFeed({ store, org: 'org', shows: new Set([1001]), resumeAfter: seen!, sink: out.sink, begin: (id) => (start = id) });
    await flush();
    expect(start).toBe(seen);
    const expected = Array.from({ length: 1200 }, (_, i) => i).filter((i) => i % 3 !== 0).map((i) => `c${i}`);
    expect(out.codes()).toEqual(expected);

    // A device with no resume id yet (it pulled its list, then joined): admissions other doors made
    // before it joined are still news to it.
    const fresh = sink();
    await openFeed({ store, org: 'org', shows: new Set([1001]), resumeAfter: null, sink: fresh.sink, begin: () => {} });
    await flush();
    expect(fresh.codes()).toEqual(['seen', ...expected]);
  });

  it('ends a stream that falls too far behind during its replay, so the device resumes later', async () => {
    const store = seamStore({
      during: async (s) => {
        for (let i = 0; i < 20_001; i++) await s.append('org', [event(1001, `flood-${i}`)]);
      },
    });
    const out = sink();
    await openFeed({ store, org: 'org', shows: new Set([1001]), resumeAfter: '0-0', sink: out.sink, begin: () => {} });
    await flush();
    expect(out.ended()).toBe('too far behind');
  });
});
