// The Redis connections of the hub's shared store: how they fail, and how their failures are logged.
import { Redis, type RedisOptions } from 'ioredis';

/**
 * RESP2: ioredis 6 speaks RESP3 by default, where XREAD answers a map that arrives as a flat
 * [key, entries, key, entries] list; RESP2's [[key, entries], …] is the shape the docs show and
 * every Redis since 2.x speaks.
 */
const COMMON: RedisOptions = { protocol: 2, maxRetriesPerRequest: 1, connectTimeout: 3000 };

/** Commands fail fast when Redis is away, so a request gets its 503 instead of hanging. */
export function commandConnection(url: string): Redis {
  return new Redis(url, { ...COMMON, commandTimeout: 3000 });
}

/**
 * A connection for one blocking XREAD of `blockMs` at a time: a blocking command holds the
 * connection it runs on. Its command timeout is the block plus a margin, so a connection that
 * died silently is noticed.
 */
export function blockingConnection(url: string, blockMs: number): Redis {
  return new Redis(url, { ...COMMON, commandTimeout: blockMs + 5000 });
}

/** ioredis emits 'error' on every failed reconnect; one line per kind of failure a minute is plenty. */
export function reportErrors(connection: Redis, role: string, log: (line: string) => void): void {
  let last = '';
  let at = 0;
  connection.on('error', (err: Error) => {
    const line = `hub: Redis (${role}): ${err.message}`;
    if (line === last && Date.now() - at < 60_000) return;
    last = line;
    at = Date.now();
    log(line);
  });
}
