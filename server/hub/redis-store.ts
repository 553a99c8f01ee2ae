// The hub shared by several app servers through Redis (REDIS_URL; Redis ≥ 6.2 for XTRIM MINID and
// exclusive XRANGE). Per organiser, all under one hash tag so a cluster keeps them in one slot:
//
//   <prefix>:{<org>}:log            Stream: the log (XADD MAXLEN ~ / XTRIM MINID ~: 200 000 or 24 h)
//   <prefix>:{<org>}:nonce:<nonce>  the id an append with this nonce got (SET NX EX 24 h)
//   <prefix>:{<org>}:devices        Hash: deviceId → last heartbeat (JSON)
//   <prefix>:{<org>}:seen           Sorted set: deviceId → last seen (prunes the hash)
//   <prefix>:{<org>}:live           Stream: heartbeats for live fan-out only (MAXLEN ~ 1000)
//   <prefix>:show:<id>              Sorted set: organiser → when its devices last named the show
//
// Each process keeps one blocking XREAD per organiser that has listeners here (redis-tail.ts):
// an append on server A reaches the streams of server B when B's XREAD returns. Keys expire
// 48 h after their last write, so an organiser that stops using the hub leaves nothing behind.
import type { Result } from 'ioredis';
import { commandConnection, reportErrors } from './redis-connection.ts';
import { ORIGIN_ID, type EventId } from './event-id.ts';
import type { Heartbeat, LogEvent, LogKind } from './protocol.ts';
import { createTail, type Tail, type TailKeys } from './redis-tail.ts';
import { DEFAULT_RETENTION, type HubStore, type Retention } from './store.ts';

export interface RedisStoreOptions {
  url: string;
  /** Key prefix; tests use one per test to share a redis-server. */
  prefix?: string;
  retention?: Partial<Retention>;
  now?: () => number;
  log?: (line: string) => void;
}

const APPEND = `
local id = redis.call('GET', KEYS[2])
if id then return id end
id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'k', ARGV[5], 's', ARGV[6], 'd', ARGV[7])
redis.call('SET', KEYS[2], id, 'NX', 'EX', ARGV[3])
redis.call('XTRIM', KEYS[1], 'MINID', '~', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return id`;

const HEARTBEAT = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
local gone = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
local excess = redis.call('ZCARD', KEYS[2]) - #gone - tonumber(ARGV[5])
if excess > 0 then
  for _, d in ipairs(redis.call('ZRANGE', KEYS[2], #gone, #gone + excess - 1)) do table.insert(gone, d) end
end
for _, d in ipairs(gone) do
  redis.call('HDEL', KEYS[1], d)
  redis.call('ZREM', KEYS[2], d)
end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], '*', 'h', ARGV[2])
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[7]) end
return #gone`;

/** Live heartbeats kept for the tails to read; nobody replays them. */
const LIVE_MAXLEN = 1000;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    kontrolHubAppend(log: string, nonceKey: string, ...args: (string | number)[]): Result<string, Context>;
    kontrolHubHeartbeat(devices: string, seen: string, live: string, ...args: (string | number)[]): Result<number, Context>;
  }
}

