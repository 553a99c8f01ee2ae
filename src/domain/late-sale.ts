// A code on no stored list may be a ticket sold after the last pull (late sales). The door asks
// Qtickets about it for each show it admits; this decides what the answers together say. Pure.
import type { ShowId } from './types.ts';

/** One show's answer about one code: it holds the ticket (used or not), has no such code, or did not answer. */
export type LateAnswer =
  | { showId: ShowId; code: string; state: 'held'; checkedAt: string | null }
  | { showId: ShowId; code: string; state: 'absent' }
  | { showId: ShowId; code: string; state: 'failed' };

export type LateFinding =
  | { found: true; showId: ShowId; code: string; checkedAt: string | null }
  /** `absent`: every show said it has no such code. `unreachable`: some did not answer, none held it. */
  | { found: false; server: 'absent' | 'unreachable' };

/**
 * A show that holds the code wins; among several (an EAN read that is also a code), one not yet
 * used, then the first asked. "Not found" only when every show said so: a show that did not
 * answer may be the one that sold it.
 */
export function settleLateLookup(answers: readonly LateAnswer[]): LateFinding {
  const held = answers.filter((a): a is Extract<LateAnswer, { state: 'held' }> => a.state === 'held');
  const best = held.find((a) => a.checkedAt === null) ?? held[0];
  if (best) return { found: true, showId: best.showId, code: best.code, checkedAt: best.checkedAt };
  if (answers.length > 0 && answers.every((a) => a.state === 'absent')) return { found: false, server: 'absent' };
  return { found: false, server: 'unreachable' };
}
