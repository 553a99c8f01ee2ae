// A pull that would revoke most of a show keeps the old list and asks a person (issue: an empty
// or tiny 2xx list where thousands were listed must not turn the whole queue away as "cancelled").
import { afterEach, describe, expect, it } from 'vitest';
import type { QticketsClient } from '../api/index.ts';
import { listHeldPulls } from '../db/held-pulls.ts';
import { recordScan } from '../db/scan.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import type { KontrolDb } from '../db/database.ts';
import { packInSlices } from '../domain/ticket-pack.ts';
import { pullShow } from './pull.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const codes = (n: number) => Array.from({ length: n }, (_, i) => `87${String(i).padStart(10, '0')}`);

/** A server whose barcode list answers `listed` (a 2xx, however short). */
const serverListing = (listed: string[]) =>
  ({ getShowList: async () => ({ ok: true, value: packInSlices(listed.map((c) => aListedTicket(c)), 2_000), serverDate: null }) }) as unknown as QticketsClient;

async function showWith(n: number) {
  db = freshDb();
  await saveShows(db, [aShow(1)]);
  await replaceShowTickets(db, 1, codes(n).map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00');
}

describe('a pull that would revoke most of a show', () => {
  it('keeps the old list, so tickets still admit, and records the question for a person', async () => {
    await showWith(3_000);
    const outcome = await pullShow(db, serverListing(codes(3_000).slice(0, 5)), 'token', 1);
    expect(outcome).toMatchObject({ ok: false, heldBack: { showId: 1, listed: 3_000, received: 5 } });
    expect(await listHeldPulls(db)).toMatchObject([{ showId: 1, listed: 3_000, received: 5 }]);
    const scan = await recordScan(db, { raw: codes(3_000)[2_500]!, source: 'scanner', deviceId: 'd' });
    expect(scan).toMatchObject({ ok: true, verdict: { kind: 'valid' } });
  });

  it('applies the list when the person accepts it, and forgets the question', async () => {
    await showWith(3_000);
    await pullShow(db, serverListing([]), 'token', 1);
    const outcome = await pullShow(db, serverListing([]), 'token', 1, undefined, { acceptShrink: true });
    expect(outcome).toMatchObject({ ok: true, result: { listed: 0, revoked: 3_000 } });
    expect(await listHeldPulls(db)).toEqual([]);
    const scan = await recordScan(db, { raw: codes(3_000)[10]!, source: 'scanner', deviceId: 'd' });
    expect(scan).toMatchObject({ ok: true, verdict: { kind: 'revoked' } });
  });

  it('applies ordinary refunds at once', async () => {
    await showWith(3_000);
    expect(await pullShow(db, serverListing(codes(3_000).slice(0, 2_900)), 'token', 1)).toMatchObject({ ok: true, result: { revoked: 100 } });
    expect(await listHeldPulls(db)).toEqual([]);
  });
});
