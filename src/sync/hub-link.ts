// The door's link to the venue hub (server/hub): it shares this device's admissions and learns
// every other door's within a second. An accelerator, never a dependency: verdicts never wait for
// it, delivery to Qtickets stays the device's own outbox, and with the hub down or unreachable the
// door works exactly as without it. It reconnects with back-off and resumes after the last event
// it took in (Last-Event-ID), so a device that was offline learns everything it missed, in order;
// learning is idempotent, so an event seen twice changes nothing.
import type { ApiError, Heartbeat, HubClient, HubDevice, HubEvent } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { listShows } from '../db/shows.ts';
import { applyTicketChange } from '../db/ticket-changes.ts';
import {
  admissionsToShare,
  forgetVenueAdmission,
  getHubResumeId,
  learnVenueAdmission,
  type Learned,
  setHubResumeId,
  setHubSharedUpTo,
} from '../db/venue.ts';
import { learnVenueMovement, movementsToShare, setMovementsSharedUpTo } from '../db/venue-movements.ts';
import { pendingShares, type PendingShares } from '../db/venue-share.ts';
import { backoffDelay } from './backoff.ts';
import { cell, type Observable } from './observable.ts';
import { throttledMark } from './throttled-mark.ts';

export type HubStatus =
  /** No token or no show: nothing to join. */
  | { status: 'off' }
  | { status: 'connecting' }
  | { status: 'live'; since: number }
  | { status: 'waiting'; retryAt: number; error: ApiError | null }
  /** The hub refused this token or these shows (401/403): wait for a new setup. */
  | { status: 'refused'; error: ApiError };

export interface HubLinkDeps {
  db: KontrolDb;
  hub: HubClient;
  token: () => Promise<string | undefined>;
  deviceId: () => Promise<string>;
  now?: () => number;
  random?: () => number;
  /** Waits `ms` unless woken; returns a cancel. Tests pass a manual one. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** What this door tells the venue every HEARTBEAT_MS while live (src/door/heartbeat.ts). */
  heartbeat?: () => Promise<Heartbeat>;
}

export const HEARTBEAT_MS = 30_000;

/** The newer word of each device wins (a listed one may be older than an event already heard). */
function mergeDevices(known: readonly HubDevice[], listed: readonly HubDevice[]): HubDevice[] {
  const byId = new Map(known.map((d) => [d.deviceId, d]));
  for (const d of listed) {
    const had = byId.get(d.deviceId);
    if (!had || had.lastSeenAt <= d.lastSeenAt) byId.set(d.deviceId, d);
  }
  return [...byId.values()];
}

export interface HubLink {
  state: Observable<HubStatus>;
  /** Admissions of other doors learned since the app started (each ticket once). */
  learned: Observable<number>;
  /** Every device of the venue on this door's shows, as their heartbeats last said (the supervisor's screen). */
  devices: Observable<readonly HubDevice[]>;
  start(): void;
  stop(): void;
  /** After an admission: share it (and anything the hub missed) now. */
  share(): void;
  /** The token or the shows changed: join again. */
  rejoin(): void;
  /**
   * Closes the stream and resolves once everything it was writing has landed (events taken in,
   * the stream's position, a share under way); the link then waits until `release` is called.
   * Sign-out holds the link this way, so no write of the old evening lands after it cleared the
   * device. `forget` drops what the link keeps in memory (devices heard, admissions learned).
   */
  pause(): Promise<(forget: boolean) => void>;
}

/** How far back a device shares its admissions when it first meets the hub. */
export const SHARE_HORIZON_MS = 24 * 3_600_000;
export const SHARE_BATCH = 100;
/** After a failed share: the hub hears this door's admissions at most this much later. */
export const SHARE_RETRY_MS = 5_000;
/** The stream's position is written at most this often (throttled-mark.ts). */
export const RESUME_WRITE_MS = 1_000;