export function createRedisStore(options: RedisStoreOptions): HubStore {
  const retention: Retention = { ...DEFAULT_RETENTION, ...options.retention };
  const now = options.now ?? Date.now;
  const prefix = options.prefix ?? 'kontrol:hub';
  const log = options.log ?? (() => {});
  const redis = commandConnection(options.url);
  reportErrors(redis, 'commands', log);
  redis.defineCommand('kontrolHubAppend', { numberOfKeys: 2, lua: APPEND });
  redis.defineCommand('kontrolHubHeartbeat', { numberOfKeys: 3, lua: HEARTBEAT });
  const expireMs = 2 * retention.maxAgeMs;
  const ttlS = Math.max(1, Math.ceil(retention.maxAgeMs / 1000));
  const tails = new Map<string, Tail>();

  const key = (org: string, name: string) => `${prefix}:{${org}}:${name}`;
  const keysOf = (org: string): TailKeys => ({ log: key(org, 'log'), live: key(org, 'live') });

  async function lastId(streamKey: string): Promise<EventId> {
    const newest = await redis.xrevrange(streamKey, '+', '-', 'COUNT', 1);
    return newest[0]?.[0] ?? ORIGIN_ID;
  }

  return {
    async append(org, events) {
      const oldest = `${Math.max(0, now() - retention.maxAgeMs)}-0`;
      // Issued together, they go out on one connection in this order (pipelined), and the log
      // gets them in this order.
      return Promise.all(
        events.map((e) =>
          redis.kontrolHubAppend(key(org, 'log'), key(org, `nonce:${e.nonce}`), retention.maxEvents, oldest, ttlS, expireMs, e.kind, e.showId, e.data),
        ),
      );
    },

    async read(org, after, limit) {
      const entries = await redis.xrange(key(org, 'log'), `(${after}`, '+', 'COUNT', limit);
      return entries.map(([id, fields]) => logEvent(id, fields)).filter((e): e is LogEvent => e !== null);
    },

    listen(org, listener) {
      let tail = tails.get(org);
      if (!tail) {
        tail = createTail({
          url: options.url,
          keys: keysOf(org),
          start: () => Promise.all([lastId(key(org, 'log')), lastId(key(org, 'live'))]),
          toEvent: logEvent,
          toHeartbeat: heartbeatOf,
          log,
          onStop: () => {
            if (tails.get(org) === tail) tails.delete(org);
          },
        });
        tails.set(org, tail);
      }
      return tail.add(listener);
    },

    async putHeartbeat(org, heartbeat) {
      const t = now();
      await redis.kontrolHubHeartbeat(
        key(org, 'devices'),
        key(org, 'seen'),
        key(org, 'live'),
        heartbeat.deviceId,
        JSON.stringify(heartbeat),
        t,
        t - retention.maxAgeMs,
        retention.maxDevices,
        LIVE_MAXLEN,
        expireMs,
      );
    },

    async devices(org) {
      const oldest = now() - retention.maxAgeMs;
      const all = await redis.hvals(key(org, 'devices'));
      return all.map((text) => heartbeatOf(['h', text])).filter((hb): hb is Heartbeat => hb !== null && hb.lastSeenAt >= oldest);
    },

    async noteShows(org, shows) {
      const t = now();
      const batch = redis.multi();
      for (const show of shows) {
        batch.zadd(`${prefix}:show:${show}`, t, org);
        batch.zremrangebyscore(`${prefix}:show:${show}`, '-inf', `(${t - retention.maxAgeMs}`);
        batch.pexpire(`${prefix}:show:${show}`, expireMs);
      }
      await batch.exec();
    },

    organisersOf: (showId) => redis.zrangebyscore(`${prefix}:show:${showId}`, now() - retention.maxAgeMs, '+inf'),

    async forget(org) {
      // The live stream stays: open streams' tails read it. Nonce keys are one per event.
      const doomed = [key(org, 'log'), key(org, 'devices'), key(org, 'seen')];
      for await (const keys of redis.scanStream({ match: key(org, 'nonce:*'), count: 500 })) doomed.push(...(keys as string[]));
      await redis.del(...doomed);
    },

    async close() {
      for (const tail of [...tails.values()]) tail.stop();
      tails.clear();
      redis.disconnect();
    },
  };
}

const KINDS = new Set<LogKind>(['admission', 'movement', 'checked', 'unchecked', 'revoked', 'listed']);

/** A stream entry's flat field list ["k", kind, "s", show, "d", data] → the event, or null if foreign. */
function logEvent(id: string, fields: string[]): LogEvent | null {
  const f = fieldsOf(fields);
  const kind = f.get('k') as LogKind | undefined;
  const showId = Number(f.get('s'));
  const data = f.get('d');
  if (!kind || !KINDS.has(kind) || !Number.isSafeInteger(showId) || data === undefined) return null;
  return { id, kind, showId, data };
}

function heartbeatOf(fields: string[]): Heartbeat | null {
  try {
    const hb = JSON.parse(fieldsOf(fields).get('h') ?? 'null') as Heartbeat | null;
    return hb && typeof hb.deviceId === 'string' && Array.isArray(hb.shows) ? hb : null;
  } catch {
    return null;
  }
}

function fieldsOf(fields: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  return map;
}
