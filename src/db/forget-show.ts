// Removing one show from the device (a festival's past day): its list and buyers' names, its
// admissions and its show record go in ONE transaction; the door goes on with the other shows.
//
// What stays, and why:
// - The scan log lines of that show: the night's record. They no longer find their ticket
//   (history shows them with `ticket: null`).
// - Its rejected check-ins: the supervisor's record of deliveries the server refused, to be
//   settled by hand; they were never going to be sent again anyway.
// - Its double-entry conflicts: a double entry that happened is still worth knowing. Delivered
//   admissions of the show stay watched by the double-entry check, which asks the server, not the list.
// - `settings`: no row belongs to one show (the listed count moved into the show record in v3;
//   watch rows belong to scan lines, entrance zones to the device).
//
// Check-ins of that show not yet delivered (its outbox records) are the one thing that cannot be
// fetched again: they go only when the caller confirms discarding exactly their number, counted
// inside the transaction, as for sign-out. Their log lines are then marked undone, so the history
// never calls them delivered and the double-entry check never asks about them. The caller holds
// the delivery lock, so no flush is sending those very records while they are removed.
import Dexie from 'dexie';
import type { ShowId } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';
import { forgetList } from './ticket-index.ts';
import { dropChanges } from './ticket-changes.ts';

export type ForgetShowOutcome = { ok: true; discarded: number } | { ok: false; reason: 'undelivered'; undelivered: number };

/** The outbox has no index by show; it is small (what one device has not sent yet). */
const undeliveredOf = (db: KontrolDb, showId: ShowId) => db.outbox.filter((c) => c.showId === showId);

/** Check-ins of the show still waiting to be delivered. */
export const undeliveredOfShow = (db: KontrolDb, showId: ShowId): Promise<number> => undeliveredOf(db, showId).count();

/**
 * `confirmDiscard` must equal the show's undelivered check-ins at the moment of removal: a count
 * seen a minute ago is not consent to lose one that came in since. Removing a show that is not
 * stored (another tab did it) is not an error.
 */
export async function forgetShow(db: KontrolDb, showId: ShowId, confirmDiscard = 0, now = Date.now()): Promise<ForgetShowOutcome> {
  const tables = [db.shows, db.ticketPages, db.ticketChanges, db.admissions, db.outbox, db.scans, db.movements];
  const outcome = await db.transaction('rw', tables, async (): Promise<ForgetShowOutcome> => {
    const undelivered = await undeliveredOf(db, showId).primaryKeys();
    if (undelivered.length > 0 && confirmDiscard !== undelivered.length) return { ok: false, reason: 'undelivered', undelivered: undelivered.length };
    if (undelivered.length > 0) {
      const discarded = new Set(undelivered);
      await db.outbox.bulkDelete(undelivered);
      await db.scans
        .where('verdict')
        .equals('valid')
        .filter((s) => s.checkInId !== undefined && discarded.has(s.checkInId) && s.undoneAt === undefined)
        .modify({ undoneAt: now });
    }
    // Every rev: the current list, the one a pull may be writing now (its switch then finds the
    // show gone and removes what it wrote after this), and any abandoned one.
    await db.ticketPages.where('[showId+rev+page]').between([showId], [showId, []], true, true).delete();
    await dropChanges(db, showId);
    await db.admissions.where('[showId+code]').between([showId, Dexie.minKey], [showId, Dexie.maxKey], true, true).delete();
    // Who went out of a show no longer stored counts for nothing (its inside count goes with it).
    await db.movements.where('[showId+code]').between([showId, Dexie.minKey], [showId, Dexie.maxKey], true, true).delete();
    await db.shows.delete(showId);
    return { ok: true, discarded: undelivered.length };
  });
  if (outcome.ok) forgetList(db, showId);
  return outcome;
}
