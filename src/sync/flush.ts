// Delivering the outbox. Rules (pretixSCAN's, and the issue's):
// - a record leaves the outbox only after a 2xx that did not refuse it;
// - a record the server refuses goes to the visible rejected list: never retried forever, never dropped;
// - a batch the server refuses as a whole is halved until the record that poisons it stands alone;
// - a batch that keeps failing with retryable errors is sent in smaller pieces, and a piece that
//   fails is set aside for the rest of the pass so it never holds back the others. It stays in
//   the outbox: a retryable failure (5xx, timeout, reset…) is never taken as a refusal, because a
//   flaky network produces exactly the same pattern as a record that poisons its batch, and
//   rejecting on it would drop a good admission from delivery;
// - retryable failures end the pass (back off, don't hammer); auth failures stop everything.
import type { CheckIn } from '../domain/types.ts';
import type { KontrolDb } from '../db/database.ts';
import { markDelivered, moveToRejected, noteFailedAttempt, oldestBatch, pendingCount } from '../db/outbox.ts';
import type { DeliveryAnswer, DeliveryPort } from './port.ts';

export const MAX_BATCH = 100;
/** Failed attempts after which a batch is sent in halves. */
export const SPLIT_AFTER_ATTEMPTS = 3;

export type FlushResult =
  | { outcome: 'done'; delivered: number; rejected: number }
  | { outcome: 'retry'; delivered: number; rejected: number; message: string; retryAfterMs?: number }
  | { outcome: 'auth'; delivered: number; rejected: number; message: string; status: number };

/** Batch size for records that already failed `attempts` times: 100, 50, 25 … 1. */
export function batchSizeFor(attempts: number): number {
  return Math.max(1, Math.floor(MAX_BATCH / 2 ** Math.floor(attempts / SPLIT_AFTER_ATTEMPTS)));
}

export async function flushOutbox(db: KontrolDb, port: DeliveryPort): Promise<FlushResult> {
  let delivered = 0;
  let rejected = 0;
  let progressed = false; // the server accepted something during this pass

  async function send(batch: CheckIn[]): Promise<Extract<DeliveryAnswer, { kind: 'retry' | 'auth' }> | null> {
    const first = batch[0];
    if (!first) return null;
    const answer = await port.postCheckIns(first.showId, batch.map((c) => ({ barcode: c.code, checked_at: c.checkedAt })));
    if (answer.ok) {
      const reasons = new Map(answer.rejected.map((r) => [r.barcode, r.reason]));
      const refused = batch.filter((c) => reasons.has(c.code));
      const accepted = batch.filter((c) => !reasons.has(c.code));
      await moveToRejected(db, refused.map((c) => ({ id: c.id, reason: reasons.get(c.code) ?? '' })));
      await markDelivered(db, accepted.map((c) => c.id));
      delivered += accepted.length;
      rejected += refused.length;
      if (accepted.length > 0) progressed = true;
      return null;
    }
    if (answer.kind === 'refused') {
      if (batch.length === 1) {
        await moveToRejected(db, [{ id: first.id, reason: answer.message }]);
        rejected += 1;
        return null;
      }
      const half = Math.ceil(batch.length / 2);
      return (await send(batch.slice(0, half))) ?? (await send(batch.slice(half)));
    }
    await noteFailedAttempt(db, batch.map((c) => c.id), answer.message);
    return answer;
  }

  const skipped = new Set<string>();
  let failures = 0;
  let lastFailure: Extract<DeliveryAnswer, { kind: 'retry' }> | null = null;
  for (;;) {
    const head = await oldestBatch(db, MAX_BATCH, skipped);
    if (head.length === 0) break;
    const batch = head.slice(0, batchSizeFor(head[0]?.attempts ?? 0));
    const failure = await send(batch);
    if (failure?.kind === 'auth') return { outcome: 'auth', delivered, rejected, message: failure.message, status: failure.status };
    if (!failure) continue;
    failures += 1;
    lastFailure = failure;
    // Rate-limited (429 or Retry-After): probing further pieces now would be hammering.
    if (failure.status === 429 || failure.retryAfterMs !== undefined) break;
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
  if (lastFailure && (await pendingCount(db)) > 0) {
    return { outcome: 'retry', delivered, rejected, message: lastFailure.message, retryAfterMs: lastFailure.retryAfterMs };
  }
  return { outcome: 'done', delivered, rejected };
}
