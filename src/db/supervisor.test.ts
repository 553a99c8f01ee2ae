import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { setEntranceZones } from './entrance.ts';
import { undoAdmission } from './history.ts';
import { pendingCount } from './outbox.ts';
import { recordScan } from './scan.ts';
import { saveShows } from './shows.ts';
import { liveNumbers } from './stats.ts';
import { noteScan, overrideScan } from './supervisor.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const VIP = '871495495233';
const BALCONY = '874432174155';
const CANCELLED = '875196723453';

async function door() {
  db = freshDb();
  await saveShows(db, [aShow(1)]);
  await replaceShowTickets(db, 1, [aListedTicket(VIP), aListedTicket(BALCONY, { zoneName: 'Балкон' }), aListedTicket(CANCELLED)], '2026-12-29T18:00:00+03:00');
}
const scan = async (raw: string) => {
  const outcome = await recordScan(db, { raw, source: 'typed', deviceId: 'dev-1' });
  if (!outcome.ok || !outcome.scanId) throw new Error('not logged');
  return { verdict: outcome.verdict, scanId: outcome.scanId };
};
const override = (scanId: string, reason: 'supervisor' | 'vip' | 'list_error' | 'other' = 'supervisor', text?: string) =>
  overrideScan(db, { scanId, reason, text, deviceId: 'dev-1', now: () => new Date('2026-12-29T19:10:00+03:00') });

describe('overriding a denial', () => {
  it('admits a wrong-entrance ticket for real: queued for Qtickets, logged with its reason, and the ticket is then used', async () => {
    await door();
    await setEntranceZones(db, ['Партер']);
    const denied = await scan(BALCONY);
    expect(denied.verdict.kind).toBe('wrong_zone');

    const outcome = await override(denied.scanId, 'vip', '  с артистом ');
    expect(outcome).toMatchObject({ ok: true, verdict: { kind: 'valid', ticket: { code: BALCONY }, override: { denied: 'wrong_zone', reason: 'vip', text: 'с артистом', delivery: 'qtickets' } } });
    expect(await pendingCount(db)).toBe(1);
    const [queued] = await db.outbox.toArray();
    expect(queued).toMatchObject({ code: BALCONY, showId: 1, deviceId: 'dev-1' });
    const line = await db.scans.get(denied.scanId);
    expect(line).toMatchObject({ verdict: 'wrong_zone', checkInId: queued!.id, checkedAt: queued!.checkedAt, override: { reason: 'vip', delivery: 'qtickets' } });

    // The entrance still refuses that zone, but the ticket is now used: a second person with it is "already used".
    await setEntranceZones(db, []);
    expect((await scan(BALCONY)).verdict).toMatchObject({ kind: 'already_checked', source: 'this_device' });
  });

  it('keeps a second entry on an used ticket on this device only: Qtickets already holds its first', async () => {
    await door();
    await scan(VIP);
    const again = await scan(VIP);
    expect(again.verdict.kind).toBe('already_checked');
    const outcome = await override(again.scanId, 'other', 'вышел за документами');
    expect(outcome).toMatchObject({ ok: true, verdict: { override: { denied: 'already_checked', delivery: 'local', text: 'вышел за документами' } } });
    expect(await pendingCount(db)).toBe(1); // the first admission only
    expect((await db.scans.get(again.scanId))?.checkInId).toBeUndefined();
  });

  it('keeps a cancelled ticket on this device only, and never marks it used', async () => {
    await door();
    await replaceShowTickets(db, 1, [aListedTicket(VIP), aListedTicket(BALCONY)], '2026-12-29T18:30:00+03:00');
    const denied = await scan(CANCELLED);
    expect(denied.verdict.kind).toBe('revoked');
    expect(await override(denied.scanId, 'list_error')).toMatchObject({ ok: true, verdict: { override: { denied: 'revoked', delivery: 'local' } } });
    expect(await pendingCount(db)).toBe(0);
    expect(await db.admissions.count()).toBe(0);
  });

  it('overrides a scan once, and refuses admissions and codes on no list', async () => {
    await door();
    await setEntranceZones(db, ['Партер']);
    const denied = await scan(BALCONY);
    const [first, second] = await Promise.all([override(denied.scanId), override(denied.scanId)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await pendingCount(db)).toBe(1);
    expect(await override((await scan(VIP)).scanId)).toEqual({ ok: false, reason: 'not_denied' });
    expect(await override((await scan('000000000000')).scanId)).toEqual({ ok: false, reason: 'not_denied' });
    expect(await override('no-such-line')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('can be undone before delivery like any admission, and the numbers follow', async () => {
    await door();
    await setEntranceZones(db, ['Партер']);
    const denied = await scan(BALCONY);
    await scan('000000000000');
    expect((await liveNumbers(db, 0)).denials.wrong_zone).toBe(1);
    await override(denied.scanId, 'vip');
    const after = await liveNumbers(db, 0);
    expect(after.denials).toMatchObject({ wrong_zone: 0, unknown: 1 });
    expect(after.overrides).toMatchObject([{ denied: 'wrong_zone', reason: 'vip' }]);
    expect(after.admitted).toEqual([[1, BALCONY]]);

    expect(await undoAdmission(db, denied.scanId)).toMatchObject({ ok: true });
    expect(await pendingCount(db)).toBe(0);
    expect(await liveNumbers(db, 0)).toMatchObject({ overrides: [], denials: { wrong_zone: 1 } });
  });
});

describe('a note on a scan', () => {
  it('is kept on the line as one clean line, and blank words clear it', async () => {
    await door();
    const { scanId } = await scan(VIP);
    expect(await noteScan(db, scanId, ' без\nбраслета ')).toBe(true);
    expect((await db.scans.get(scanId))?.note).toBe('без браслета');
    await noteScan(db, scanId, '   ');
    expect((await db.scans.get(scanId))?.note).toBeUndefined();
    expect(await noteScan(db, 'no-such-line', 'x')).toBe(false);
  });
});
