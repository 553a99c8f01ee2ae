import { Dexie, type DexieEvent } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from './testing.ts';
import { getSetting, setSetting } from './settings.ts';
import type { KontrolDb } from './database.ts';
import { pacedQuery, renewingLiveQuery } from './live-query.ts';

// Every live Dexie subscription listens to this event; it is how a dropped one can be told apart
// from a kept one without reaching into Dexie's closures.
const listeners = () => (Dexie.on.storagemutated as unknown as DexieEvent).subscribers.length;

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

/** A scan the door writes: a log line, the store's busiest table. */
let n = 0;
const scan = (db: KontrolDb) => db.scans.add({ id: `scan-${++n}`, at: Date.now(), code: `4600${n}`, verdict: 'unknown', showId: null, source: 'scanner' });

let db: KontrolDb;
const open: { unsubscribe(): void }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.unsubscribe();
  db?.close();
  await new Promise((r) => setTimeout(r, 10));
});

const nonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x >= (xs[i - 1] as number));

describe('renewingLiveQuery', () => {
  it('follows a setting through a long run of scans: never an older answer, only the latest subscription kept', async () => {
    db = freshDb();
    await setSetting(db, 'round', 0);
    const before = listeners();
    let runs = 0;
    const seen: number[] = [];
    const query = renewingLiveQuery(() => {
      runs += 1;
      return getSetting<number>(db, 'round');
    }, 8);
    open.push(query.subscribe((v) => seen.push(v ?? -1)));
    await until(() => seen.length === 1, 'the first answer');

    for (let i = 1; i <= 60; i++) {
      await scan(db);
      if (i % 10 === 0) await setSetting(db, 'round', i / 10);
    }
    await until(() => seen.at(-1) === 6, 'the last round');
    await new Promise((r) => setTimeout(r, 30));
    // Renewed about once per 8 unrelated writes, on top of a run per change of the setting: far
    // from a run per scan...
    expect(runs).toBeGreaterThan(1 + 6);
    expect(runs).toBeLessThan(1 + 6 + 60 / 4);
    // ...a renewal never shows "nothing yet" or an older value in between...
    expect(seen.includes(-1)).toBe(false);
    expect(nonDecreasing(seen)).toBe(true);
    // ...and only the latest subscription (Dexie's listener and ours) is left holding what it heard.
    expect(listeners() - before).toBe(2);
  });

  it('answers every write that touches what it reads', async () => {
    db = freshDb();
    const counts: number[] = [];
    open.push(renewingLiveQuery(() => db.scans.count(), 4).subscribe((v) => counts.push(v)));
    await until(() => counts.length === 1, 'the first answer');
    for (let i = 0; i < 20; i++) await scan(db);
    await until(() => counts.at(-1) === 20, 'the count of 20 scans');
    expect(nonDecreasing(counts)).toBe(true);
  });

  it('lets go of everything once unsubscribed', async () => {
    db = freshDb();
    const before = listeners();
    const seen: unknown[] = [];
    const subscription = renewingLiveQuery(() => getSetting(db, 'token'), 4).subscribe((v) => seen.push(v));
    await until(() => seen.length === 1, 'the first answer');
    for (let i = 0; i < 6; i++) await scan(db); // a renewal is under way or done
    subscription.unsubscribe();
    await new Promise((r) => setTimeout(r, 20));
    expect(listeners()).toBe(before);
    const answers = seen.length;
    await setSetting(db, 'token', 'after');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen.length).toBe(answers);
  });
});

describe('pacedQuery', () => {
  it('answers the first scan at once, a burst of scans at most once per interval, and ends with all of them', async () => {
    db = freshDb();
    await db.open(); // creating the store is a write to every table
    let runs = 0;
    const counts: number[] = [];
    const stop = pacedQuery(db, ['scans'], 1000, () => {
      runs += 1;
      return db.scans.count();
    }, (v) => counts.push(v));
    open.push({ unsubscribe: stop });
    await until(() => counts.length === 1, 'the first answer');
    await new Promise((r) => setTimeout(r, 1050));

    const scannedAt = Date.now();
    await scan(db);
    await until(() => counts.at(-1) === 1, 'the first scan counted');
    // Not held back to the end of an interval: the person at the door sees it counted.
    expect(Date.now() - scannedAt).toBeLessThan(600);

    const burstStart = Date.now();
    for (let i = 0; i < 30; i++) await scan(db);
    await until(() => counts.at(-1) === 31, 'the whole burst counted');
    const burstMs = Date.now() - burstStart;
    // Two runs so far, then one per started second of the burst and one after it, not 30.
    expect(runs).toBeLessThanOrEqual(2 + Math.ceil(burstMs / 1000) + 1);
    expect(nonDecreasing(counts)).toBe(true);
  });

  it('ignores writes to other tables, and stops when asked', async () => {
    db = freshDb();
    await db.open(); // creating the store is a write to every table
    let runs = 0;
    const stop = pacedQuery(db, ['scans'], 0, () => {
      runs += 1;
      return db.scans.count();
    }, () => undefined);
    await until(() => runs === 1, 'the first run');
    await setSetting(db, 'token', 'x');
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(1);
    stop();
    await scan(db);
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(1);
  });
});
