// The door's vocabulary. Pure data: no I/O, no framework. Every other layer speaks in these.

export type ShowId = number;

/** A show (сеанс / дата) of an event, as stored on the device. */
export interface Show {
  id: ShowId;
  eventId: number;
  eventName: string;
  /** ISO 8601 with offset, as Qtickets sends it; null when the API gave none. */
  startDate: string | null;
  /** When the doors open and when the show ends (ISO with the venue's offset); absent on shows stored before they were kept. */
  openDate?: string | null;
  finishDate?: string | null;
  /** Whether this device admits tickets of this show right now. A stored but inactive show gives `wrong_show`. */
  active: boolean;
  /** When the barcode list was last pulled successfully (ISO 8601), null before the first pull. */
  pulledAt: string | null;
}

/** One barcode of a show as the server lists it (the server's view; replaced on every pull). */
export interface Ticket {
  showId: ShowId;
  code: string;
  admission: boolean;
  price: number | null;
  seatName: string | null;
  zoneName: string | null;
  row: string | null;
  place: string | null;
  clientName: string | null;
  clientSurname: string | null;
  clientMiddlename: string | null;
  /** 1 when the code was listed before and is absent from the latest pull (refunded or cancelled). */
  revoked: 0 | 1;
}

/** Who knew that a ticket was already used. */
/** Who admitted a ticket: this device, Qtickets (as the server reported it), or another door of the venue (the hub). */
export type CheckSource = 'this_device' | 'server' | 'venue';

/** A local fact: this ticket has been admitted (kept apart from Ticket so a pull never erases it). */
export interface Admission {
  showId: ShowId;
  code: string;
  checkedAt: string;
  source: CheckSource;
  /** The door that admitted it, as a person named that device ("Вход 2"), for `venue` admissions. */
  door?: string;
}

/** One admission waiting to be delivered to Qtickets (the outbox). Append-only until accepted. */
export interface CheckIn {
  /** Random per-scan id (UUID): makes the fact unique even if the same code is admitted twice. */
  id: string;
  showId: ShowId;
  code: string;
  /** ISO 8601 with the device's local offset, e.g. 2026-12-29T19:03:12+03:00. */
  checkedAt: string;
  deviceId: string;
  /** Epoch ms when it was queued; orders delivery. */
  queuedAt: number;
  /** Delivery attempts that included this record. */
  attempts: number;
  lastError: string | null;
  /**
   * Epoch ms when a batch answer left this record unconfirmed (or refused it without our time):
   * it waits for a read-back, not for another send. Absent or null: queued to be sent.
   */
  sentAt?: number | null;
  /** The server's words when it refused the record: a read-back decides whether they stand. */
  refusal?: string | null;
  /** Times a read-back found the server did not hold it after a send that looked fine. */
  unheld?: number;
}

/** A check-in the server refused; kept visible, never retried automatically, never dropped. */
export interface RejectedCheckIn extends CheckIn {
  rejectedAt: number;
  reason: string;
  /** Set when a person dismissed it (with why): it stays on the device, out of the count. */
  dismissedAt?: number;
  dismissReason?: string;
}

export type VerdictKind =
  | 'valid'
  | 'already_checked'
  | 'unknown'
  | 'revoked'
  | 'wrong_show'
  | 'wrong_zone'
  | 'too_early'
  | 'show_over'
  /** Exit and re-entry (domain/presence.ts): kept on the device, never sent to Qtickets. */
  | 'reentry'
  | 'exit'
  | 'not_inside';

/** Whether this door lets people in or records that they left (a device setting, switched on the scan screen). */
export type DoorDirection = 'entry' | 'exit';

/**
 * A person leaving or coming back in with a ticket already admitted. Qtickets has no exit (it
 * keeps the first checked_at), so these live on the device and travel only through the venue hub.
 */
export interface Movement {
  /** Random per-scan id: the hub shares it idempotently. */
  id: string;
  showId: ShowId;
  code: string;
  kind: 'exit' | 'reentry';
  /** ISO 8601 with the local offset, like a check-in's checked_at. */
  at: string;
  source: 'this_device' | 'venue';
  /** The door that recorded it, for `venue` movements ("Выход 1"). */
  door?: string;
}

/** The denials a supervisor may admit anyway (supervisor.ts); `unknown` is not one: there is no ticket. */
export type OverridableKind = 'already_checked' | 'wrong_show' | 'wrong_zone' | 'too_early' | 'show_over' | 'revoked';
/** The short list the supervisor picks from; `other` needs words of their own. */
export type OverrideReason = 'supervisor' | 'list_error' | 'vip' | 'other';
/** Where an override goes: a real check-in for Qtickets, or this device only (supervisor.ts). */
export type OverrideDelivery = 'qtickets' | 'local';

/** How an override is logged on its scan line. */
export interface OverrideMark {
  /** What the door said before the supervisor decided. */
  denied: OverridableKind;
  reason: OverrideReason;
  /** The supervisor's own words; always there for `other`. */
  text?: string;
  /** Epoch ms of the decision. */
  at: number;
  delivery: OverrideDelivery;
}

/**
 * An admission outside the show's entry window that the door's policy lets in with a warning:
 * `at` is the edge of the window (ISO in the venue's offset): entry from, or entry until.
 */
