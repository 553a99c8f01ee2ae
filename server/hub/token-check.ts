// Who may join which room: the token is asked of Qtickets once (qtickets-shows.ts) and the answer
// is cached by fingerprint — the token itself is never kept. A door's 500 devices connecting at
// once cost one question (concurrent checks share it). When Qtickets cannot answer, a cached
// list up to an hour old still lets devices in (the hub is there to help while things fail);
// with nothing cached the answer is 503 and the device tries again.
import { readableShows, type ShowsAnswer, type ShowsQuery } from './qtickets-shows.ts';

export interface TokenCheckOptions {
  upstream: string;
  /** Per page of events. Default 10 s. */
  timeoutMs?: number;
  /** How long a list of shows is believed. Default 5 min. */
  freshMs?: number;
  /** How long an old list still serves while Qtickets cannot answer. Default 1 h. */
  staleMs?: number;
  /** How long a refused token stays refused without asking again. Default 30 s. */
  refusedMs?: number;
  /** A show missing from a list at least this old makes us ask again (a show created since). Default 30 s. */
  recheckAfterMs?: number;
  maxPages?: number;
  now?: () => number;
  /** Replaces the question to Qtickets (tests). */
  ask?: (query: ShowsQuery) => Promise<ShowsAnswer>;
}

export type TokenVerdict =
  | { ok: true }
  | { ok: false; status: 401 | 403 | 503; code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'UPSTREAM_UNREACHABLE'; message: string; retryAfterS?: number };

export interface TokenCheck {
  /** Whether checking this fingerprint now would ask Qtickets (nothing usable cached, no question under way). */
  wouldAsk(fingerprint: string, shows: readonly number[]): boolean;
  /** Whether the token may read every one of `shows`. */
  check(token: string, fingerprint: string, shows: readonly number[]): Promise<TokenVerdict>;
}

type Entry = { kind: 'shows'; shows: Set<number>; at: number } | { kind: 'refused'; status: 401 | 403; at: number };

/** Fingerprints remembered; past this the least recently used are forgotten (and merely asked again). */
const MAX_ENTRIES = 10_000;

export function createTokenCheck(options: TokenCheckOptions): TokenCheck {
  const now = options.now ?? Date.now;
  const freshMs = options.freshMs ?? 5 * 60_000;
  const staleMs = options.staleMs ?? 60 * 60_000;
  const refusedMs = options.refusedMs ?? 30_000;
  const recheckAfterMs = options.recheckAfterMs ?? 30_000;
  const ask = options.ask ?? readableShows;
  const cache = new Map<string, Entry>();
  const asking = new Map<string, Promise<ShowsAnswer>>();

  function remember(fingerprint: string, entry: Entry): void {
    cache.delete(fingerprint); // re-insert: Map order is the recency order
    cache.set(fingerprint, entry);
    if (cache.size > MAX_ENTRIES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }

  /** Whether the cached entry answers for these shows without asking. */
  function settled(entry: Entry | undefined, shows: readonly number[], t: number): boolean {
    if (!entry) return false;
    if (entry.kind === 'refused') return t - entry.at < refusedMs;
    if (t - entry.at >= freshMs) return false;
    return shows.every((s) => entry.shows.has(s)) || t - entry.at < recheckAfterMs;
  }

  function question(token: string, fingerprint: string): Promise<ShowsAnswer> {
    let pending = asking.get(fingerprint);
    if (!pending) {
      pending = ask({ upstream: options.upstream, token, timeoutMs: options.timeoutMs ?? 10_000, maxPages: options.maxPages ?? 50 })
        .catch((err: unknown): ShowsAnswer => ({ kind: 'unavailable', reason: err instanceof Error ? err.message : 'failed' }))
        .then((answer) => {
          if (answer.kind === 'shows') remember(fingerprint, { kind: 'shows', shows: answer.shows, at: now() });
          if (answer.kind === 'refused') remember(fingerprint, { kind: 'refused', status: answer.status, at: now() });
          return answer;
        })
        .finally(() => asking.delete(fingerprint));
      asking.set(fingerprint, pending);
    }
    return pending;
  }

  return {
    wouldAsk(fingerprint, shows) {
      return !asking.has(fingerprint) && !settled(cache.get(fingerprint), shows, now());
    },

    async check(token, fingerprint, shows) {
      let entry = cache.get(fingerprint);
      if (!settled(entry, shows, now())) {
        const answer = await question(token, fingerprint);
        entry = cache.get(fingerprint);
        if (answer.kind === 'unavailable' && !(entry?.kind === 'shows' && now() - entry.at < staleMs)) {
          return { ok: false, status: 503, code: 'UPSTREAM_UNREACHABLE', message: `Could not check the token with Qtickets: ${answer.reason}`, retryAfterS: 5 };
        }
      }
      if (!entry) return { ok: false, status: 503, code: 'UPSTREAM_UNREACHABLE', message: 'Could not check the token with Qtickets', retryAfterS: 5 };
      if (entry.kind === 'refused') {
        return entry.status === 401
          ? { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'Qtickets does not accept this token' }
          : { ok: false, status: 403, code: 'FORBIDDEN', message: 'Qtickets does not let this token read events' };
      }
      const unreadable = shows.filter((s) => !entry.shows.has(s));
      if (unreadable.length > 0) {
        return { ok: false, status: 403, code: 'FORBIDDEN', message: `This token cannot read show ${unreadable.slice(0, 5).join(', ')}` };
      }
      return { ok: true };
    },
  };
}
