// The kiosk PIN without React: only its hash is stored, a wrong PIN starts a delay that holds
// even for the right PIN until it runs out, and a right PIN clears it.
import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from '../db/database.ts';
import { getKioskPin, getKioskSettings, getPinThrottle, setPinThrottle } from '../db/settings.ts';
import { freshDb } from '../db/testing.ts';
import { createKioskStore } from './kiosk.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

describe('the kiosk PIN', () => {
  it('stores a hash, never the PIN, and turns kiosk mode on', async () => {
    db = freshDb();
    await createKioskStore(db).enable('4821');
    expect(await getKioskSettings(db)).toEqual({ enabled: true });
    expect(JSON.stringify(await getKioskPin(db))).not.toContain('4821');
    await expect(createKioskStore(db).enable('12')).rejects.toThrow();
  });

  it('refuses a wrong PIN, then makes even the right one wait out the delay, and a right PIN clears it', async () => {
    db = freshDb();
    const kiosk = createKioskStore(db);
    await kiosk.enable('4821');
    let check = await kiosk.checkPin('0000');
    for (let i = 0; i < 5 && check.ok === false && check.waitMs === 0; i++) check = await kiosk.checkPin('0000');
    // After the free tries a delay runs: the right PIN is not even checked during it.
    expect(check).toMatchObject({ ok: false, wrong: true });
    expect(check.ok === false && check.waitMs).toBeGreaterThan(0);
    expect(await kiosk.checkPin('4821')).toMatchObject({ ok: false, wrong: false });
    // Once the delay is over, the right PIN opens and resets the count.
    await setPinThrottle(db, { ...(await getPinThrottle(db)), notBefore: Date.now() - 1 });
    expect(await kiosk.checkPin('4821')).toEqual({ ok: true });
    expect(await getPinThrottle(db)).toEqual({ failures: 0, notBefore: 0 });
  });

  it('opens nothing while no PIN was ever set', async () => {
    db = freshDb();
    expect(await createKioskStore(db).checkPin('0000')).toMatchObject({ ok: false, wrong: true });
  });
});

describe('the supervisor PIN', () => {
  it('is set without kiosk mode, survives turning kiosk mode off, and clearing it ends kiosk mode too', async () => {
    db = freshDb();
    const kiosk = createKioskStore(db);
    await kiosk.setPin('4821');
    expect(await getKioskSettings(db)).toEqual({ enabled: false });
    expect(await kiosk.checkPin('4821')).toEqual({ ok: true });

    await kiosk.enable('4821');
    await kiosk.disable();
    expect(await kiosk.checkPin('4821')).toEqual({ ok: true });

    await kiosk.enable('4821');
    await kiosk.clearPin();
    expect(await getKioskPin(db)).toBeUndefined();
    expect(await getKioskSettings(db)).toEqual({ enabled: false });
  });
});
