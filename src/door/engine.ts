// The door engine: the one home of the door's flows, outside React. Built once in src/app, tested
// without a browser; src/state holds only thin hooks over it.
// - scan → record (db) → after-admission steps (deliver soon, double-entry check, …);
// - the one refresh: upload first, join a running pull (sync/refresh.ts);
// - every mutation of the outbox holds the delivery lock, so a flush sending those very records
//   finishes first: undo, sign-out, removing a show, resending or dismissing rejected records,
//   taking a held-back list.
import type { KontrolDb } from '../db/database.ts';
import { forgetShow, type ForgetShowOutcome } from '../db/forget-show.ts';
import { clearHeldPull } from '../db/held-pulls.ts';
import { undoAdmission, type UndoOutcome } from '../db/history.ts';
import { dismissRejected, resendRejected } from '../db/outbox.ts';
import { recordScan, type ScanOutcome } from '../db/scan.ts';
import { getToken } from '../db/settings.ts';
import { setShowActive } from '../db/shows.ts';
import { signOut, type SignOutOutcome } from '../db/signout.ts';
import { noteScan, overrideScan, type OverrideOutcome } from '../db/supervisor.ts';
import { setDeviceName } from '../db/venue.ts';
import { isPlausibleTicketCode } from '../domain/code.ts';
import type { OverrideReason } from '../domain/supervisor.ts';
import type { InputSource, ShowId, Verdict } from '../domain/types.ts';
import type { HubDevice, QticketsClient } from '../api/index.ts';
import type { SyncLoop, SyncState } from '../sync/loop.ts';
import type { HubLink, HubStatus } from '../sync/hub-link.ts';
import { cell, type Observable } from '../sync/observable.ts';
import { pullShow } from '../sync/pull.ts';
import type { Refresher, RefreshState, RefreshSummary } from '../sync/refresh.ts';
import { runSteps, type AdmissionStep } from './after-admission.ts';
import { askAboutLateTicket } from './late-sales.ts';

export interface DoorParts {
  db: KontrolDb;
  api: QticketsClient;
  sync: SyncLoop;
  delivery: Observable<SyncState>;
  refresher: Refresher;
  deviceId: () => Promise<string>;
  /** Runs `fn` holding the delivery lock (Web Locks across tabs). */
  withDeliveryLock: <T>(fn: () => Promise<T>) => Promise<T>;
  /** After each recorded admission, in order; the engine adds "deliver soon" first itself. */
  afterAdmission: readonly AdmissionStep[];
  /**
   * When the steps run: after the verdict is painted in the browser (sound, the double-entry
   * question and the rest never compete with the verdict's first frame: on the first scan after
   * opening they cost tens of ms), at once in tests.
   */
  afterPaint?: (fn: () => void) => void;
  /** The venue hub link, when the app has one (src/sync/hub-link.ts). */
  venue?: HubLink;
  /** Whether the network extras may run now (the connectivity mode); absent: never (the late-sales question stays off). */
  online?: () => boolean;
  /** How long a late-sales question may wait for Qtickets (late-sales.ts); tests shorten it. */
  lateLookupMs?: number;
}

/**
 * A scan's outcome. `followUp`: the verdict on screen is "unknown, checking with the server" and
 * this settles to the verdict that replaces it (late-sales.ts); it never rejects.
 */
export type DoorScanOutcome = ScanOutcome & { followUp?: Promise<Verdict> };

function afterNextPaint(fn: () => void): void {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  // A hidden tab paints no frames: the steps must not wait for it to be shown again.
  setTimeout(once, 100);
}

