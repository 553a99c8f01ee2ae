// The venue hub, /hub/v1/* (protocol in server/README.md, "Venue hub"): every door streams its
// admissions here after its own verdict, and gets every other door's for the shows it holds.
//
// Checked in this order, every refusal answered here as JSON {error, status, code}: the route and
// method (404/405), a Bearer token (401), the hub's own limits (429/503), the body cap (413), the
// token with Qtickets (401, or 503 when Qtickets cannot say), the body (400), the shows (403).
// The token is taken from the Authorization header only, never from the URL.
import type http from 'node:http';
import { fail, GATEWAY_RESPONSE_HEADERS } from '../gateway-errors.ts';
import { bearerToken, clientAddress, tokenFingerprint } from '../gateway-identity.ts';
import { BodyTooLargeError, pathOf, queryOf, readBody, sendJson } from '../http-util.ts';
import { DEFAULT_MAX_BODY } from '../gateway.ts';
import { parseEventId, type EventId } from './event-id.ts';
import { createGuard, type GuardOptions } from './guard.ts';
import { admissionData, movementData, parseAdmissionBatch, parseHeartbeat, parseMovementBatch, parseShowList, type NewEvent } from './protocol.ts';
import { openFeed, type Feed, type FeedSink } from './room-feed.ts';
import type { HubStore } from './store.ts';
import { createTokenCheck, type TokenCheckOptions } from './token-check.ts';

export const HUB_PREFIX = '/hub/v1/';

export interface HubOptions extends GuardOptions {
  store: HubStore;
  /** Qtickets API base: the gateway's upstream (or the embedded demo). */
  upstream: string;
  /** Token check tuning (cache ages, timeouts); tests shorten them. */
  tokenCheck?: Omit<TokenCheckOptions, 'upstream'>;
  maxBodyBytes?: number;
  /** The comment that keeps proxies from closing a quiet stream. Default 15 s. */
  pingMs?: number;
  trustProxy?: number;
  log: (line: string) => void;
  now?: () => number;
}

