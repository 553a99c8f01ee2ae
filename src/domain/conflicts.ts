// Double entry across devices: offline devices can each admit the same ticket. The server's
// `checked_at` for a ticket we admitted tells whether someone else admitted it too.
//
// Nobody has documented what Qtickets keeps when a barcode that already has a `checked_at` is
// checked in again: the earliest time, the first one it received, the last one it received, or a
// refusal. Under every one of these, once our admission was sent, a time on the server that is
// not ours can only be another device's (or entrance's) admission of the same ticket, earlier or
// later than ours. Before we have sent ours, any time there is someone else's too. So the rule is
// simply "a time that is not ours", whatever its order.
//
// What a single look cannot see: our own time echoed back proves only that nobody ELSE has
// delivered yet. A device that delivers first sees its own time; under "keep the earliest" or
// "keep the last" the other device's later delivery then replaces it on the server without either
// device being told. So an admission that looked clean is looked at again, at growing intervals
// (see `nextCheckAt`), until the night is over.
import type { ShowId } from './types.ts';

/**
 * One double entry, however it was found (the check after a scan, a look after delivery, another
 * door through the venue hub): keyed by our own admission, so finding it twice stores it once.
 */
export const conflictId = (showId: ShowId, code: string, localCheckedAt: string): string => `${showId}:${code}:${localCheckedAt}`;

export type ServerView =
  /** The server holds another admission of this ticket, earlier or later than ours: a double entry. */
  | 'conflict'
  /** The server holds our own admission (or one at the same second): nobody else so far. */
  | 'ours'
  /** The server holds no usable time: ours is not there yet, was refused, or the answer is unreadable. */
  | 'nothing';

export function judgeServerView(localCheckedAt: string, serverCheckedAt: string | null): ServerView {
  if (serverCheckedAt === null) return 'nothing';
  const server = Date.parse(serverCheckedAt);
  const local = Date.parse(localCheckedAt);
  if (Number.isNaN(server) || Number.isNaN(local)) return 'nothing';
  // Both sides write whole seconds; the same second is taken as our own record echoed back
  // (a server may also drop the fraction or change the offset: the instant is compared).
  const toSecond = (ms: number) => Math.floor(ms / 1000);
  return toSecond(server) === toSecond(local) ? 'ours' : 'conflict';
}

/** Whether the other admission of a conflict came before ours (else another device admitted it after us). */
export function otherCameFirst(conflict: { localCheckedAt: string; serverCheckedAt: string }): boolean {
  const other = Date.parse(conflict.serverCheckedAt);
  const ours = Date.parse(conflict.localCheckedAt);
  // An unreadable time is shown as it came; "earlier" is the wording the door knew before.
  return Number.isNaN(other) || Number.isNaN(ours) || other < ours;
}

/** How often a delivered admission of ours was looked at on the server, and when last. */
export interface WatchMark {
  /** Looks after delivery so far (the first is the one right after delivery). */
  checks: number;
  /** Epoch ms of the last look. */
  lastCheckAt: number;
}

/**
 * The pauses before each further look at a delivered admission that looked clean. Another device
 * delivers whenever it finds a network: often within minutes, sometimes after hours offline. The
 * pauses grow so a night of thousands of admissions costs a handful of requests per ticket
 * (eight looks in all, the last about 16 hours after delivery).
 */
export const RECHECK_AFTER_MS: readonly number[] = [30_000, 120_000, 600_000, 1_800_000, 5_400_000, 14_400_000, 36_000_000];

/**
 * When to look at a delivered admission again: now (epoch 0) when it was never looked at since
 * delivery, null when the watch is over.
 */
export function nextCheckAt(mark: WatchMark | undefined): number | null {
  if (!mark || mark.checks < 1) return 0;
  const pause = RECHECK_AFTER_MS[mark.checks - 1];
  return pause === undefined ? null : mark.lastCheckAt + pause;
}