export interface EntryWarning {
  kind: 'too_early' | 'show_over';
  at: string;
  /** `at` falls on the scan's own date in venue time: the hour alone says it. */
  sameDay: boolean;
}

/** Where the late-sales question to Qtickets stands for a code on no stored list. */
export type LateLookupState = 'checking' | 'absent' | 'unreachable' | 'offline';

export type InputSource = 'camera' | 'scanner' | 'typed' | 'search';

export type Verdict =
  /** `override`: a supervisor admitted a denied scan anyway (supervisor.ts). */
  | { kind: 'valid'; code: string; ticket: Ticket; checkedAt: string; recorded: true; warning?: EntryWarning; override?: OverrideMark }
  /** Valid, but IndexedDB refused the write: staff must note the ticket by hand. */
  | { kind: 'valid'; code: string; ticket: Ticket; checkedAt: string; recorded: false; error: string; warning?: EntryWarning }
  /** `agoMinutes`: whole minutes from that check-in to this scan (never negative), when the scan's moment is known. */
  | { kind: 'already_checked'; code: string; ticket: Ticket; checkedAt: string; source: CheckSource; door?: string; agoMinutes?: number }
  /**
   * On no stored list. `listFrom`: when the oldest list this door admits with was pulled (a
   * ticket sold since is not on it). `server`: what Qtickets said of the code, when it was asked
   * (late sales): still `checking`, `absent` from every show this door admits, `unreachable`
   * (no answer in time), or `offline` (not asked: the device is offline). Absent: not a code to ask about.
   */
  | { kind: 'unknown'; code: string; listFrom?: string | null; server?: LateLookupState }
  | { kind: 'revoked'; code: string; ticket: Ticket }
  | { kind: 'wrong_show'; code: string; ticket: Ticket; show: Show }
  /** Listed and valid, but for a zone this entrance does not admit; `entrance` is what it does admit. */
  | { kind: 'wrong_zone'; code: string; ticket: Ticket; entrance: string[] }
  /** Before the show's doors open (less the tolerance): `from` is when this ticket admits, in venue time. */
  | { kind: 'too_early'; code: string; ticket: Ticket; from: string; sameDay: boolean }
  /** After the show's end (plus the tolerance): `until` was the last moment it admitted, in venue time. */
  | { kind: 'show_over'; code: string; ticket: Ticket; until: string; sameDay: boolean }
  /** Back in after an exit, where the show's policy allows it; `leftAt`: when they went out. `recorded` false: the write failed. */
  | { kind: 'reentry'; code: string; ticket: Ticket; at: string; leftAt: string; recorded: boolean }
  /** At an exit door: the person left. `reentry`: whether the show lets them back in. */
  | { kind: 'exit'; code: string; ticket: Ticket; at: string; reentry: boolean; recorded: boolean }
  /** At an exit door, a ticket that is not inside: never admitted, or already out since `leftAt`. */
  | { kind: 'not_inside'; code: string; ticket: Ticket; leftAt?: string };

/** A scan as it is logged (denied ones too). */
export interface ScanRecord {
  id: string;
  at: number;
  code: string;
  verdict: VerdictKind;
  showId: ShowId | null;
  source: InputSource;
  /** The outbox record an admission queued: what an undo removes. */
  checkInId?: string;
  /** The exit or re-entry this scan recorded (presence.ts): what the hub shares. */
  movementId?: string;
  /** The checked_at an admission carried (corrected when the device clock was off). */
  checkedAt?: string;
  /**
   * Set when the device clock was found off by more than the allowed skew: the correction (ms)
   * added to the device's own time. `at` always stays the raw device time.
   */
  clockOffsetMs?: number;
  /** An admission let in outside the show's entry window (the policy said warn): which edge. */
  warning?: EntryWarning['kind'];
  /** Epoch ms when a person undid this admission before it was delivered. */
  undoneAt?: number;
  /** Admissions only: 0 until the server's view of it was compared (double-entry check), then 1. */
  verified?: 0 | 1;
  /**
   * A supervisor admitted this denied scan anyway. `verdict` keeps what the rules said; an
   * override Qtickets can take also carries `checkInId`, `checkedAt` and `verified` as an admission.
   */
  override?: OverrideMark;
  /** A person's note on this scan ("без браслета"). */
  note?: string;
}

/** Two admissions of one ticket: ours, and an earlier one the server already had from elsewhere. */
export interface Conflict {
  id: string;
  showId: ShowId;
  code: string;
  /** Our admission's checked_at. */
  localCheckedAt: string;
  /** The earlier checked_at the server holds. */
  serverCheckedAt: string;
  /** This device; the other one is unknown to the API, so it is named only as "elsewhere". */
  deviceId: string;
  foundAt: number;
  /** Found by the check right after a scan, or later, once offline admissions were delivered. */
  /** The check right after a scan, a look after delivery, or another door's admission through the venue hub. */
  foundBy: 'check' | 'delivery' | 'venue';
  /** The other door by the name a person gave it, when the venue hub told (the API names none). */
  otherDoor?: string;
  /** 0 until a person has acknowledged the on-screen warning. */
  seen: 0 | 1;
}
