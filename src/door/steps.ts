// The after-admission steps the door is built with (after-admission.ts says how they run).
import { findAdmissionScan } from '../db/conflicts.ts';
import type { KontrolDb } from '../db/database.ts';
import type { EntryChecker } from '../sync/double-entry.ts';
import type { AdmissionStep } from './after-admission.ts';

/** Ask the server in the background whether another device admitted this ticket too. */
export function checkDoubleEntry(db: KontrolDb, checker: EntryChecker): AdmissionStep {
  return async ({ showId, code, checkedAt }) => {
    const scan = await findAdmissionScan(db, showId, code, checkedAt);
    if (scan) await checker.afterAdmission({ scanId: scan.id, showId, code, checkedAt });
  };
}
