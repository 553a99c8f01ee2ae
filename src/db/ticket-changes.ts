// Refunds and sales Qtickets told of since a show's list was pulled (its webhooks, through the
// venue hub): a refunded or deleted ticket is `revoked` on every door within a second, a newly
// sold one valid, with no pull. They are kept apart from the pulled pages, which stay the
// server's list as it was read, and laid over it in memory (TicketList.amend); the show's
// `amended` count tells every tab's copy of the list to read them again. A later pull holds the
// same truth, so it drops the changes heard before it asked (tickets.ts).
import Dexie from 'dexie';
import type { ShowId } from '../domain/types.ts';
import type { KontrolDb, TicketChange } from './database.ts';
import type { TicketAmendment } from './ticket-list.ts';

export type { TicketChange };

/** applied: the door decides differently from now on; known: it already did; not_held: no such show here. */
export type ChangeOutcome = 'applied' | 'known' | 'not_held';

const showRange = (showId: ShowId) => [[showId, Dexie.minKey], [showId, Dexie.maxKey]] as const;

/** Stores one change (the latest word on a code wins). Idempotent: heard twice, it changes nothing. */
export async function applyTicketChange(db: KontrolDb, change: { showId: ShowId } & TicketAmendment, now = Date.now()): Promise<ChangeOutcome> {
  return db.transaction('rw', db.shows, db.ticketChanges, async () => {
    const show = await db.shows.get(change.showId);
    if (!show) return 'not_held';
    const existing = await db.ticketChanges.get([change.showId, change.code]);
    if (existing?.kind === change.kind) return 'known';
    await db.ticketChanges.put({ showId: change.showId, code: change.code, kind: change.kind, learnedAt: now });
    await db.shows.update(change.showId, { amended: (show.amended ?? 0) + 1 });
    return 'applied';
  });
}

/** A show's changes, as laid over its list. Call inside a transaction that holds ticketChanges. */
export function changesOf(db: KontrolDb, showId: ShowId): Promise<TicketChange[]> {
  return db.ticketChanges.where('[showId+code]').between(...showRange(showId), true, true).toArray();
}

/**
 * A pull that asked the server at `askedAt` holds everything heard before then: those changes go,
 * the later ones stay laid over the new list. Call inside the pull's switch transaction.
 */
export async function settleChanges(db: KontrolDb, showId: ShowId, askedAt: number): Promise<TicketChange[]> {
  const changes = await changesOf(db, showId);
  const heardBefore = changes.filter((c) => c.learnedAt < askedAt);
  if (heardBefore.length > 0) await db.ticketChanges.bulkDelete(heardBefore.map((c) => [c.showId, c.code] as [number, string]));
  return changes.filter((c) => c.learnedAt >= askedAt);
}

/** A show removed from the device: its changes go with its list. */
export function dropChanges(db: KontrolDb, showId: ShowId): Promise<number> {
  return db.ticketChanges.where('[showId+code]').between(...showRange(showId), true, true).delete();
}
