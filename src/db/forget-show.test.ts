import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { forgetShow, undeliveredOfShow } from './forget-show.ts';
import { listHistory } from './history.ts';
import { listRejected, markDelivered, moveToRejected, pendingCount } from './outbox.ts';
import { recordScan } from './scan.ts';
import { listShows } from './shows.ts';
import { currentLists } from './ticket-index.ts';
import { aListedTicket, aShow, freshDb, storedTickets } from './testing.ts';
import { ListSwitchError, replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

// Two days of one festival, both admitted by this door (no `now` in the scans: every ticked show admits).
const DAY1 = ['871000000001', '871000000002', '871000000003', '871000000004'];
const DAY2 = ['872000000001', '872000000002'];

async function festival() {
  db = freshDb();
  await replaceShowTickets(db, 1, DAY1.map((c) => aListedTicket(c, { clientSurname: 'Петров' })), '2026-12-28T18:00:00+03:00', aShow(1));
  await replaceShowTickets(db, 2, DAY2.map((c) => aListedTicket(c, { clientSurname: 'Сидорова' })), '2026-12-29T18:00:00+03:00', aShow(2));
}

let clock = Date.parse('2026-12-29T19:00:00+03:00');
const scan = (raw: string) => recordScan(db, { raw, source: 'scanner', deviceId: 'dev-1', now: () => new Date((clock += 1000)) });
const verdictOf = async (raw: string) => {
  const outcome = await scan(raw);
  return outcome.ok ? outcome.verdict.kind : 'empty';
};
const pagesOf = (showId: number) => db.ticketPages.where('[showId+rev+page]').between([showId], [showId, []], true, true).count();
const admissionsOf = (showId: number) => db.admissions.where('[showId+code]').between([showId, Dexie.minKey], [showId, Dexie.maxKey], true, true).count();

describe('removing a show with check-ins not yet delivered', () => {
  it('refuses, naming how many of that show wait, unless exactly that many are confirmed', async () => {
    await festival();
    await scan(DAY1[0]!);
    await scan(DAY1[1]!);
    await scan(DAY2[0]!); // the other show's check-in is not this removal's business

    expect(await undeliveredOfShow(db, 1)).toBe(2);
    expect(await forgetShow(db, 1)).toEqual({ ok: false, reason: 'undelivered', undelivered: 2 });
    expect(await forgetShow(db, 1, 3)).toEqual({ ok: false, reason: 'undelivered', undelivered: 2 });
    // Nothing went on a refusal.
    expect((await listShows(db)).map((s) => s.id)).toEqual([1, 2]);
    expect(await pendingCount(db)).toBe(3);
    expect(await storedTickets(db, 1)).toHaveLength(DAY1.length);
    expect(await verdictOf(DAY1[0]!)).toBe('already_checked');
  });

  it('does not take a count seen before another admission as consent to lose that one too', async () => {
    await festival();
    await scan(DAY1[0]!);
    const seen = (await forgetShow(db, 1)) as { undelivered: number };
    expect(seen.undelivered).toBe(1);
    await scan(DAY1[1]!); // admitted while the person was reading the count
    expect(await forgetShow(db, 1, seen.undelivered)).toEqual({ ok: false, reason: 'undelivered', undelivered: 2 });
    expect(await pendingCount(db)).toBe(2);
    expect(await forgetShow(db, 1, 2)).toEqual({ ok: true, discarded: 2 });
  });

  it('with the exact count confirmed, removes the show, its list, admissions and unsent check-ins, and keeps the record', async () => {
    await festival();
    await scan(DAY1[0]!); // delivered below
    await scan(DAY1[1]!); // refused by the server below
    await scan(DAY1[2]!); // still waiting: discarded
    const [delivered, refused] = (await db.outbox.orderBy('queuedAt').toArray()).map((c) => c.id);
    await markDelivered(db, [delivered!]);
    await moveToRejected(db, [{ id: refused!, reason: 'already used' }]);

    expect(await forgetShow(db, 1, 1)).toEqual({ ok: true, discarded: 1 });

    expect((await listShows(db)).map((s) => s.id)).toEqual([2]);
    expect(await pagesOf(1)).toBe(0);
    expect(await admissionsOf(1)).toBe(0);
    expect(await pendingCount(db)).toBe(0);
    // The refused check-in stays for the supervisor to settle by hand.
    expect((await listRejected(db)).map((r) => [r.code, r.reason])).toEqual([[DAY1[1], 'already used']]);
    // Every log line stays; none finds its ticket (or a buyer's name) any more, and the discarded
    // one is marked undone rather than passed off as delivered.
    const history = await listHistory(db);
    expect(history.map((h) => [h.scan.code, h.ticket, h.delivery, h.scan.undoneAt !== undefined])).toEqual([
      [DAY1[2], null, null, true],
      [DAY1[1], null, 'rejected', false],
      [DAY1[0], null, 'delivered', false],
    ]);
  });
});

describe('removing a show', () => {
  it('leaves the other shows, their admissions and unsent check-ins as they were', async () => {
    await festival();
    await scan(DAY1[0]!);
    await scan(DAY2[0]!);
    const otherBefore = await storedTickets(db, 2);

    expect(await forgetShow(db, 1, 1)).toEqual({ ok: true, discarded: 1 });

    expect(await storedTickets(db, 2)).toEqual(otherBefore);
    expect(await admissionsOf(2)).toBe(1);
    expect((await db.outbox.toArray()).map((c) => c.code)).toEqual([DAY2[0]]);
    expect(await verdictOf(DAY2[0]!)).toBe('already_checked');
    expect(await verdictOf(DAY2[1]!)).toBe('valid');
  });

  it('turns a ticket of the removed show into "not found", though its list was already in memory', async () => {
    await festival();
    expect(await verdictOf(DAY1[3]!)).toBe('valid'); // the list is read into memory here
    await markDelivered(db, (await db.outbox.toArray()).map((c) => c.id));
    const asItWas = (await listShows(db)).find((s) => s.id === 1)!;

    expect(await forgetShow(db, 1)).toEqual({ ok: true, discarded: 0 });

    expect(await verdictOf(DAY1[3]!)).toBe('unknown');
    expect(await verdictOf(DAY1[2]!)).toBe('unknown');
    // The buyers' names left memory too: asked with the old record, the index finds nothing to keep.
    expect((await currentLists(db, [asItWas])).size).toBe(0);
  });

  it('is not brought back by a refresh of that show still under way, and removing it twice is harmless', async () => {
    await festival();
    expect(await forgetShow(db, 1)).toEqual({ ok: true, discarded: 0 });
    // A refresh pull of the show that finishes after the removal writes pages, then finds the show gone.
    await expect(replaceShowTickets(db, 1, DAY1.map((c) => aListedTicket(c)), '2026-12-29T19:05:00+03:00')).rejects.toBeInstanceOf(ListSwitchError);
    expect(await pagesOf(1)).toBe(0);
    expect((await listShows(db)).map((s) => s.id)).toEqual([2]);
    expect(await forgetShow(db, 1)).toEqual({ ok: true, discarded: 0 });
  });
});
