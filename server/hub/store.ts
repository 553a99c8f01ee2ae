// What the hub keeps, behind one interface with two homes: memory-store.ts (one process, the
// default) and redis-store.ts (REDIS_URL: several app servers share one hub). Everything is keyed
// by organiser — the token's fingerprint — so two organisers on one server share nothing.
// The same contract tests (store.contract.ts) run against both.
import type { EventId } from './event-id.ts';
import type { Heartbeat, LogEvent, NewEvent } from './protocol.ts';

/** How long and how much an organiser's log keeps; a device offline longer pulls instead. */
export interface Retention {
  maxEvents: number;
  maxAgeMs: number;
  /** Devices per organiser; past it the longest silent is forgotten. */
  maxDevices: number;
}

export const DEFAULT_RETENTION: Retention = {
  // A stadium's 60 000 admissions over one evening fit three times over.
  maxEvents: 200_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
  maxDevices: 2_000,
};

export interface LiveListener {
  /** A new log event, in log order, each exactly once. */
  onEvent(event: LogEvent): void;
  onDevice(heartbeat: Heartbeat): void;
  /** The store lost its feed (Redis went away): the listener is closed and should end its stream. */
  onError(err: Error): void;
}

export interface Live {
  /**
   * Settles once every event appended from now on will reach the listener. An event appended
   * before may or may not; `read` after `ready` finds it (see room-feed.ts for the merge).
   */
  ready: Promise<void>;
  close(): void;
}

export interface HubStore {
  /** Appends in order; one id per event. An event whose nonce the organiser used before is not
   *  appended again: its original id is returned. */
  append(org: string, events: readonly NewEvent[]): Promise<EventId[]>;
  /** Up to `limit` events with an id after `after`, oldest first. */
  read(org: string, after: EventId, limit: number): Promise<LogEvent[]>;
  listen(org: string, listener: LiveListener): Live;
  /** Stores the heartbeat and sends it to the organiser's listeners. */
  putHeartbeat(org: string, heartbeat: Heartbeat): Promise<void>;
  /** The organiser's devices heard from within the retention age, any show. */
  devices(org: string): Promise<Heartbeat[]>;
  /** Remembers that the organiser's devices hold these shows (the webhook's routing, hooks/). */
  noteShows(org: string, shows: readonly number[]): Promise<void>;
  /** Organisers whose devices held the show within the retention age. */
  organisersOf(showId: number): Promise<string[]>;
  /**
   * Drops the organiser's log and devices; open streams stay open and hear what comes next. The
   * demo's reset (a new evening) calls it: admissions of the last one must not replay to a door.
   */
  forget(org: string): Promise<void>;
  close(): Promise<void>;
}
