// Token buckets for the gateway (gateway-admission.ts decides what they are keyed by). They keep
// one misbehaving (or hijacked) page from hammering Qtickets with the organiser's token, and the
// gateway from being used as a request cannon. The per-token numbers are generous on purpose: the
// twenty door devices of a venue usually share one token, each may look a code up right after a
// scan, and a pull of a big list is many pages. A flood (hundreds a second) is what it stops.
export interface RateLimitOptions {
  /** Requests a client may send at once after a quiet spell. */
  burst: number;
  /** Requests per second refilled. */
  perSecond: number;
}

/** Per token fingerprint. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 600, perSecond: 50 };

/**
 * Per client address, for requests without a token or with one Qtickets has not accepted yet: a
 * venue starting up (every device's first call, a few wrong tokens typed) fits in the burst;
 * trying out made-up tokens, one bucket each, does not.
 */
export const DEFAULT_ADDRESS_RATE_LIMIT: RateLimitOptions = { burst: 60, perSecond: 1 };

/** Buckets kept before full (idle) ones are forgotten: bounds memory under address spraying. */
export const MAX_TRACKED_CLIENTS = 10_000;

export interface RateLimiter {
  /** 0 when the request may go now; otherwise ms until it may. Takes a token when it returns 0. */
  take(client: string): number;
  /** Clients currently tracked. */
  tracked(): number;
}

export function createRateLimiter(options: RateLimitOptions, now: () => number = () => performance.now()): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, t: number) => {
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond);
    bucket.at = t;
  };
  /** Drops full (idle) buckets; if that frees too little, the longest-known tenth (Map order) too,
   * so a flood from sprayed addresses costs amortised O(1) per request, not a scan each time.
   * A dropped client merely starts again with a full bucket. */
  function makeRoom(t: number) {
    for (const [client, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= options.burst) buckets.delete(client);
    }
    for (const client of buckets.keys()) {
      if (buckets.size < MAX_TRACKED_CLIENTS * 0.9) break;
      buckets.delete(client);
    }
  }
  return {
    take(client) {
      const t = now();
      let bucket = buckets.get(client);
      if (!bucket) {
        if (buckets.size >= MAX_TRACKED_CLIENTS) makeRoom(t);
        bucket = { tokens: options.burst, at: t };
        buckets.set(client, bucket);
      }
      refill(bucket, t);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - bucket.tokens) / options.perSecond) * 1000);
    },
    tracked: () => buckets.size,
  };
}
