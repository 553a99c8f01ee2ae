// Leaving a device: the token, the lists, the log and every name go; check-ins that have not
// reached the server go only when the person confirmed discarding exactly that many. Rejected
// records count too: each is an admission Qtickets does not hold, waiting for a person to resend
// or dismiss it, and sign-out would wipe it with the rest.
import type { KontrolDb } from './database.ts';
import { rejectedCount } from './outbox.ts';
import { forgetLists } from './ticket-index.ts';

export type SignOutOutcome = { ok: true; discarded: number } | { ok: false; reason: 'undelivered'; undelivered: number };

/** Not confirmed as held by Qtickets: the outbox, and rejected records nobody dismissed. */
export const undeliveredCount = async (db: KontrolDb): Promise<number> => (await db.outbox.count()) + (await rejectedCount(db));

/**
 * `confirmDiscard` must equal the number of undelivered check-ins at the moment of signing out:
 * a count seen a minute ago is not consent to lose one that came in since.
 */
export async function signOut(db: KontrolDb, confirmDiscard = 0): Promise<SignOutOutcome> {
  const tables = [db.outbox, db.shows, db.ticketPages, db.ticketChanges, db.admissions, db.rejected, db.scans, db.conflicts, db.settings, db.movements];
  const outcome = await db.transaction('rw', tables, async (): Promise<SignOutOutcome> => {
    const undelivered = await undeliveredCount(db);
    if (undelivered > 0 && confirmDiscard !== undelivered) return { ok: false, reason: 'undelivered', undelivered };
    // The device id stays: it names the device, not a person, and keeps its old check-ins apart.
    const deviceId = await db.settings.get('deviceId');
    await Promise.all(tables.map((t) => t.clear()));
    if (deviceId) await db.settings.put(deviceId);
    return { ok: true, discarded: undelivered };
  });
  if (outcome.ok) forgetLists(db);
  return outcome;
}
