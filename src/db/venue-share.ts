// What the venue hub has not heard from this door yet, read in ONE transaction. The hub link asks
// after every admission; as six reads (the door's name, two marks, two queries) it was six
// IndexedDB transactions on the page's main thread between one scan and the next.
import type { KontrolDb } from './database.ts';
import { admissionsToShare, getDeviceName, getHubSharedUpTo } from './venue.ts';
import { getMovementsSharedUpTo, movementsToShare } from './venue-movements.ts';

type AdmissionBatch = Awaited<ReturnType<typeof admissionsToShare>>;
type MovementBatch = Awaited<ReturnType<typeof movementsToShare>>;

export interface PendingShares {
  /** As a person named this device; '' when unnamed. */
  deviceName: string;
  /** The first batch after each mark (or the horizon, whichever is later). */
  admissions: AdmissionBatch;
  movements: MovementBatch;
}

/** `horizon`: epoch ms before which nothing is shared, whatever the marks say. */
export function pendingShares(db: KontrolDb, horizon: number, limit: number): Promise<PendingShares> {
  return db.transaction('r', [db.settings, db.scans], async () => {
    const [deviceName, admissionsMark, movementsMark] = await Promise.all([getDeviceName(db), getHubSharedUpTo(db), getMovementsSharedUpTo(db)]);
    const [admissions, movements] = await Promise.all([
      admissionsToShare(db, Math.max(admissionsMark, horizon), limit),
      movementsToShare(db, Math.max(movementsMark, horizon), limit),
    ]);
    return { deviceName, admissions, movements };
  });
}
