// Double entry across devices. After a local admission, ask the server in the background what it
// knows of that ticket; after delivery, ask again, and keep asking at growing intervals while the
// night lasts, because the device that delivers first sees only its own time and learns of the
// other admission only when the other device delivers (src/domain/conflicts.ts has the reasoning
// for every way the server may keep repeated check-ins). A conflict found is stored; the scan
// screen shows it from the store. Nothing here is on the verdict's path: the verdict is on screen
// before the first question is asked.
//
// What delivery's own answer could add was weighed and left out: the batch answer's shape is
// unknown, and where it does carry a `checked_at` per item, that is what the server now holds, the
// very value the look right after delivery reads. It cannot show what this device needs to learn
// later (another device delivering after us), which only a later look sees.
import { isRetryable, type QticketsClient } from '../api/index.ts';
import { planChecks, recordCleanCheck, recordVerification, settleAdmissions } from '../db/conflicts.ts';
import { requeueUnheld } from '../db/outbox.ts';
import type { KontrolDb } from '../db/database.ts';
import { conflictId, judgeServerView, nextCheckAt, type WatchMark } from '../domain/conflicts.ts';
import type { Conflict, ShowId } from '../domain/types.ts';

/** The promise is a warning within two seconds; a slower answer is left to the sweep. */
export const CHECK_TIMEOUT_MS = 1_500;
/** Admissions older than this are not chased any more (the night is over). */
export const SWEEP_HORIZON_MS = 24 * 3_600_000;
/** Questions per sweep: a backlog is worked through in steps, never in one burst. */
export const SWEEP_BATCH = 20;
/** Pause between sweeps while a backlog of due checks remains. */
export const SWEEP_PAUSE_MS = 2_000;
/** After the server or the network failed a question: try again this much later (or on the next delivery). */
export const SWEEP_RETRY_MS = 30_000;

export interface AdmissionToCheck {
  /** The scan log line of the admission (its watch and conflict hang on it). */
  scanId: string;
  showId: ShowId;
  code: string;
  checkedAt: string;
  /** Its outbox record's id: set for a delivered admission, so one the server lost is sent again. */
  checkInId?: string;
}

export interface EntryCheckerDeps {
  db: KontrolDb;
  api: QticketsClient;
  token: () => Promise<string | undefined>;
  deviceId: () => Promise<string>;
  /** The connectivity mode: offline means ask later. */
  online: () => boolean;
  now?: () => number;
  /** Runs `fn` after `ms`; returns a cancel. Defaults to a timer that never keeps a process alive. */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

export interface EntryChecker {
  /** Right after a local admission; resolves with the conflict found, if any. Never throws. */
  afterAdmission(admission: AdmissionToCheck): Promise<Conflict | null>;
  /** Asks about delivered admissions whose look is due; resolves with how many were asked about. */
  sweep(): Promise<number>;
}

function defaultTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  // Node (tests) returns an object; a pending re-check must not keep a test process running.
  (timer as { unref?: () => void }).unref?.();
  return () => clearTimeout(timer);
}

type Asked =
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'clean'; view: 'ours' | 'nothing' }
  /** The server answered about this code with `checked_at: null`: it does not hold it. */
  | { kind: 'unheld' }
  /** The question failed in a way worth asking again soon (network, 5xx, 429, no token). */
  | { kind: 'retry' }
  /** The server answered, but not about this ticket's time (404 of a refunded ticket…). */
  | { kind: 'unanswered' };