export interface Door {
  scan(raw: string, source: InputSource): Promise<DoorScanOutcome>;
  /** Upload first, then pull every stored list; a running refresh is joined, not doubled. */
  refresh(): Promise<RefreshSummary | null>;
  sendNow(): Promise<void>;
  undo(scanId: string): Promise<UndoOutcome>;
  /**
   * A supervisor admits a denied scan (its log line `scanId`) anyway. One Qtickets can take is an
   * admission from here on: stored before this resolves, then the after-admission steps as for a
   * scan (deliver soon, the double-entry question, the venue hub). The PIN is asked by the screen
   * before it calls this (state/supervisor.ts): the engine records the decision, not who may make it.
   */
  override(scanId: string, decision: { reason: OverrideReason; text?: string }): Promise<OverrideOutcome>;
  /** A person's note on a scan ("без браслета"); blank words clear it. False: no such scan. */
  note(scanId: string, text: string): Promise<boolean>;
  signOut(confirmDiscard: number): Promise<SignOutOutcome>;
  forgetShow(showId: ShowId, confirmDiscard: number): Promise<ForgetShowOutcome>;
  resendRejected(id: string): Promise<void>;
  dismissRejected(id: string, reason: string): Promise<void>;
  /** Takes the server's list of a show after all (a pull held back as suspicious); false offline. */
  acceptHeldPull(showId: ShowId): Promise<boolean>;
  keepHeldPull(showId: ShowId): Promise<void>;
  readonly delivery: Observable<SyncState>;
  readonly refreshing: Observable<RefreshState>;
  /** The link to the other doors; 'off' without a hub. */
  readonly venue: Observable<HubStatus>;
  /** Other doors' admissions learned since the app started. */
  readonly venueLearned: Observable<number>;
  /** Every device of the venue, as their heartbeats last said. */
  readonly venueDevices: Observable<readonly HubDevice[]>;
  /** The token or the door's shows changed: join the venue again with them. */
  rejoinVenue(): void;
  /** Ticks a show on or off for this door; the venue stream follows the shows this door admits. */
  setShowActive(showId: ShowId, active: boolean): Promise<void>;
  /** This device's name as the other doors and the supervisor read it ("Вход 2"). */
  setDeviceName(name: string): Promise<void>;
}

const NO_VENUE = cell<HubStatus>({ status: 'off' });
const NOTHING_LEARNED = cell(0);
const NO_DEVICES = cell<readonly HubDevice[]>([]);

