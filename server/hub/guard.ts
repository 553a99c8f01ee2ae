// What the hub lets one token, one address and everybody together do, so that the hub can never
// take from the gateway or the static files what they need (its own buckets and caps; nothing is
// shared with the gateway's).
//
// Per token fingerprint: a rate, requests in flight and open streams. A venue's devices share one
// token, so the numbers are sized for a stadium of 500 doors: each keeps one stream open, sends
// one admission a scan (one every few seconds) and a heartbeat every few seconds. Per client
// address, only what would make us ask Qtickets about a token (nothing cached, no question under
// way): that is what made-up tokens would cost, and all a reverse proxy's devices share an address.
import { createRateLimiter, DEFAULT_ADDRESS_RATE_LIMIT, type RateLimitOptions } from '../gateway-rate-limit.ts';
import type { Refusal } from '../gateway-admission.ts';
import { createInFlightCap } from '../in-flight.ts';

export interface GuardOptions {
  /** Per token fingerprint; false turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** Per client address, for requests without a token and for questions to Qtickets; false turns it off. */
  addressRateLimit?: RateLimitOptions | false;
  maxInFlight?: number;
  maxInFlightPerToken?: number;
  maxStreams?: number;
  maxStreamsPerToken?: number;
}

export const DEFAULT_HUB_RATE_LIMIT: RateLimitOptions = { burst: 3000, perSecond: 500 };
export const DEFAULT_HUB_LIMITS = {
  maxInFlight: 512,
  maxInFlightPerToken: 256,
  maxStreams: 10_000,
  maxStreamsPerToken: 2_000,
};

export type { Refusal };
export type Slot = { ok: true; release(): void } | ({ ok: false } & Refusal);

export interface Guard {
  /** A request without a token. */
  anonymous(address: string): Refusal | null;
  /** A request with a token; a stream holds its slot until it ends. */
  enter(fingerprint: string, stream: boolean): Slot;
  /** Before a question to Qtickets about a token not known yet. */
  asking(address: string): Refusal | null;
  streams(): number;
}

export function createGuard(options: GuardOptions = {}, now?: () => number): Guard {
  const tokenRate = options.rateLimit === undefined ? DEFAULT_HUB_RATE_LIMIT : options.rateLimit;
  const addressRate = options.addressRateLimit === undefined ? DEFAULT_ADDRESS_RATE_LIMIT : options.addressRateLimit;
  const tokens = tokenRate === false ? null : createRateLimiter(tokenRate, now);
  const addresses = addressRate === false ? null : createRateLimiter(addressRate, now);
  const limits = { ...DEFAULT_HUB_LIMITS, ...definedOnly(options) };
  const requests = createInFlightCap({ total: limits.maxInFlight, perKey: limits.maxInFlightPerToken });
  const streams = createInFlightCap({ total: limits.maxStreams, perKey: limits.maxStreamsPerToken });

  const rateLimited = (waitMs: number, message: string): Refusal => ({
    status: 429,
    code: 'RATE_LIMITED',
    message,
    retryAfterS: Math.max(1, Math.ceil(waitMs / 1000)),
  });

  return {
    anonymous(address) {
      const wait = addresses?.take(address) ?? 0;
      return wait > 0 ? rateLimited(wait, 'Too many requests without a valid token from this address') : null;
    },

    asking(address) {
      const wait = addresses?.take(address) ?? 0;
      return wait > 0 ? rateLimited(wait, 'Too many requests with unverified tokens from this address') : null;
    },

    enter(fingerprint, stream) {
      const cap = stream ? streams : requests;
      const full = cap.refusal(fingerprint);
      if (full === 'busy') {
        return { ok: false, status: 503, code: 'GATEWAY_BUSY', message: 'The hub is busy; try again shortly', retryAfterS: 2 };
      }
      if (full === 'per_key') {
        const what = stream ? 'streams open' : 'requests in flight';
        return { ok: false, status: 429, code: 'TOO_MANY_IN_FLIGHT', message: `Too many ${what} with this token`, retryAfterS: 2 };
      }
      const wait = tokens?.take(fingerprint) ?? 0;
      if (wait > 0) return { ok: false, ...rateLimited(wait, 'Too many requests with this token') };

      return { ok: true, release: cap.take(fingerprint) };
    },

    streams: () => streams.count(),
  };
}

function definedOnly(options: GuardOptions): Partial<typeof DEFAULT_HUB_LIMITS> {
  const out: Partial<typeof DEFAULT_HUB_LIMITS> = {};
  for (const key of Object.keys(DEFAULT_HUB_LIMITS) as (keyof typeof DEFAULT_HUB_LIMITS)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
