// The door's rules: given what the device knows about a code, admit or deny. Pure, so every
// rule is unit-tested and the scan path never waits for anything but the lookup itself.
import { admittingShows } from './door-day.ts';
import { checkEntryWindow, DEFAULT_ENTRY_WINDOW, type EntryWindowPolicy } from './entry-window.ts';
import { latestMovements, latestOf } from './presence.ts';
import type { Admission, EntryWarning, Movement, Show, ShowId, Ticket, Verdict } from './types.ts';
import { zoneAdmitted } from './zones.ts';

export interface Knowledge {
  /** The normalised code as read. */
  code: string;
  /** Every stored ticket matching any candidate of the code, across all stored shows. */
  tickets: Ticket[];
  /** Admissions already recorded for those tickets. */
  admissions: Admission[];
  /** All stored shows (active and not). */
  shows: Show[];
  /** Zones this entrance admits; empty or absent: every zone. */
  entrance?: readonly string[];
  /** The moment of the scan: among the ticked shows only today's admit. Absent: every ticked show. */
  now?: Date;
  /** The show's entry window (needs `now`); absent: the default policy. */
  window?: EntryWindowPolicy;
  /** Exits and re-entries of those tickets (domain/presence.ts); absent: none. */
  movements?: readonly Movement[];
  /** Shows whose policy lets a person back in after an exit; absent: none (no re-entry, as before). */
  reentryShows?: readonly ShowId[];
}

/** Either a final denial/warning, or permission to admit this ticket (the caller records it), perhaps with a warning. */
export type Decision =
  /** `reentry`: back in after an exit (no new check-in: Qtickets keeps the first). */
  | { admit: true; ticket: Ticket; warning?: EntryWarning; reentry?: { leftAt: string } }
  | { admit: false; verdict: Verdict };

const key = (showId: ShowId, code: string) => `${showId}\u0000${code}`;

export function decide({ code, tickets, admissions, shows, entrance = [], now, window = DEFAULT_ENTRY_WINDOW, movements = [], reentryShows = [] }: Knowledge): Decision {
  const showById = new Map(shows.map((s) => [s.id, s]));
  const admitted = new Map(admissions.map((a) => [key(a.showId, a.code), a]));
  // A ticket of a show this device admits for today beats one of a stored show it does not.
  const admitting = admittingShows(shows, now);
  const here = tickets.filter((t) => admitting.has(t.showId));
  // Among several matches for the door (EAN read that is also a code?), prefer one still valid.
  const ranked = [...here].sort((a, b) => rank(a) - rank(b));
  function rank(t: Ticket): number {
    if (t.revoked) return 3;
    if (!zoneAdmitted(t, entrance)) return 2;
    return admitted.has(key(t.showId, t.code)) ? 1 : 0;
  }
  const ticket = ranked[0];
  if (ticket) {
    if (ticket.revoked) return { admit: false, verdict: { kind: 'revoked', code, ticket } };
    // Like pretixSCAN's check-in lists: the entrance is checked before "already used", so a
    // guest at the wrong door is sent to the right one rather than told they were in.
    if (!zoneAdmitted(ticket, entrance)) {
      return { admit: false, verdict: { kind: 'wrong_zone', code, ticket, entrance: [...entrance] } };
    }
    // The window before "already used", as pretixSCAN checks a ticket's validity period first:
    // before the doors open or after the end, the time is the answer the guest needs.
    const show = showById.get(ticket.showId);
    const windowCheck = now && show ? checkEntryWindow(show, now, window) : ({ state: 'open' } as const);
    if (windowCheck.state === 'too_early' && windowCheck.action === 'deny') {
      return { admit: false, verdict: { kind: 'too_early', code, ticket, from: windowCheck.from, sameDay: windowCheck.sameDay } };
    }
    if (windowCheck.state === 'show_over' && windowCheck.action === 'deny') {
      return { admit: false, verdict: { kind: 'show_over', code, ticket, until: windowCheck.until, sameDay: windowCheck.sameDay } };
    }
    const admission = admitted.get(key(ticket.showId, ticket.code));
    const moved = admission && movements.length > 0 ? latestOf(latestMovements(movements), ticket.showId, ticket.code) : undefined;
    // Out since an exit, at a show that lets people back: a re-entry, not a second entry.
    if (moved?.kind === 'exit' && reentryShows.includes(ticket.showId)) return { admit: true, ticket, reentry: { leftAt: moved.at } };
    // Back in already: the queue needs the latest entry ("2 мин назад"), not the first.
    if (admission && moved?.kind === 'reentry') {
      return {
        admit: false,
        verdict: { kind: 'already_checked', code, ticket, checkedAt: moved.at, source: moved.source, ...(moved.door ? { door: moved.door } : {}), ...agoOf(moved.at, now) },
      };
    }
    if (admission) {
      return {
        admit: false,
        verdict: {
          kind: 'already_checked',
          code,
          ticket,
          checkedAt: admission.checkedAt,
          source: admission.source,
          ...(admission.door ? { door: admission.door } : {}),
          ...agoOf(admission.checkedAt, now),
        },
      };
    }
    if (windowCheck.state === 'too_early') return { admit: true, ticket, warning: { kind: 'too_early', at: windowCheck.from, sameDay: windowCheck.sameDay } };
    if (windowCheck.state === 'show_over') return { admit: true, ticket, warning: { kind: 'show_over', at: windowCheck.until, sameDay: windowCheck.sameDay } };
    return { admit: true, ticket };
  }
  const elsewhere = tickets.find((t) => showById.has(t.showId));
  const show = elsewhere && showById.get(elsewhere.showId);
  if (elsewhere && show) return { admit: false, verdict: { kind: 'wrong_show', code, ticket: elsewhere, show } };
  return { admit: false, verdict: { kind: 'unknown', code, listFrom: oldestPull(shows, admitting) } };
}

/**
 * "12 мин назад": whole minutes from a check-in to this scan, so the queue hears how long ago,
 * not only a clock time. Never negative: another clock (the server's, another door's) may run ahead.
 */
function agoOf(checkedAt: string, now: Date | undefined): { agoMinutes?: number } {
  const at = Date.parse(checkedAt);
  if (!now || Number.isNaN(at)) return {};
  return { agoMinutes: Math.max(0, Math.floor((now.getTime() - at) / 60_000)) };
}

/** When the oldest list this door admits with was pulled: a ticket sold after it is on no list. */
function oldestPull(shows: readonly Show[], admitting: ReadonlySet<ShowId>): string | null {
  let oldest: { at: number; iso: string } | null = null;
  for (const s of shows) {
    if (!admitting.has(s.id) || s.pulledAt === null) continue;
    const at = Date.parse(s.pulledAt);
    if (!Number.isNaN(at) && (oldest === null || at < oldest.at)) oldest = { at, iso: s.pulledAt };
  }
  return oldest?.iso ?? null;
}
