// The writes that make one admission: the ticket marked used here, its check-in queued for
// Qtickets, and the log line that says so — issued together inside the caller's transaction
// (each await is a round trip to the storage process). A scan and a supervisor's override both
// admit through this, so an admission is never stored in two shapes.
import type { CheckIn, ShowId } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

export interface AdmissionWrite {
  ticket: { showId: ShowId; code: string };
  checkedAt: string;
  deviceId: string;
  /** Device time the check-in was queued (ms). */
  queuedAt: number;
  checkInId: string;
}

/** Call inside a 'rw' transaction over admissions, outbox and scans; `log` writes the line naming the check-in. */
export function writeAdmission(db: KontrolDb, write: AdmissionWrite, log: (checkInId: string) => Promise<unknown>): Promise<unknown> {
  const { ticket, checkedAt, deviceId, queuedAt, checkInId } = write;
  const checkIn: CheckIn = { id: checkInId, showId: ticket.showId, code: ticket.code, checkedAt, deviceId, queuedAt, attempts: 0, lastError: null };
  return Promise.all([db.admissions.add({ showId: ticket.showId, code: ticket.code, checkedAt, source: 'this_device' }), db.outbox.add(checkIn), log(checkInId)]);
}