export function createEntryChecker(deps: EntryCheckerDeps): EntryChecker {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? defaultTimer;
  let sweeping: Promise<number> | null = null;
  let cancelWake: (() => void) | null = null;
  let wakeAt: number | null = null;

  /** Sweeps again at `at` (epoch ms); `keepEarlier` leaves an earlier wake-up in place. */
  function wake(at: number | null, keepEarlier = false) {
    if (keepEarlier && wakeAt !== null && at !== null && wakeAt <= at) return;
    cancelWake?.();
    cancelWake = null;
    wakeAt = at;
    if (at === null) return;
    cancelWake = setTimer(() => {
      cancelWake = null;
      wakeAt = null;
      void sweep();
    }, Math.max(SWEEP_PAUSE_MS / 2, at - now() + 50));
  }

  async function ask(a: AdmissionToCheck, foundBy: Conflict['foundBy'], timeoutMs?: number): Promise<Asked> {
    const token = await deps.token();
    if (!token) return { kind: 'retry' };
    const signal = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const answer = await deps.api.getBarcodeStatus(token, a.showId, a.code, { signal });
    if (!answer.ok) return isRetryable(answer.error) || answer.error.kind === 'aborted' ? { kind: 'retry' } : { kind: 'unanswered' };
    const serverCheckedAt = answer.value.checkedAt;
    if (serverCheckedAt === null && answer.value.barcode === a.code) return { kind: 'unheld' };
    const view = judgeServerView(a.checkedAt, serverCheckedAt);
    if (view !== 'conflict' || serverCheckedAt === null) return { kind: 'clean', view: view === 'ours' ? 'ours' : 'nothing' };
    const conflict: Conflict = {
      id: conflictId(a.showId, a.code, a.checkedAt),
      showId: a.showId,
      code: a.code,
      localCheckedAt: a.checkedAt,
      serverCheckedAt,
      deviceId: await deps.deviceId(),
      foundAt: now(),
      foundBy,
      seen: 0,
    };
    await recordVerification(deps.db, a.scanId, conflict);
    return { kind: 'conflict', conflict };
  }

  /**
   * One delivered admission whose look was due: 'stop' when the sweep should stop for now, else
   * when this admission is to be looked at next (null: never again).
   */
  async function recheck(a: AdmissionToCheck, mark: WatchMark | undefined): Promise<'stop' | number | null> {
    const asked = await ask(a, 'delivery');
    if (asked.kind === 'retry') return 'stop';
    if (asked.kind === 'conflict') return null;
    // Delivered, yet the server shows it unchecked: it lost our record. Send it again, with its
    // original time (never a rejected one: that is in a person's hands).
    if (asked.kind === 'unheld' && a.checkInId) await requeueUnheld(deps.db, { id: a.checkInId, showId: a.showId, code: a.code, checkedAt: a.checkedAt, deviceId: await deps.deviceId() }, now());
    // A clean look, or an answer without a time: either way one look of the schedule is spent,
    // so a ticket the server no longer knows is not asked about at every sweep.
    const next: WatchMark = { checks: (mark?.checks ?? 0) + 1, lastCheckAt: now() };
    const nextAt = nextCheckAt(next);
    if (nextAt === null) await settleAdmissions(deps.db, [a.scanId]);
    else await recordCleanCheck(deps.db, a.scanId, next);
    return nextAt;
  }

  async function runSweep(): Promise<number> {
    let checked = 0;
    try {
      if (!deps.online()) return 0;
      const t = now();
      const plan = await planChecks(deps.db, t - SWEEP_HORIZON_MS, t, SWEEP_BATCH);
      await settleAdmissions(deps.db, plan.settle, plan.strayMarks);
      let nextDueAt = plan.nextDueAt;
      for (const { scan, mark } of plan.due) {
        if (!deps.online()) return checked; // the next online transition sweeps again
        if (scan.showId === null || !scan.checkedAt) {
          await settleAdmissions(deps.db, [scan.id]);
          continue;
        }
        const next = await recheck({ scanId: scan.id, showId: scan.showId, code: scan.code, checkedAt: scan.checkedAt, checkInId: scan.checkInId }, mark);
        if (next === 'stop') {
          // Do not hammer a failing server with the rest of the batch.
          wake(now() + SWEEP_RETRY_MS);
          return checked;
        }
        checked += 1;
        if (next !== null && (nextDueAt === null || next < nextDueAt)) nextDueAt = next;
      }
      wake(plan.more ? now() + SWEEP_PAUSE_MS : nextDueAt);
    } catch {
      // IndexedDB or network trouble: ask again a little later.
      wake(now() + SWEEP_RETRY_MS);
    }
    return checked;
  }

  function sweep(): Promise<number> {
    // One sweep at a time: a burst of triggers must not ask the server twice per ticket.
    sweeping ??= runSweep().finally(() => {
      sweeping = null;
    });
    return sweeping;
  }

  return {
    async afterAdmission(a) {
      try {
        if (!deps.online()) return null;
        const asked = await ask(a, 'check', CHECK_TIMEOUT_MS);
        if (asked.kind === 'conflict') return asked.conflict;
        if (asked.kind === 'clean' && asked.view === 'ours') {
          // Our record is already on the server (delivery won the race): this was its first look.
          const mark: WatchMark = { checks: 1, lastCheckAt: now() };
          await recordCleanCheck(deps.db, a.scanId, mark);
          wake(nextCheckAt(mark), true);
        }
        return null;
      } catch {
        return null;
      }
    },
    sweep,
  };
}
