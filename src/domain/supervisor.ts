// Supervisor decisions at the door (issue 17 §4), as pure rules: who may do what, which denials a
// supervisor may admit anyway, what such an override becomes, and what a reason or a note may say.
// The flow (PIN, recording, delivery) is the door engine's; the words are the UI's.
import type { OverridableKind, OverrideDelivery, OverrideReason, VerdictKind } from './types.ts';

// The types live with the door's vocabulary (types.ts: a scan line carries an OverrideMark).
export type { OverridableKind, OverrideDelivery, OverrideMark, OverrideReason } from './types.ts';

/**
 * A steward (контролёр) scans, types, searches and reads; a supervisor (старший) also changes
 * settings, undoes, removes a show, signs out and admits anyway. Without a PIN on the device
 * everyone is the supervisor, as before roles existed; with one, the PIN unlocks the supervisor.
 */
export type Role = 'steward' | 'supervisor';

export function roleOf(pinSet: boolean, unlocked: boolean): Role {
  return !pinSet || unlocked ? 'supervisor' : 'steward';
}

/** The denials a supervisor may admit anyway; `unknown` is not one: there is no ticket to admit. */
export const OVERRIDABLE = ['already_checked', 'wrong_show', 'wrong_zone', 'too_early', 'show_over', 'revoked'] as const satisfies readonly OverridableKind[];

export function isOverridable(kind: VerdictKind): kind is OverridableKind {
  return (OVERRIDABLE as readonly string[]).includes(kind);
}

/** The short list the supervisor picks from; `other` needs words of their own. */
export const OVERRIDE_REASONS = ['supervisor', 'list_error', 'vip', 'other'] as const satisfies readonly OverrideReason[];

/**
 * Where an override goes. `qtickets`: a real check-in, queued and delivered like any admission.
 * `local`: recorded on this device only, because Qtickets cannot take it honestly — the ticket is
 * already checked in there (or queued to be: its API keeps one `checked_at` per ticket), or it
 * was refunded/cancelled (a check-in of a ticket Qtickets no longer sells would be refused, or
 * worse, accepted against a refund).
 */
export function overrideDelivery(ticket: { revoked: boolean; admitted: boolean }): OverrideDelivery {
  return ticket.revoked || ticket.admitted ? 'local' : 'qtickets';
}

/** Long enough for a sentence at the door, short enough for a CSV cell. */
export const MAX_WORDS = 200;

/**
 * Trimmed, one line, no control or invisible characters (a scanner's stray Enter or a pasted
 * zero-width space), at most MAX_WORDS characters. Empty when nothing is left.
 */
export function cleanWords(raw: string): string {
  const oneLine = raw.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ');
  return Array.from(oneLine.replace(/\s+/g, ' ').trim()).slice(0, MAX_WORDS).join('').trim();
}

export type OverrideInput = { ok: true; reason: OverrideReason; text?: string } | { ok: false; problem: 'no_reason' | 'no_text' };

/** A reason from the list is required; "other" needs words; words given with any reason are kept. */
export function checkOverrideInput(reason: string | null, text: string): OverrideInput {
  if (!reason || !(OVERRIDE_REASONS as readonly string[]).includes(reason)) return { ok: false, problem: 'no_reason' };
  const words = cleanWords(text);
  if (reason === 'other' && !words) return { ok: false, problem: 'no_text' };
  return { ok: true, reason: reason as OverrideReason, ...(words ? { text: words } : {}) };
}
