// Delivering the outbox. A record leaves it only on evidence that Qtickets holds that code:
// - an answer that names the code as held (src/api/batch.ts), with our time or none;
// - a read-back (`GET /shows/{id}/barcode/{code}`) that shows our `checked_at`;
// - or, when the server holds the code with ANOTHER time, as a double entry (the conflicts list).
// A 2xx without such evidence marks the records "sent, awaiting confirmation"; a read-back a
// moment later decides: held (delivered), another time (conflict), or not held (queued again,
// sent with its original time). A refusal that names the code is read back too before it counts:
// a server that refuses repeats says "already checked" to an admission it holds. Only when the
// server does not hold it does the record go to the visible rejected list.
//
// Failures of the request (network, 5xx, 429, 3xx, 404/405/409/410 without per-item detail,
// HTML, a 2xx body that says "error") keep the records queued and end the pass or set the piece
// aside (split mode), exactly as retryable failures always did: a flaky network looks just like a
// record that poisons its batch, so no failure of a request ever rejects a record. A request that
// reached no server is not noted on its records (nor counted toward splitting). 403 stops
// only that show for this pass; 413 sends smaller; 401 stops everything until a person acts.
import type { BatchOutcome } from '../api/index.ts';
import { judgeServerView } from '../domain/conflicts.ts';
import type { CheckIn, Conflict, ShowId } from '../domain/types.ts';
import type { KontrolDb } from '../db/database.ts';
import {
  awaitingConfirmation,
  markDelivered,
  moveToRejected,
  noteFailedAttempt,
  oldestBatch,
  oldestSentAt,
  queuedCount,
  requeue,
  settleAsConflict,
  settleBatch,
} from '../db/outbox.ts';
import { conflictId } from '../domain/conflicts.ts';
import type { DeliveryPort, DeliveryProblem } from './port.ts';

export const MAX_BATCH = 100;
/** Failed attempts after which a batch is sent in halves. */
export const SPLIT_AFTER_ATTEMPTS = 3;
/** How long after an unconfirmed answer the read-back asks (a server may record a moment later). */
export const CONFIRM_AFTER_MS = 2_000;
/** Read-backs per pass, and at once: a backlog is worked through in steps, never in one burst. */
export const READ_BACKS_PER_PASS = 200;
export const READ_BACK_CONCURRENCY = 4;

export interface FlushCounts {
  delivered: number;
  rejected: number;
  /** Settled as double entries: the server holds the code with another time. */
  conflicts: number;
}

export interface Failure {
  problem: DeliveryProblem;
  message: string;
  status?: number;
  retryAfterMs?: number;
}

export type FlushResult =
  | (FlushCounts & { outcome: 'done'; nextConfirmAt: number | null })
  | (FlushCounts & { outcome: 'retry'; nextConfirmAt: number | null } & Failure)
  | (FlushCounts & { outcome: 'auth'; message: string; status: number });

/** Batch size for records that already failed `attempts` times: 100, 50, 25 … 1. */
export function batchSizeFor(attempts: number): number {
  return Math.max(1, Math.floor(MAX_BATCH / 2 ** Math.floor(attempts / SPLIT_AFTER_ATTEMPTS)));
}

