import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { readStoreHealth } from './health.ts';
import { moveToRejected } from './outbox.ts';
import { recordScan } from './scan.ts';
import { getKioskPin, getKioskSettings, getPinThrottle, setKioskPin, setPinThrottle, updateKioskSettings } from './settings.ts';
import { saveShows } from './shows.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

describe('device health counts', () => {
  it('is all zeros on a fresh device', async () => {
    db = freshDb();
    expect(await readStoreHealth(db)).toEqual({
      shows: 0, ticketsListed: 0, oldestPullAt: null, newestPullAt: null, pending: 0, oldestPendingAt: null, rejected: 0, admissions: 0,
    });
  });

  it('counts listed tickets of every show, waiting and rejected check-ins, and the pull times', async () => {
    db = freshDb();
    await saveShows(db, [aShow(1), aShow(2, false)]);
    await replaceShowTickets(db, 1, [aListedTicket('871495495233'), aListedTicket('874432174155'), aListedTicket('870000000017')], '2026-12-29T18:00:00+03:00');
    await replaceShowTickets(db, 2, [aListedTicket('875196723453')], '2026-12-29T17:00:00+03:00');
    // A refund: one fewer listed ticket (kept as revoked, not counted).
    await replaceShowTickets(db, 1, [aListedTicket('871495495233'), aListedTicket('874432174155')], '2026-12-29T18:30:00+03:00');
    await recordScan(db, { raw: '871495495233', source: 'scanner', deviceId: 'd' });
    await recordScan(db, { raw: '874432174155', source: 'scanner', deviceId: 'd' });
    const [first] = await db.outbox.toArray();
    await moveToRejected(db, [{ id: first!.id, reason: 'no' }]);
    const health = await readStoreHealth(db);
    expect(health).toMatchObject({
      shows: 2, ticketsListed: 3, oldestPullAt: '2026-12-29T17:00:00+03:00', newestPullAt: '2026-12-29T18:30:00+03:00',
      pending: 1, rejected: 1, admissions: 2,
    });
    expect(health.oldestPendingAt).toEqual(expect.any(Number));
  });
});

describe('kiosk settings', () => {
  it('defaults to off and keeps what was changed', async () => {
    db = freshDb();
    expect(await getKioskSettings(db)).toEqual({ enabled: false });
    await updateKioskSettings(db, { enabled: true });
    expect(await getKioskSettings(db)).toEqual({ enabled: true });
    await updateKioskSettings(db, { enabled: false });
    expect(await getKioskSettings(db)).toEqual({ enabled: false });
  });

  it('keeps the PIN hash and the wrong-PIN delay', async () => {
    db = freshDb();
    expect(await getKioskPin(db)).toBeUndefined();
    expect(await getPinThrottle(db)).toEqual({ failures: 0, notBefore: 0 });
    await setKioskPin(db, { algorithm: 'PBKDF2-SHA-256', iterations: 1000, salt: 'c2FsdA==', hash: 'aGFzaA==' });
    await setPinThrottle(db, { failures: 4, notBefore: 123 });
    expect((await getKioskPin(db))?.hash).toBe('aGFzaA==');
    expect(await getPinThrottle(db)).toEqual({ failures: 4, notBefore: 123 });
  });
});
