// Refunds and sales heard from Qtickets' webhooks between pulls: the door decides by them at once
// (from the list in memory, in this tab and in another), and a later pull's list takes over.
import { afterEach, describe, expect, it } from 'vitest';
import type { KontrolDb } from './database.ts';
import { forgetShow } from './forget-show.ts';
import { recordScan } from './scan.ts';
import { signOut } from './signout.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { applyTicketChange } from './ticket-changes.ts';
import { currentLists } from './ticket-index.ts';
import { replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

const [A, B, NEW] = ['871495495233', '874432174155', '875196723453'] as const;
const scan = (on: KontrolDb, raw: string) => recordScan(on, { raw, source: 'scanner', deviceId: 'me', now: () => new Date('2026-12-29T19:00:00+03:00') });
const verdictOf = async (on: KontrolDb, raw: string) => {
  const outcome = await scan(on, raw);
  return outcome.ok ? outcome.verdict.kind : 'empty';
};
const listedHere = async (on: KontrolDb) => [...(await currentLists(on, await on.shows.toArray())).values()].reduce((n, l) => n + l.listed, 0);

async function door(): Promise<void> {
  db = freshDb();
  await replaceShowTickets(db, 1, [A, B].map((c) => aListedTicket(c)), '2026-12-29T18:00:00+03:00', aShow(1), 1_000);
  // The list is in memory before the change arrives: what follows must not need a reload.
  expect(await listedHere(db)).toBe(2);
}

describe('a ticket change heard from Qtickets', () => {
  it('revokes a refunded ticket at the next scan, with no pull, and keeps what the ticket was', async () => {
    await door();
    expect(await applyTicketChange(db, { showId: 1, code: A, kind: 'revoked' }, 2_000)).toBe('applied');
    const outcome = await scan(db, A);
    expect(outcome).toMatchObject({ ok: true, verdict: { kind: 'revoked', ticket: { code: A, zoneName: 'Партер', clientSurname: 'Петров' } } });
    expect(await db.outbox.count()).toBe(0);
    expect(await listedHere(db)).toBe(1);
    expect(await verdictOf(db, B)).toBe('valid');
  });

  it('admits a ticket sold since the pull, once, as a bare ticket of that show', async () => {
    await door();
    expect(await verdictOf(db, NEW)).toBe('unknown');
    await applyTicketChange(db, { showId: 1, code: NEW, kind: 'listed' }, 2_000);
    expect(await scan(db, NEW)).toMatchObject({ ok: true, verdict: { kind: 'valid', ticket: { showId: 1, code: NEW, zoneName: null, clientName: null } } });
    expect(await db.outbox.toArray()).toMatchObject([{ showId: 1, code: NEW }]);
    expect(await verdictOf(db, NEW)).toBe('already_checked');
    expect(await listedHere(db)).toBe(3);
  });

  it('reaches another tab (another connection) that holds the list already', async () => {
    await door();
    const other = new (db.constructor as new (name: string) => KontrolDb)(db.name);
    expect(await verdictOf(other, B)).toBe('valid'); // that tab read the list
    await applyTicketChange(db, { showId: 1, code: A, kind: 'revoked' }, 2_000);
    await applyTicketChange(db, { showId: 1, code: NEW, kind: 'listed' }, 2_000);
    expect(await verdictOf(other, A)).toBe('revoked');
    expect(await verdictOf(other, NEW)).toBe('valid');
    other.close();
  });

  it('is taken once: heard again it changes nothing; the latest word on a code wins', async () => {
    await door();
    await applyTicketChange(db, { showId: 1, code: NEW, kind: 'listed' }, 2_000);
    expect(await applyTicketChange(db, { showId: 1, code: NEW, kind: 'listed' }, 2_100)).toBe('known');
    expect((await db.shows.get(1))?.amended).toBe(1);
    expect(await applyTicketChange(db, { showId: 1, code: NEW, kind: 'revoked' }, 2_200)).toBe('applied');
    expect(await verdictOf(db, NEW)).toBe('revoked');
    expect(await listedHere(db)).toBe(2);
  });

  it('is ignored for a show this device does not hold', async () => {
    await door();
    expect(await applyTicketChange(db, { showId: 9, code: A, kind: 'revoked' }, 2_000)).toBe('not_held');
    expect(await db.ticketChanges.count()).toBe(0);
    expect(await verdictOf(db, A)).toBe('valid');
  });

  it('gives way to a pull asked after it, and outlives one asked before it', async () => {
    await door();
    await applyTicketChange(db, { showId: 1, code: A, kind: 'revoked' }, 2_000);
    // Asked before the refund was heard: its answer still lists A, the refund stands.
    await replaceShowTickets(db, 1, [A, B].map((c) => aListedTicket(c)), 'p2', undefined, 1_500);
    expect(await verdictOf(db, A)).toBe('revoked');
    // Asked after: the server's list is the newer word (the refund was undone there).
    await replaceShowTickets(db, 1, [A, B].map((c) => aListedTicket(c)), 'p3', undefined, 3_000);
    expect(await db.ticketChanges.count()).toBe(0);
    expect(await verdictOf(db, A)).toBe('valid');
  });

  it('leaves a ticket sold by webhook and missing from a later pull revoked, not unknown', async () => {
    await door();
    await applyTicketChange(db, { showId: 1, code: NEW, kind: 'listed' }, 2_000);
    await currentLists(db, await db.shows.toArray()); // the amended list is the previous one
    const result = await replaceShowTickets(db, 1, [A, B].map((c) => aListedTicket(c)), 'p2', undefined, 3_000);
    expect(result).toMatchObject({ listed: 2, revoked: 1 });
    expect(await verdictOf(db, NEW)).toBe('revoked');
  });

  it('goes with its show when the show is removed, and with everything at sign-out', async () => {
    await door();
    await applyTicketChange(db, { showId: 1, code: A, kind: 'revoked' }, 2_000);
    await replaceShowTickets(db, 2, [NEW].map((c) => aListedTicket(c)), 'x', aShow(2), 1_000);
    await applyTicketChange(db, { showId: 2, code: NEW, kind: 'revoked' }, 2_000);
    expect(await forgetShow(db, 1)).toMatchObject({ ok: true });
    expect(await db.ticketChanges.toArray()).toMatchObject([{ showId: 2, code: NEW }]);
    expect(await signOut(db)).toMatchObject({ ok: true });
    expect(await db.ticketChanges.count()).toBe(0);
  });
});
