// What the screens read, without React: counts of the door's own shows, pulls held back named by
// their show, scanner settings merged field by field.
import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from '../db/database.ts';
import { holdPull } from '../db/held-pulls.ts';
import { settleBatch } from '../db/outbox.ts';
import { recordScan } from '../db/scan.ts';
import { listShows, saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import { createDoorStore } from './store.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

async function twoShows() {
  db = freshDb();
  await saveShows(db, [aShow(1), { ...aShow(2, false), eventName: 'Лебединое озеро' }]);
  await replaceShowTickets(db, 1, ['871000000001', '871000000002', '871000000003'].map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00');
  await replaceShowTickets(db, 2, ['872000000001'].map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00');
  return createDoorStore(db);
}

describe('the door store', () => {
  it('counts the tickets and admissions of the shows it is given, and every check-in not yet held by Qtickets', async () => {
    const store = await twoShows();
    await recordScan(db, { raw: '871000000001', source: 'scanner', deviceId: 'dev' });
    await recordScan(db, { raw: '871000000002', source: 'scanner', deviceId: 'dev' });
    const [first] = await db.outbox.toArray();
    await settleBatch(db, { delivered: [], conflicts: [], awaiting: [{ id: first!.id, refusal: null }] }, Date.now());
    const active = (await listShows(db)).filter((s) => s.active);
    expect(await store.counts(active)).toEqual({ stored: 3, admitted: 2, pending: 2, awaiting: 1 });
    expect(await store.counts(await listShows(db))).toMatchObject({ stored: 4, admitted: 2 });
  });

  it('names a held-back pull by its show, and leaves out one whose show is gone', async () => {
    const store = await twoShows();
    await holdPull(db, { showId: 2, listed: 1000, received: 3, at: 1 });
    await holdPull(db, { showId: 77, listed: 10, received: 0, at: 1 });
    expect(await store.heldPulls()).toEqual([expect.objectContaining({ showId: 2, eventName: 'Лебединое озеро', received: 3 })]);
  });

  it('merges a scanner setting into what is stored, keeping the other fields', async () => {
    const store = await twoShows();
    await store.updateScannerSettings({ sound: false, repeatMs: 1500 });
    await store.updateScannerSettings({ facing: 'user' });
    expect(await store.scannerSettings()).toEqual({ sound: false, repeatMs: 1500, facing: 'user' });
  });
});