function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export function createHubLink(deps: HubLinkDeps): HubLink {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const state = cell<HubStatus>({ status: 'off' });
  const learned = cell(0);
  const devices = cell<readonly HubDevice[]>([]);
  const resume = throttledMark((id: string) => setHubResumeId(deps.db, id), RESUME_WRITE_MS);
  const putDevice = (device: HubDevice) => devices.set([...devices.get().filter((d) => d.deviceId !== device.deviceId), device]);

  async function beat(token: string): Promise<void> {
    if (!deps.heartbeat) return;
    const heartbeat = await deps.heartbeat();
    await deps.hub.postHeartbeat(token, heartbeat);
  }
  let running = false;
  let stopped = false;
  /** Aborts the current stream or pause: rejoin() and stop() use it. */
  let current = new AbortController();
  let sharing: Promise<void> | null = null;
  let shareAgain = false;
  /** Set by pause(): the loop stops at its top until released, and says so through `quiet`. */
  let hold: { released: Promise<void>; release: () => void; quiet: () => void } | null = null;

  async function shareOnce(): Promise<void> {
    const token = await deps.token();
    if (!token) return;
    const [deviceId, pending] = await Promise.all([deps.deviceId(), pendingShares(deps.db, now() - SHARE_HORIZON_MS, SHARE_BATCH)]);
    // Unnamed devices still need a name another door can show ("Прошёл 19:03, Устройство 3f2a").
    const deviceName = pending.deviceName || `Устройство ${deviceId.slice(0, 4)}`;
    let batch = pending.admissions;
    while (batch.length > 0) {
      const sent = await deps.hub.postAdmissions(token, {
        deviceId,
        deviceName,
        items: batch.map(({ showId, code, checkedAt, nonce }) => ({ showId, code, checkedAt, nonce })),
      });
      if (!sent.ok) throw new Error('the hub did not take the admissions'); // shared again below
      const upTo = Math.max(...batch.map((a) => a.at));
      await setHubSharedUpTo(deps.db, upTo);
      if (batch.length < SHARE_BATCH) break;
      batch = await admissionsToShare(deps.db, upTo, SHARE_BATCH);
    }
    await shareMovements(token, deviceId, deviceName, pending.movements);
  }

  /** Exits and re-entries, after the admissions they follow. A hub from before them (404) is left alone until the next share. */
  async function shareMovements(token: string, deviceId: string, deviceName: string, first: PendingShares['movements']): Promise<void> {
    let batch = first;
    while (batch.length > 0) {
      const sent = await deps.hub.postMovements(token, { deviceId, deviceName, items: batch.map(({ showId, code, movement, at, nonce }) => ({ showId, code, movement, at, nonce })) });
      if (!sent.ok && sent.error.kind === 'http' && sent.error.status === 404) return;
      if (!sent.ok) throw new Error('the hub did not take the movements'); // shared again below
      const upTo = Math.max(...batch.map((m) => m.loggedAt));
      await setMovementsSharedUpTo(deps.db, upTo);
      if (batch.length < SHARE_BATCH) return;
      batch = await movementsToShare(deps.db, upTo, SHARE_BATCH);
    }
  }

  function share(): void {
    if (sharing) {
      shareAgain = true;
      return;
    }
    sharing = shareOnce()
      .catch(() => {
        // Offline or the hub down: try again a little later (an admission or a reconnect may come first).
        if (!stopped) setTimeout(share, SHARE_RETRY_MS);
      })
      .finally(() => {
        sharing = null;
        if (shareAgain) {
          shareAgain = false;
          share();
        }
      });
  }

  async function take(event: HubEvent, ownId: string): Promise<void> {
    if (event.kind === 'device') {
      putDevice(event.device);
      return;
    }
    let outcome: Learned | null = null;
    if (event.kind === 'admission' && event.deviceId !== ownId) {
      outcome = await learnVenueAdmission(deps.db, { showId: event.showId, code: event.code, checkedAt: event.checkedAt, door: event.deviceName }, ownId, now());
    } else if (event.kind === 'checked' && event.checkedAt) {
      outcome = await learnVenueAdmission(deps.db, { showId: event.showId, code: event.code, checkedAt: event.checkedAt, door: 'Qtickets' }, ownId, now());
    } else if (event.kind === 'movement' && event.deviceId !== ownId) {
      // Another door's exit or re-entry: who is inside, and whether this ticket may come back in.
      await learnVenueMovement(deps.db, { ...event, door: event.deviceName });
    } else if (event.kind === 'unchecked') {
      await forgetVenueAdmission(deps.db, event.showId, event.code);
    } else if (event.kind === 'revoked' || event.kind === 'listed') {
      // Refunded or deleted / newly sold (Qtickets' webhooks): the door decides by it at once, no pull.
      await applyTicketChange(deps.db, { showId: event.showId, code: event.code, kind: event.kind }, now());
      if (event.kind === 'listed' && event.checkedAt) {
        outcome = await learnVenueAdmission(deps.db, { showId: event.showId, code: event.code, checkedAt: event.checkedAt, door: 'Qtickets' }, ownId, now());
      }
    }
    resume.note(event.id);
    if (outcome === 'learned') learned.set(learned.get() + 1);
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      if (hold) {
        await (sharing ?? Promise.resolve()).catch(() => undefined);
        hold.quiet();
        await hold.released;
        continue;
      }
      const signal = current.signal;
      const token = await deps.token();
      const shows = (await listShows(deps.db)).filter((s) => s.active).map((s) => s.id);
      if (!token || shows.length === 0) {
        state.set({ status: 'off' });
        await sleep(60_000, signal);
        if (signal.aborted) current = new AbortController();
        continue;
      }
      state.set({ status: 'connecting' });
      share();
      const ownId = await deps.deviceId();
      let taking: Promise<void> = Promise.resolve();
      let heard = false;
      // While the stream is open: a heartbeat every half minute (the first once it is open, so its
      // own echo arrives on it), and who else is here.
      const beating = setInterval(() => void beat(token).catch(() => undefined), HEARTBEAT_MS);
      const joined = () =>
        void beat(token)
          .then(() => deps.hub.devices(token, shows))
          .then((res) => res.ok && devices.set(mergeDevices(devices.get(), res.value)))
          .catch(() => undefined);
      const result = await deps.hub.listen(token, shows, {
        lastEventId: await getHubResumeId(deps.db),
        signal,
        onEvent: (event) => {
          if (!heard) {
            heard = true;
            failures = 0;
            state.set({ status: 'live', since: now() });
          }
          // One at a time and in order: the resume id never runs ahead of what was stored.
          taking = taking.then(() => take(event, ownId)).catch(() => undefined);
        },
        onPosition: (id) => {
          taking = taking.then(() => resume.note(id)).catch(() => undefined);
        },
        onOpen: () => {
          joined();
          heard = true;
          failures = 0;
          state.set({ status: 'live', since: now() });
        },
      });
      clearInterval(beating);
      await taking;
      await resume.flush();
      if (stopped) break;
      if (signal.aborted) {
        current = new AbortController(); // rejoin(): at once, with the new token or shows
        continue;
      }
      const error = result.ok ? null : result.error;
      if (error?.kind === 'http' && (error.status === 401 || error.status === 403)) {
        state.set({ status: 'refused', error });
        await sleep(5 * 60_000, signal);
      } else {
        failures += 1;
        const delay = backoffDelay(failures, deps.random);
        state.set({ status: 'waiting', retryAt: now() + delay, error });
        await sleep(delay, signal);
      }
      if (current.signal.aborted) current = new AbortController();
    }
  }

  return {
    state,
    learned,
    devices,
    start() {
      if (running) return;
      running = true;
      stopped = false;
      void run().finally(() => {
        running = false;
      });
    },
    stop() {
      stopped = true;
      current.abort();
      hold?.release();
    },
    share,
    rejoin() {
      current.abort();
    },
    async pause() {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const quiet = new Promise<void>((resolve) => (hold = { released, release, quiet: resolve }));
      current.abort();
      if (running) await quiet;
      else await (sharing ?? Promise.resolve()).catch(() => undefined);
      return (forget) => {
        hold = null;
        if (forget) {
          devices.set([]);
          learned.set(0);
        }
        release();
      };
    },
  };
}
