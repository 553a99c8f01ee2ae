// Who may send how much through the gateway.
//
// Rate limits are kept per token fingerprint: behind a reverse proxy every device has the proxy's
// address, so a per-address bucket would be one bucket for the whole venue. A token is not proof
// of anything, though: anyone can make up a new one per request and get a fresh bucket. So a
// request whose token Qtickets has not yet accepted (and a request without any token) is charged
// to the client's address as well; a fingerprint becomes "accepted" once Qtickets answered it
// with anything but 401/403, and stops being so on the next 401/403.
//
// In-flight caps bound what one token, and everybody together, can keep open at once (each
// request holds a socket and an upstream connection, and may hold a 128 KB body).
import { createRateLimiter, type RateLimitOptions } from './gateway-rate-limit.ts';
import { createInFlightCap } from './in-flight.ts';

export interface AdmissionOptions {
  /** Per token fingerprint; false turns it off. */
  tokenRate: RateLimitOptions | false;
  /** Per client address, for requests without a token or with one Qtickets has not accepted; false turns it off. */
  addressRate: RateLimitOptions | false;
  /** Requests in flight at once, all clients together. */
  maxInFlight: number;
  /** Requests in flight at once with one token. */
  maxInFlightPerToken: number;
}

export type Refusal = { status: 429 | 503; code: 'RATE_LIMITED' | 'TOO_MANY_IN_FLIGHT' | 'GATEWAY_BUSY'; message: string; retryAfterS: number };

export type Admission =
  | {
      ok: true;
      /** Call once when the request is over, whatever became of it. */
      release(): void;
      /** Tell what Qtickets answered, so the fingerprint is trusted or no longer. */
      upstreamAnswered(status: number): void;
    }
  | ({ ok: false } & Refusal);

export interface Admissions {
  /** A request without a token (answered 401 locally): a refusal when its address is over its limit. */
  anonymous(address: string): Refusal | null;
  admit(fingerprint: string, address: string): Admission;
  /** For tests and diagnostics. */
  inFlight(): number;
}

/** Fingerprints remembered as accepted; past this the least recently used are forgotten (and merely re-verified). */
export const MAX_ACCEPTED_TOKENS = 1000;

export function createAdmissions(options: AdmissionOptions, now?: () => number): Admissions {
  const tokenLimiter = options.tokenRate === false ? null : createRateLimiter(options.tokenRate, now);
  const addressLimiter = options.addressRate === false ? null : createRateLimiter(options.addressRate, now);
  const accepted = new Map<string, true>();
  const inFlight = createInFlightCap({ total: options.maxInFlight, perKey: options.maxInFlightPerToken });

  const rateLimited = (wait: number, message: string): Refusal => ({
    status: 429,
    code: 'RATE_LIMITED',
    message,
    retryAfterS: Math.max(1, Math.ceil(wait / 1000)),
  });

  function remember(fingerprint: string): void {
    accepted.delete(fingerprint); // re-insert: Map order is the recency order
    accepted.set(fingerprint, true);
    if (accepted.size > MAX_ACCEPTED_TOKENS) {
      const oldest = accepted.keys().next().value;
      if (oldest !== undefined) accepted.delete(oldest);
    }
  }

  return {
    anonymous(address) {
      const wait = addressLimiter?.take(address) ?? 0;
      return wait > 0 ? rateLimited(wait, 'Too many requests without a valid token from this address') : null;
    },

    admit(fingerprint, address) {
      // Full is a passing state: the answer says when to try again, and the client does.
      const full = inFlight.refusal(fingerprint);
      if (full === 'busy') {
        return { ok: false, status: 503, code: 'GATEWAY_BUSY', message: 'The gateway is busy; try again shortly', retryAfterS: 1 };
      }
      if (full === 'per_key') {
        return { ok: false, status: 429, code: 'TOO_MANY_IN_FLIGHT', message: 'Too many requests in flight with this token', retryAfterS: 1 };
      }
      if (!accepted.has(fingerprint)) {
        const wait = addressLimiter?.take(address) ?? 0;
        if (wait > 0) return { ok: false, ...rateLimited(wait, 'Too many requests with unverified tokens from this address') };
      }
      const wait = tokenLimiter?.take(fingerprint) ?? 0;
      if (wait > 0) return { ok: false, ...rateLimited(wait, 'Too many requests with this token') };

      return {
        ok: true,
        release: inFlight.take(fingerprint),
        upstreamAnswered(status) {
          if (status === 401 || status === 403) accepted.delete(fingerprint);
          // A 5xx says nothing about the token; any other answer means Qtickets let it in.
          else if (status >= 200 && status < 500) remember(fingerprint);
        },
      };
    },

    inFlight: () => inFlight.count(),
  };
}