export interface Hub {
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Forgets the organiser of this token: its log and devices (the demo's reset). */
  forget(token: string): Promise<void>;
  /** Ends every stream (devices reconnect elsewhere) and stops the timers. */
  close(): void;
  streams(): number;
}

type RouteName = 'events' | 'admissions' | 'movements' | 'heartbeat' | 'devices';
const ROUTES = new Map<string, { name: RouteName; method: 'GET' | 'POST' }>([
  ['events', { name: 'events', method: 'GET' }],
  ['admissions', { name: 'admissions', method: 'POST' }],
  ['movements', { name: 'movements', method: 'POST' }],
  ['heartbeat', { name: 'heartbeat', method: 'POST' }],
  ['devices', { name: 'devices', method: 'GET' }],
]);

/** How long the hub takes an organiser's show as held without a new note (the webhook's routing). */
const NOTE_EVERY_MS = 60_000;
const RETRY_MS = 2000;

export function createHub(options: HubOptions): Hub {
  const { store, log } = options;
  const now = options.now ?? Date.now;
  const guard = createGuard(options);
  const tokens = createTokenCheck({ ...options.tokenCheck, upstream: options.upstream });
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const open = new Set<{ res: http.ServerResponse; feed: Feed | null }>();
  const noted = new Map<string, number>();

  const ping = setInterval(() => {
    for (const stream of open) stream.res.write(': ping\n\n');
  }, options.pingMs ?? 15_000);
  ping.unref();

  /** Tells the store which organiser holds which show, at most once a minute per pair. */
  function note(org: string, shows: readonly number[]): void {
    const t = now();
    const fresh = shows.filter((s) => (noted.get(`${org}:${s}`) ?? 0) < t - NOTE_EVERY_MS);
    if (fresh.length === 0) return;
    if (noted.size > 100_000) noted.clear();
    for (const s of fresh) noted.set(`${org}:${s}`, t);
    store.noteShows(org, fresh).catch(() => {
      for (const s of fresh) noted.delete(`${org}:${s}`); // try again next time
    });
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const started = performance.now();
    const method = req.method ?? '';
    const path = pathOf(req.url);
    res.on('close', () => {
      const ms = Math.round(performance.now() - started);
      log(`${method || '?'} ${printable(path)} ${res.statusCode} ${ms}ms${res.writableFinished ? '' : ' (closed)'}`);
    });

    const route = path.startsWith(HUB_PREFIX) ? ROUTES.get(path.slice(HUB_PREFIX.length)) : undefined;
    if (!route) {
      req.resume();
      return fail(res, 404, 'NOT_FOUND', 'No such hub route');
    }
    if (method !== route.method) {
      req.resume();
      return fail(res, 405, 'METHOD_NOT_ALLOWED', `Use ${route.method}`, { headers: { Allow: route.method } });
    }
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], options.trustProxy ?? 0);
    const token = bearerToken(req.headers.authorization);
    if (token === null) {
      req.resume();
      const refusal = guard.anonymous(address);
      if (refusal) return fail(res, refusal.status, refusal.code, refusal.message, { headers: { 'Retry-After': String(refusal.retryAfterS) } });
      return fail(res, 401, 'UNAUTHORIZED', 'An Authorization: Bearer <token> header is required', { headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    const org = tokenFingerprint(token, 32);
    const slot = guard.enter(org, route.name === 'events');
    if (!slot.ok) {
      req.resume();
      return fail(res, slot.status, slot.code, slot.message, { headers: { 'Retry-After': String(slot.retryAfterS) } });
    }
    res.on('close', slot.release);
    serve(route.name, req, res, token, org, address).catch((err: unknown) => {
      log(`hub: ${route.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      fail(res, 503, 'HUB_UNAVAILABLE', 'The hub cannot serve this right now', { headers: { 'Retry-After': String(RETRY_MS / 1000) } });
    });
  }

  async function serve(name: RouteName, req: http.IncomingMessage, res: http.ServerResponse, token: string, org: string, address: string) {
    let raw: Buffer | null = null;
    if (req.method === 'POST') {
      try {
        raw = await readBody(req, maxBody);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          return fail(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${maxBody} bytes`, { headers: { Connection: 'close' } });
        }
        return fail(res, 400, 'BAD_REQUEST', 'Could not read the body');
      }
    } else {
      req.resume();
    }
    if (res.destroyed) return;

    // Who is asking comes before what they ask: a stranger learns nothing about our checks.
    if (!(await allowed(res, token, org, address, []))) return;
    let body: unknown = null;
    if (raw !== null) {
      try {
        body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        return fail(res, 400, 'BAD_REQUEST', 'The body must be JSON');
      }
    }

    switch (name) {
      case 'events':
      case 'devices': {
        const shows = parseShowList(queryOf(req.url).get('shows'));
        if (!shows.ok) return fail(res, 400, 'BAD_REQUEST', shows.message);
        if (!(await allowed(res, token, org, address, shows.value))) return;
        note(org, shows.value);
        return name === 'events' ? stream(req, res, org, shows.value) : devices(res, org, shows.value);
      }
      case 'admissions': {
        const batch = parseAdmissionBatch(body);
        if (!batch.ok) return fail(res, 400, 'BAD_REQUEST', batch.message);
        return relay(res, token, org, address, batch.value.items, (item) => ({ kind: 'admission', showId: item.showId, nonce: item.nonce, data: admissionData(batch.value, item) }));
      }
      case 'movements': {
        // Exits and re-entries: relayed between the doors like admissions, never to Qtickets.
        const batch = parseMovementBatch(body);
        if (!batch.ok) return fail(res, 400, 'BAD_REQUEST', batch.message);
        return relay(res, token, org, address, batch.value.items, (item) => ({ kind: 'movement', showId: item.showId, nonce: item.nonce, data: movementData(batch.value, item) }));
      }
      case 'heartbeat': {
        const heartbeat = parseHeartbeat(body, now());
        if (!heartbeat.ok) return fail(res, 400, 'BAD_REQUEST', heartbeat.message);
        if (!(await allowed(res, token, org, address, heartbeat.value.shows))) return;
        note(org, heartbeat.value.shows);
        await store.putHeartbeat(org, heartbeat.value);
        res.writeHead(204, GATEWAY_RESPONSE_HEADERS);
        return res.end();
      }
    }
  }

  /** A checked batch of one device: the token may read its shows, then each item is one event of the log. */
  async function relay<Item extends { showId: number }>(
    res: http.ServerResponse,
    token: string,
    org: string,
    address: string,
    items: readonly Item[],
    event: (item: Item) => NewEvent,
  ): Promise<void> {
    const shows = [...new Set(items.map((i) => i.showId))];
    if (!(await allowed(res, token, org, address, shows))) return;
    note(org, shows);
    const ids = items.length === 0 ? [] : await store.append(org, items.map(event));
    sendJson(res, 200, { ids }, GATEWAY_RESPONSE_HEADERS);
  }

  /** The token check for these shows; answers the refusal itself and returns false on one. */
  async function allowed(res: http.ServerResponse, token: string, org: string, address: string, shows: readonly number[]): Promise<boolean> {
    if (tokens.wouldAsk(org, shows)) {
      const refusal = guard.asking(address);
      if (refusal) {
        fail(res, refusal.status, refusal.code, refusal.message, { headers: { 'Retry-After': String(refusal.retryAfterS) } });
        return false;
      }
    }
    const verdict = await tokens.check(token, org, shows);
    if (verdict.ok) return true;
    const headers: Record<string, string> = {};
    if (verdict.status === 401) headers['WWW-Authenticate'] = 'Bearer error="invalid_token"';
    if (verdict.retryAfterS !== undefined) headers['Retry-After'] = String(verdict.retryAfterS);
    fail(res, verdict.status, verdict.code, verdict.message, { headers });
    return false;
  }

  async function devices(res: http.ServerResponse, org: string, shows: readonly number[]) {
    const wanted = new Set(shows);
    const all = await store.devices(org);
    const list = all.filter((d) => d.shows.some((s) => wanted.has(s))).sort((a, b) => b.lastSeenAt - a.lastSeenAt);
    sendJson(res, 200, { devices: list }, GATEWAY_RESPONSE_HEADERS);
  }

  async function stream(req: http.IncomingMessage, res: http.ServerResponse, org: string, shows: readonly number[]) {
    const header = req.headers['last-event-id'];
    // An id we cannot read (a client bug, a proxy) is treated as none: the whole retained log, never an error loop.
    const resumeAfter: EventId | null = typeof header === 'string' && parseEventId(header) ? header.trim() : null;
    const entry: { res: http.ServerResponse; feed: Feed | null } = { res, feed: null };
    res.on('close', () => {
      open.delete(entry);
      entry.feed?.stop();
    });
    const feed = await openFeed({
      store,
      org,
      shows: new Set(shows),
      resumeAfter,
      sink: sinkOf(res, (reason) => log(`hub: a stream was ended: ${reason}`)),
      begin(startId) {
        req.socket.setNoDelay(true);
        res.writeHead(200, {
          ...GATEWAY_RESPONSE_HEADERS,
          'Content-Type': 'text/event-stream; charset=utf-8',
          // no-transform: a proxy that compresses or buffers would hold events back.
          'Cache-Control': 'no-store, no-transform',
          'X-Accel-Buffering': 'no',
        });
        // The start position goes out at once, so a device that loses this stream before any
        // event resumes from here rather than from nothing.
        res.write(`retry: ${RETRY_MS}\nid: ${startId}\n\n`);
        open.add(entry);
      },
    });
    entry.feed = feed;
    if (res.destroyed) feed.stop();
  }

  return {
    handle,
    forget: (token) => store.forget(tokenFingerprint(token, 32)),
    close() {
      clearInterval(ping);
      for (const stream of [...open]) {
        stream.feed?.stop();
        stream.res.end();
      }
      open.clear();
    },
    streams: () => open.size,
  };
}

/**
 * Writes are held until the event loop has handled the I/O at hand, then leave together: at a
 * quiet door that is at once; when 500 doors admit at the same moment, each device gets one
 * write with all of them instead of one per admission (a syscall each, for every device).
 */
function sinkOf(res: http.ServerResponse, ended: (reason: string) => void): FeedSink {
  let corked = false;
  return {
    write(frame) {
      if (res.destroyed || res.writableEnded) return true;
      if (!corked) {
        corked = true;
        res.cork();
        setImmediate(() => {
          corked = false;
          res.uncork();
        });
      }
      return res.write(frame);
    },
    drained: () =>
      new Promise<void>((resolve) => {
        if (!res.writableNeedDrain || res.destroyed) return resolve();
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      }),
    buffered: () => res.writableLength,
    end: (reason) => {
      if (res.writableEnded || res.destroyed) return;
      ended(reason);
      res.end();
    },
    gone: () => res.destroyed || res.writableEnded,
  };
}

/** Keeps log lines one line and short whatever the client put in the path. */
function printable(path: string): string {
  const clean = path.replace(/[^\x21-\x7e]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