export function createDoor(parts: DoorParts): Door {
  const { db, sync, withDeliveryLock } = parts;
  /**
   * Runs `clear` with the venue link held (hub-link.ts pause()): the link writes as the other
   * doors' events come in, and none of them, nor its stream position, may land after the data
   * they belong to is gone. `forget`: whether the link drops what it keeps in memory too (a
   * device signed out). A failed `clear` releases the link as it was.
   */
  async function withVenueHeld<T>(clear: () => Promise<T>, forget: (outcome: T) => boolean): Promise<T> {
    const release = await parts.venue?.pause();
    let forgotten = false;
    try {
      const outcome = await clear();
      forgotten = forget(outcome);
      return outcome;
    } finally {
      release?.(forgotten);
    }
  }
  const steps: AdmissionStep[] = [() => sync.kick(), ...parts.afterAdmission];
  const afterPaint = parts.afterPaint ?? afterNextPaint;

  /** The late-sales question of the scan on the panel; the next scan supersedes it. */
  let asking: AbortController | null = null;

  function afterAdmission(verdict: Verdict): void {
    // An exit or a re-entry: nothing for Qtickets, but the other doors should hear of it.
    if ((verdict.kind === 'exit' || verdict.kind === 'reentry') && verdict.recorded) {
      afterPaint(() => parts.venue?.share());
      return;
    }
    if (verdict.kind !== 'valid' || !verdict.recorded) return;
    const admission = { showId: verdict.ticket.showId, code: verdict.ticket.code, checkedAt: verdict.checkedAt };
    afterPaint(() => runSteps(steps, admission));
  }

  /**
   * A code on no list: said at once, then asked about online when it can be a ticket (a garbage
   * read never leaves the device); offline, the verdict says so and how old the lists are.
   */
  function lateSales(outcome: Extract<ScanOutcome, { ok: true }>, source: InputSource): DoorScanOutcome {
    const unknown = outcome.verdict;
    // An exit door lets nobody in: a code it does not know is not worth asking Qtickets about.
    if (outcome.atExit) return outcome;
    if (unknown.kind !== 'unknown' || !outcome.scanId || !isPlausibleTicketCode(unknown.code)) return outcome;
    if (!(parts.online?.() ?? false)) return { ...outcome, verdict: { ...unknown, server: 'offline' } };
    const question = { code: unknown.code, source, scanId: outcome.scanId, unknown };
    asking = new AbortController();
    const superseded = asking.signal;
    const followUp = askAboutLateTicket({ db, api: parts.api, deviceId: parts.deviceId, timeoutMs: parts.lateLookupMs, superseded }, question).then(
      ({ verdict, recorded }) => {
        afterAdmission(verdict);
        // Its show's list (and the others) pulled again in the background, upload first, as every refresh.
        if (recorded) void parts.refresher.runNow().catch(() => undefined);
        return verdict;
      },
      (): Verdict => ({ ...unknown, server: 'unreachable' }),
    );
    return { ...outcome, verdict: { ...unknown, server: 'checking' }, followUp };
  }

  return {
    async scan(raw, source) {
      asking?.abort();
      asking = null;
      const outcome = await recordScan(db, { raw, source, deviceId: await parts.deviceId() });
      if (!outcome.ok) return outcome;
      afterAdmission(outcome.verdict);
      return lateSales(outcome, source);
    },
    refresh: () => parts.refresher.runNow(),
    async sendNow() {
      await sync.flushNow();
    },
    undo: (scanId) => withDeliveryLock(() => undoAdmission(db, scanId)),
    async override(scanId, decision) {
      const outcome = await overrideScan(db, { scanId, ...decision, deviceId: await parts.deviceId() });
      if (outcome.ok && outcome.verdict.override?.delivery === 'qtickets') afterAdmission(outcome.verdict);
      return outcome;
    },
    note: (scanId, text) => noteScan(db, scanId, text),
    signOut: (confirmDiscard) => withVenueHeld(() => withDeliveryLock(() => signOut(db, confirmDiscard)), (outcome) => outcome.ok),
    // Held too: the stream follows the door's shows, and rejoins without the forgotten one.
    forgetShow: (showId, confirmDiscard) => withVenueHeld(() => withDeliveryLock(() => forgetShow(db, showId, confirmDiscard)), () => false),
    async resendRejected(id) {
      await withDeliveryLock(() => resendRejected(db, [id]));
      sync.kick();
    },
    dismissRejected: (id, reason) => withDeliveryLock(() => dismissRejected(db, id, reason)),
    async acceptHeldPull(showId) {
      const token = await getToken(db);
      if (!token) return false;
      // Upload first, as every pull does.
      await sync.flushNow();
      return (await pullShow(db, parts.api, token, showId, undefined, { acceptShrink: true })).ok;
    },
    keepHeldPull: (showId) => clearHeldPull(db, showId),
    delivery: parts.delivery,
    refreshing: parts.refresher.state,
    venue: parts.venue?.state ?? NO_VENUE,
    venueLearned: parts.venue?.learned ?? NOTHING_LEARNED,
    venueDevices: parts.venue?.devices ?? NO_DEVICES,
    rejoinVenue: () => parts.venue?.rejoin(),
    async setShowActive(showId, active) {
      await setShowActive(db, showId, active);
      parts.venue?.rejoin();
    },
    async setDeviceName(name) {
      await setDeviceName(db, name);
      parts.venue?.rejoin(); // the hub hears the new name with the next share and heartbeat
    },
  };
}

/** The observable the engine's states are made of; state/ makes its per-tab ones the same way. */
export { cell } from '../sync/observable.ts';
