// Double entry across devices. After a local admission, ask the server in the background what it
// knows of that ticket; if it already had an earlier check-in from elsewhere, record a conflict
// (the scan screen shows it at once from the store). Admissions made offline are checked once
// they have been delivered. Nothing here is on the verdict's path: the verdict is on screen
// before the first question is asked.
import type { QticketsClient } from '../api/index.ts';
import { recordVerification, unverifiedAdmissions } from '../db/conflicts.ts';
import type { KontrolDb } from '../db/database.ts';
import { judgeServerView } from '../domain/conflicts.ts';
import type { Conflict, ShowId } from '../domain/types.ts';

/** The promise is a warning within two seconds; a slower answer is left to the sweep. */
export const CHECK_TIMEOUT_MS = 1_500;
/** Admissions older than this are not chased any more (the night is over). */
export const SWEEP_HORIZON_MS = 24 * 3_600_000;
const SWEEP_BATCH = 20;

export interface AdmissionToCheck {
  /** The scan log line of the admission (marked verified once the server confirmed). */
  scanId: string;
  showId: ShowId;
  code: string;
  checkedAt: string;
}

export interface EntryCheckerDeps {
  db: KontrolDb;
  api: QticketsClient;
  token: () => Promise<string | undefined>;
  deviceId: () => Promise<string>;
  /** The connectivity mode: offline means ask later. */
  online: () => boolean;
  now?: () => number;
}

export interface EntryChecker {
  /** Right after a local admission; resolves with the conflict found, if any. Never throws. */
  afterAdmission(admission: AdmissionToCheck): Promise<Conflict | null>;
  /** Checks delivered admissions the server has not confirmed yet. */
  sweep(): Promise<number>;
}

export const conflictId = (showId: ShowId, code: string, checkedAt: string) => `${showId}:${code}:${checkedAt}`;

export function createEntryChecker(deps: EntryCheckerDeps): EntryChecker {
  const now = deps.now ?? Date.now;
  let sweeping: Promise<number> | null = null;

  async function check(a: AdmissionToCheck, foundBy: Conflict['foundBy'], timeoutMs?: number): Promise<Conflict | null> {
    if (!deps.online()) return null;
    const token = await deps.token();
    if (!token) return null;
    const signal = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const answer = await deps.api.getBarcodeStatus(token, a.showId, a.code, { signal });
    if (!answer.ok) return null; // asked again by the next sweep
    const view = judgeServerView(a.checkedAt, answer.value.checkedAt);
    if (view === 'not_yet') return null;
    const conflict: Conflict | null =
      view === 'conflict'
        ? {
            id: conflictId(a.showId, a.code, a.checkedAt),
            showId: a.showId,
            code: a.code,
            localCheckedAt: a.checkedAt,
            serverCheckedAt: answer.value.checkedAt ?? '',
            deviceId: await deps.deviceId(),
            foundAt: now(),
            foundBy,
            seen: 0,
          }
        : null;
    await recordVerification(deps.db, a.scanId, conflict);
    return conflict;
  }

  return {
    async afterAdmission(a) {
      try {
        return await check(a, 'check', CHECK_TIMEOUT_MS);
      } catch {
        return null;
      }
    },
    sweep() {
      // One sweep at a time: a burst of triggers must not ask the server twice per ticket.
      sweeping ??= (async () => {
        let checked = 0;
        try {
          if (!deps.online()) return 0;
          const pending = await unverifiedAdmissions(deps.db, now() - SWEEP_HORIZON_MS, SWEEP_BATCH);
          for (const scan of pending) {
            if (!deps.online()) break;
            if (scan.showId === null || !scan.checkedAt) continue;
            await check({ scanId: scan.id, showId: scan.showId, code: scan.code, checkedAt: scan.checkedAt }, 'delivery');
            checked += 1;
          }
        } catch {
          // IndexedDB or network trouble: the next sweep asks again.
        } finally {
          sweeping = null;
        }
        return checked;
      })();
      return sweeping;
    },
  };
}