export async function flushOutbox(db: KontrolDb, port: DeliveryPort, now: () => number = Date.now): Promise<FlushResult> {
  const counts: FlushCounts = { delivered: 0, rejected: 0, conflicts: 0 };
  let progressed = false; // the server proved or refused something during this pass

  const conflictOf = (c: CheckIn, serverCheckedAt: string): Conflict => ({
    id: conflictId(c.showId, c.code, c.checkedAt),
    showId: c.showId,
    code: c.code,
    localCheckedAt: c.checkedAt,
    serverCheckedAt,
    deviceId: c.deviceId,
    foundAt: now(),
    foundBy: 'delivery',
    seen: 0,
  });

  /** The server holds `c` with `serverCheckedAt` (null: it gave no time): delivered, or a double entry? */
  const judge = (c: CheckIn, serverCheckedAt: string | null): Conflict | 'delivered' =>
    serverCheckedAt === null || judgeServerView(c.checkedAt, serverCheckedAt) !== 'conflict' ? 'delivered' : conflictOf(c, serverCheckedAt);

  /** A read-back showed the server holds `c`: settled on its own (read-backs come one at a time). */
  async function held(c: CheckIn, serverCheckedAt: string | null): Promise<void> {
    const judged = judge(c, serverCheckedAt);
    if (judged === 'delivered') {
      await markDelivered(db, [c.id]);
      counts.delivered += 1;
    } else {
      await settleAsConflict(db, c.id, judged);
      counts.conflicts += 1;
    }
  }

  /** Applies what one answer proves to the records of its batch, in one write; returns the records it left unnamed. */
  async function settleAnswer(batch: CheckIn[], outcome: BatchOutcome): Promise<CheckIn[]> {
    const heldBy = new Map(outcome.held.map((h) => [h.barcode, h.checkedAt]));
    const refusedBy = new Map(outcome.refused.map((r) => [r.barcode, r]));
    const delivered: string[] = [];
    const conflicts: { id: string; conflict: Conflict }[] = [];
    const awaiting: { id: string; refusal: string | null }[] = [];
    const unnamed: CheckIn[] = [];
    const settleHeld = (c: CheckIn, serverCheckedAt: string | null) => {
      const judged = judge(c, serverCheckedAt);
      if (judged === 'delivered') delivered.push(c.id);
      else conflicts.push({ id: c.id, conflict: judged });
    };
    for (const c of batch) {
      const refusal = refusedBy.get(c.code);
      if (heldBy.has(c.code)) settleHeld(c, heldBy.get(c.code) ?? null);
      else if (refusal?.checkedAt) settleHeld(c, refusal.checkedAt); // "already checked at …"
      else if (refusal) awaiting.push({ id: c.id, refusal: refusal.reason });
      else if (outcome.requestFailed === undefined) awaiting.push({ id: c.id, refusal: null });
      else unnamed.push(c);
    }
    await settleBatch(db, { delivered, conflicts, awaiting }, now());
    counts.delivered += delivered.length;
    counts.conflicts += conflicts.length;
    if (outcome.held.length > 0 || outcome.refused.length > 0) progressed = true;
    return unnamed;
  }

  // ---- Send what is queued.
  const skipped = new Set<string>();
  const blockedShows = new Set<ShowId>();
  let sizeCap = MAX_BATCH;
  let failures = 0;
  let lastFailure: Failure | null = null;
  for (;;) {
    const head = await oldestBatch(db, MAX_BATCH, skipped, blockedShows);
    const first = head[0];
    if (!first) break;
    const batch = head.slice(0, Math.min(sizeCap, batchSizeFor(first.attempts)));
    const answer = await port.postCheckIns(first.showId, batch.map((c) => ({ barcode: c.code, checked_at: c.checkedAt })));
    if (answer.ok) {
      const unnamed = await settleAnswer(batch, answer.outcome);
      if (unnamed.length === 0) continue;
      // The answer said the request failed: what it did not name stays queued.
      await noteFailedAttempt(db, unnamed.map((c) => c.id), answer.outcome.requestFailed ?? '');
      unnamed.forEach((c) => skipped.add(c.id));
      failures += 1;
      lastFailure = { problem: 'refused', message: answer.outcome.requestFailed ?? '' };
      if (progressed || failures === 1) continue;
      break;
    }
    if (answer.kind === 'auth') return { ...counts, outcome: 'auth', message: answer.message, status: answer.status };
    // No server answered (offline, a dropped connection): nothing is learned about these records,
    // so nothing is written to them (the pass's state carries the message). Counted as attempts,
    // a door offline for an evening sent its oldest admissions one per request once the network
    // came back; written, every offline pass rewrote a hundred records under the scanning.
    const reachedNoServer = answer.kind === 'retry' && answer.problem === 'network';
    if (!reachedNoServer) await noteFailedAttempt(db, batch.map((c) => c.id), answer.message);
    if (answer.kind === 'too_large' && batch.length > 1) {
      sizeCap = Math.max(1, Math.floor(batch.length / 2));
      continue;
    }
    failures += 1;
    if (answer.kind === 'forbidden' || answer.kind === 'too_large') {
      // 403: this token may not write to this show; the other shows still go out.
      lastFailure = { problem: 'refused', message: answer.message, status: answer.status };
      if (answer.kind === 'forbidden') blockedShows.add(first.showId);
      else batch.forEach((c) => skipped.add(c.id));
      continue;
    }
    lastFailure = { problem: answer.problem, message: answer.message, status: answer.status, retryAfterMs: answer.retryAfterMs };
    // Rate-limited (429 or Retry-After): probing further pieces now would be hammering.
    if (answer.status === 429 || answer.retryAfterMs !== undefined) break;
    // In split mode, set the failing piece aside and probe the rest: if the rest gets through,
    // the piece is what fails, not the server. Two failures and no progress: the server is
    // likely down, so end the pass and back off rather than hammer it.
    const splitting = batch.length < MAX_BATCH;
    if (splitting && (progressed || failures === 1)) {
      batch.forEach((c) => skipped.add(c.id));
      continue;
    }
    break;
  }

  // ---- Read back what was sent without proof.
  let notHeld = 0;
  const due = await awaitingConfirmation(db, now() - CONFIRM_AFTER_MS, READ_BACKS_PER_PASS);
  let authFailure: { message: string; status: number } | null = null;
  const work = [...due];
  async function readBackNext(): Promise<void> {
    for (let c = work.shift(); c && !authFailure; c = work.shift()) {
      const answer = await port.readBack(c.showId, c.code);
      if (answer.kind === 'held') await held(c, answer.checkedAt);
      else if (answer.kind === 'absent' && c.refusal) {
        await moveToRejected(db, [{ id: c.id, reason: c.refusal }], now());
        counts.rejected += 1;
      } else if (answer.kind === 'absent') {
        await requeue(db, [c.id]);
        notHeld += 1;
      } else if (answer.kind === 'auth') authFailure = answer;
      else await noteFailedAttempt(db, [c.id], answer.message);
    }
  }
  await Promise.all(Array.from({ length: READ_BACK_CONCURRENCY }, readBackNext));
  if (authFailure !== null) {
    const { message, status } = authFailure;
    return { ...counts, outcome: 'auth', message, status };
  }

  const sentAt = await oldestSentAt(db);
  const nextConfirmAt = sentAt === null ? null : sentAt + CONFIRM_AFTER_MS;
  if (lastFailure && (await queuedCount(db)) > 0) return { ...counts, outcome: 'retry', nextConfirmAt, ...lastFailure };
  if (notHeld > 0) {
    // The server answered as if it recorded them, but does not hold them: send again, after a pause.
    return { ...counts, outcome: 'retry', nextConfirmAt, problem: 'answer', message: `Qtickets did not record ${notHeld} check-in(s) it was sent; sending them again` };
  }
  return { ...counts, outcome: 'done', nextConfirmAt };
}
