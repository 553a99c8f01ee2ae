import { afterEach, describe, expect, it } from 'vitest';
import { KontrolDb } from './database.ts';
import { memoUntilWritten } from './memo.ts';
import { getToken, setSetting, setToken } from './settings.ts';
import { signOut } from './signout.ts';
import { aShow, freshDb } from './testing.ts';
import { setShowActive } from './shows.ts';
import { replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

/** A memo over one settings key and the shows table that counts how often it really reads. */
function counting() {
  let reads = 0;
  const read = memoUntilWritten({ tables: ['shows'], settings: ['token'] }, async (d) => {
    reads += 1;
    return (await d.settings.get('token'))?.value as string | undefined;
  });
  return { read, reads: () => reads };
}

describe('a read kept until a write touches it', () => {
  it('answers again from memory while nothing it covers is written', async () => {
    db = freshDb();
    await setToken(db, 'tok-1');
    const memo = counting();
    expect(await memo.read(db)).toBe('tok-1');
    await setSetting(db, 'hubResumeId', '42');
    await setSetting(db, 'double-entry-watch:abc', { checks: 1 });
    expect(await memo.read(db)).toBe('tok-1');
    expect(memo.reads()).toBe(1);
  });

  it('reads again after its key or its table is written, in this tab or another', async () => {
    db = freshDb();
    await replaceShowTickets(db, 1, [], 'x', aShow(1));
    await setToken(db, 'tok-1');
    const memo = counting();
    await memo.read(db);
    await setToken(db, 'tok-2');
    expect(await memo.read(db)).toBe('tok-2');
    await setShowActive(db, 1, false);
    await memo.read(db);
    expect(memo.reads()).toBe(3);
    const other = new KontrolDb(db.name);
    await setToken(other, 'tok-3');
    other.close();
    expect(await memo.read(db)).toBe('tok-3');
  });

  it('does not keep a read that a write overtook, nor a failed one', async () => {
    db = freshDb();
    await setToken(db, 'tok-1');
    const memo = counting();
    const during = memo.read(db);
    await setToken(db, 'tok-2');
    await during;
    expect(await memo.read(db)).toBe('tok-2');

    let fail = true;
    const flaky = memoUntilWritten({ settings: ['token'] }, async () => {
      if (fail) throw new Error('disk');
      return 'ok';
    });
    await expect(flaky(db)).rejects.toThrow('disk');
    fail = false;
    expect(await flaky(db)).toBe('ok');
  });

  it('forgets the token when the device is signed out', async () => {
    db = freshDb();
    await setToken(db, 'tok-1');
    expect(await getToken(db)).toBe('tok-1');
    expect(await signOut(db)).toEqual({ ok: true, discarded: 0 });
    expect(await getToken(db)).toBeUndefined();
  });
});
