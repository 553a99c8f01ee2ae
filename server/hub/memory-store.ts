// The hub in one process (the default: `npm start` needs nothing else). Each organiser has a
// bounded log (DEFAULT_RETENTION: 200 000 events or 24 h), the nonces of the events still in it,
// its devices' last heartbeats and its live listeners. Appends notify listeners synchronously,
// so `ready` is immediate and nothing can slip between a read and the live feed.
import { compareParsed, createIdClock, ORIGIN_ID, parseEventId, type EventId, type ParsedId } from './event-id.ts';
import type { Heartbeat, LogEvent } from './protocol.ts';
import { DEFAULT_RETENTION, type HubStore, type LiveListener, type Retention } from './store.ts';

interface StoredEvent extends LogEvent {
  at: ParsedId;
  nonce: string;
  appendedAt: number;
}

interface Room {
  events: StoredEvent[];
  /** Index of the oldest kept event: trimming moves it instead of shifting the array. */
  first: number;
  nonces: Map<string, EventId>;
  listeners: Set<LiveListener>;
  /** Insertion order is recency order (re-inserted on every heartbeat): the oldest goes first. */
  devices: Map<string, Heartbeat>;
  head: EventId;
}

export interface MemoryStoreOptions {
  retention?: Partial<Retention>;
  now?: () => number;
  /** How often idle rooms are trimmed and forgotten. */
  sweepMs?: number;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): HubStore {
  const retention: Retention = { ...DEFAULT_RETENTION, ...options.retention };
  const now = options.now ?? Date.now;
  const nextId = createIdClock(now);
  const rooms = new Map<string, Room>();
  /** show → organiser → when its devices last named the show. */
  const holders = new Map<number, Map<string, number>>();

  const room = (org: string): Room => {
    let r = rooms.get(org);
    if (!r) {
      r = { events: [], first: 0, nonces: new Map(), listeners: new Set(), devices: new Map(), head: ORIGIN_ID };
      rooms.set(org, r);
    }
    return r;
  };

  function trim(r: Room, t: number): void {
    const oldest = t - retention.maxAgeMs;
    while (r.first < r.events.length) {
      const e = r.events[r.first]!;
      if (r.events.length - r.first <= retention.maxEvents && e.appendedAt >= oldest) break;
      r.nonces.delete(e.nonce);
      r.first += 1;
    }
    if (r.first > 1024 && r.first * 2 > r.events.length) {
      r.events = r.events.slice(r.first);
      r.first = 0;
    }
    for (const [id, hb] of r.devices) {
      if (hb.lastSeenAt >= oldest && r.devices.size <= retention.maxDevices) break;
      r.devices.delete(id);
    }
  }

  function notify(r: Room, send: (l: LiveListener) => void): void {
    for (const listener of [...r.listeners]) {
      try {
        send(listener);
      } catch {
        // One broken stream must not keep the event from the others.
      }
    }
  }

  function sweep(): void {
    const t = now();
    for (const [org, r] of rooms) {
      trim(r, t);
      if (r.first === r.events.length && r.listeners.size === 0 && r.devices.size === 0) rooms.delete(org);
    }
    for (const [show, orgs] of holders) {
      for (const [org, at] of orgs) if (at < t - retention.maxAgeMs) orgs.delete(org);
      if (orgs.size === 0) holders.delete(show);
    }
  }
  const sweeper = setInterval(sweep, options.sweepMs ?? 60_000);
  sweeper.unref();

  return {
    async append(org, events) {
      const r = room(org);
      const t = now();
      const ids: EventId[] = [];
      for (const e of events) {
        const known = r.nonces.get(e.nonce);
        if (known !== undefined) {
          ids.push(known);
          continue;
        }
        const id = nextId();
        const stored: StoredEvent = { id, kind: e.kind, showId: e.showId, data: e.data, at: parseEventId(id)!, nonce: e.nonce, appendedAt: t };
        r.events.push(stored);
        r.nonces.set(e.nonce, id);
        r.head = id;
        ids.push(id);
        const out: LogEvent = { id, kind: e.kind, showId: e.showId, data: e.data };
        notify(r, (l) => l.onEvent(out));
      }
      trim(r, t);
      return ids;
    },

    async read(org, after, limit) {
      const r = rooms.get(org);
      const from = parseEventId(after);
      if (!r || !from) return [];
      // Binary search: the first kept event after `after`.
      let lo = r.first;
      let hi = r.events.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareParsed(r.events[mid]!.at, from) <= 0) lo = mid + 1;
        else hi = mid;
      }
      return r.events.slice(lo, lo + limit).map(({ id, kind, showId, data }) => ({ id, kind, showId, data }));
    },

    listen(org, listener) {
      const r = room(org);
      r.listeners.add(listener);
      return { ready: Promise.resolve(), close: () => void r.listeners.delete(listener) };
    },

    async putHeartbeat(org, heartbeat) {
      const r = room(org);
      r.devices.delete(heartbeat.deviceId);
      r.devices.set(heartbeat.deviceId, heartbeat);
      trim(r, now());
      notify(r, (l) => l.onDevice(heartbeat));
    },

    async devices(org) {
      const oldest = now() - retention.maxAgeMs;
      return [...(rooms.get(org)?.devices.values() ?? [])].filter((hb) => hb.lastSeenAt >= oldest);
    },

    async noteShows(org, shows) {
      const t = now();
      for (const show of shows) {
        let orgs = holders.get(show);
        if (!orgs) holders.set(show, (orgs = new Map()));
        orgs.set(org, t);
      }
    },

    async organisersOf(showId) {
      const oldest = now() - retention.maxAgeMs;
      return [...(holders.get(showId) ?? [])].filter(([, at]) => at >= oldest).map(([org]) => org);
    },

    async forget(org) {
      const r = rooms.get(org);
      if (!r) return;
      // Listeners stay: they are open streams. head stays too, so ids keep increasing.
      r.events = [];
      r.first = 0;
      r.nonces.clear();
      r.devices.clear();
    },

    async close() {
      clearInterval(sweeper);
      rooms.clear();
      holders.clear();
    },
  };
}
