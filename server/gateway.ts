// The same-origin gateway: /api/rest/v1/* from the browser → the Qtickets API (or the demo).
//
// Why it exists: Qtickets reads list parameters only from a JSON body on GET and sends no CORS
// headers, and browsers can send neither. The browser puts the parameters in `?json=`; this
// module moves them into a GET body. It keeps no state but its limits, never follows redirects,
// forwards only the calls the app makes (gateway-routes.ts) and the headers listed below, and
// streams answers back without buffering (barcode lists are MBs; gateway-relay.ts).
//
// Before anything goes upstream a request must pass, in order: the route and method allow-list
// (400/404/405), a Bearer token (401), the limits of gateway-admission.ts (429/503), the body cap
// (413). All of those are answered here; Qtickets never sees the request.
import http from 'node:http';
import https from 'node:https';
import { createAdmissions, type AdmissionOptions } from './gateway-admission.ts';
import { fail } from './gateway-errors.ts';
import { bearerToken, clientAddress, tokenFingerprint } from './gateway-identity.ts';
import { upstreamPath } from './gateway-path.ts';
import { DEFAULT_ADDRESS_RATE_LIMIT, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './gateway-rate-limit.ts';
import { relay } from './gateway-relay.ts';
import { checkRoute } from './gateway-routes.ts';
import { BodyTooLargeError, encodingWeight, pathOf, queryOf, readBody } from './http-util.ts';

export { GATEWAY_HEADER } from './gateway-errors.ts';

/** The gateway's limits; every one has a default (below) and is optional for createApp too. */
export interface GatewayLimits {
  /** Request body cap (POST). Default DEFAULT_MAX_BODY. */
  maxBodyBytes?: number;
  /** Per token fingerprint; false turns it off. Default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions | false;
  /** Per client address, for requests without a token or with one not yet accepted. Default DEFAULT_ADDRESS_RATE_LIMIT. */
  addressRateLimit?: RateLimitOptions | false;
  /** Requests in flight, all clients together (503 past it). Default DEFAULT_MAX_IN_FLIGHT. */
  maxInFlight?: number;
  /** Requests in flight with one token (429 past it). Default DEFAULT_MAX_IN_FLIGHT_PER_TOKEN. */
  maxInFlightPerToken?: number;
  /** Longest silence within an answer's body before it is cut. Default: the header timeout. */
  bodyTimeoutMs?: number;
  /**
   * Reverse proxies in front of this server whose X-Forwarded-For is believed (0: none, the
   * socket's address is the client). Only the address-keyed limit uses it.
   */
  trustProxy?: number;
}

export interface GatewayOptions extends GatewayLimits {
  /** Qtickets API base, e.g. https://qtickets.ru/api/rest/v1 */
  upstream: string;
  /** How long to wait for the upstream's response headers. */
  timeoutMs: number;
  log: (line: string) => void;
}

export interface Gateway {
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  close(): void;
}

/**
 * The biggest body the app sends is a batch check-in: a JSON array of records like
 * {"barcode":"875196723453","checked_at":"2026-12-29T19:03:12+03:00"}, 68 bytes each with the
 * comma. The app sends at most 100 a batch (src/sync/flush.ts, ≈7 KB); 1,000 records are ≈68 KB
 * compact and ≈86 KB pretty-printed. 128 KiB takes either with room for longer codes, and keeps
 * what a full house of in-flight requests can pin small (256 × 128 KiB = 32 MiB).
 */
export const DEFAULT_MAX_BODY = 128 * 1024;
/**
 * A device keeps a handful of calls open at once (a list pull, a batch, up to 4 read-backs, a
 * lookup), and a venue's devices usually share one token: 20 devices × ~6 fit under 128. The
 * global cap bounds sockets and memory when several venues share one gateway.
 */
export const DEFAULT_MAX_IN_FLIGHT = 256;
export const DEFAULT_MAX_IN_FLIGHT_PER_TOKEN = 128;

export function createGateway(options: GatewayOptions): Gateway {
  const base = new URL(options.upstream);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(`Upstream must be http(s): ${options.upstream}`);
  }
  const transport = base.protocol === 'https:' ? https : http;
  // Reuse connections for bursts (paging, chunked check-ins), but drop idle ones after a few
  // seconds: a socket the upstream already closed would turn the next request into a 502.
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 32, timeout: 4000 });
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? options.timeoutMs;
  const trustProxy = options.trustProxy ?? 0;
  const admissionOptions: AdmissionOptions = {
    tokenRate: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    addressRate: options.addressRateLimit ?? DEFAULT_ADDRESS_RATE_LIMIT,
    maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    maxInFlightPerToken: options.maxInFlightPerToken ?? DEFAULT_MAX_IN_FLIGHT_PER_TOKEN,
  };
  const admissions = createAdmissions(admissionOptions);

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const started = performance.now();
    const method = req.method ?? '';
    const rawPath = pathOf(req.url);
    let release = () => {}; // the in-flight slot, once one is taken
    // One 'close' listener for all the bookkeeping: a streamed answer has many on `res` already.
    res.on('close', () => {
      release();
      const ms = Math.round(performance.now() - started);
      const broken = res.writableFinished ? '' : ' (aborted)';
      // One line per request; the query (which may carry anything) and headers (the token) never,
      // and the request's own credential is cut out of the path should a client have put it there.
      const path = printable(redact(rawPath, credentialOf(req.headers.authorization)));
      options.log(`${method || '?'} ${path} ${res.statusCode} ${ms}ms${broken}`);
    });

    const route = checkRoute(rawPath, method);
    if (!route.ok) {
      req.resume();
      if (route.status === 405) {
        return fail(res, 405, 'METHOD_NOT_ALLOWED', route.reason, { headers: { Allow: route.allow.join(', ') } });
      }
      return fail(res, route.status, route.status === 400 ? 'BAD_REQUEST' : 'NOT_FOUND', route.reason);
    }

    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);
    const token = bearerToken(req.headers.authorization);
    if (token === null) {
      req.resume();
      const refusal = admissions.anonymous(address);
      if (refusal) return fail(res, refusal.status, refusal.code, refusal.message, { headers: { 'Retry-After': String(refusal.retryAfterS) } });
      // Answered here: Qtickets would refuse it anyway. It counts against the client's address only.
      return fail(res, 401, 'UNAUTHORIZED', 'An Authorization: Bearer <token> header is required', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    const admitted = admissions.admit(tokenFingerprint(token), address);
    if (!admitted.ok) {
      req.resume();
      return fail(res, admitted.status, admitted.code, admitted.message, { headers: { 'Retry-After': String(admitted.retryAfterS) } });
    }
    release = admitted.release;
    forward(req, res, method, route.remainder, admitted.upstreamAnswered).catch(() =>
      fail(res, 502, 'UPSTREAM_UNREACHABLE', 'Gateway error'),
    );
  }

  async function forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    remainder: string,
    upstreamAnswered: (status: number) => void,
  ) {
    let body: Buffer | null = null;
    if (method === 'GET') {
      req.resume(); // a GET body from the browser is impossible anyway; never forward one
      const json = queryOf(req.url).get('json');
      if (json !== null) {
        try {
          JSON.parse(json);
        } catch {
          return fail(res, 400, 'BAD_REQUEST', 'The json parameter is not valid JSON');
        }
        body = Buffer.from(json, 'utf8');
      }
    } else {
      try {
        const received = await readBody(req, maxBody);
        body = received.length > 0 ? received : null;
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          return fail(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${maxBody} bytes`, {
            headers: { Connection: 'close' },
          });
        }
        return fail(res, 400, 'BAD_REQUEST', 'Could not read the request body');
      }
    }
    if (res.destroyed) return; // the client left while its body was read
    send(req, res, method, upstreamPath(base.pathname, remainder), body, upstreamAnswered);
  }

  function send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    path: string,
    body: Buffer | null,
    upstreamAnswered: (status: number) => void,
  ): void {
    const headers: Record<string, string | number> = {
      Accept: 'application/json',
      'Cache-Control': 'no-cache',
      'User-Agent': 'Kontrol-gateway',
    };
    const authorization = req.headers.authorization;
    if (authorization !== undefined) headers.Authorization = authorization;
    // Ask for gzip on the long leg only when the browser takes gzip too, so it passes through.
    if (encodingWeight(req.headers['accept-encoding'], 'gzip') > 0) {
      headers['Accept-Encoding'] = 'gzip';
    }
    if (body) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = body.length;
    }

    let timedOut = false;
    // Set once an answer (or our refusal of one) is under way; later upstream errors are relay's.
    let answered = false;
    const upstreamReq = transport.request({
      protocol: base.protocol,
      hostname: base.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: base.port || undefined,
      method,
      path,
      headers,
      agent,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      upstreamReq.destroy(new Error('Upstream timeout'));
    }, options.timeoutMs);

    upstreamReq.on('response', (upstreamRes) => {
      clearTimeout(timer);
      answered = true;
      upstreamAnswered(upstreamRes.statusCode ?? 0);
      relay(req, res, upstreamRes, { bodyTimeoutMs });
    });
    // 101 Switching Protocols: no answer for the browser, and no socket to hand anyone.
    upstreamReq.on('upgrade', (_upstreamRes, socket) => {
      clearTimeout(timer);
      answered = true;
      socket.destroy();
      fail(res, 502, 'UPSTREAM_INVALID_RESPONSE', 'Qtickets answered with an invalid HTTP status (101)');
    });
    upstreamReq.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (answered) return;
      answered = true;
      if (timedOut) {
        fail(res, 504, 'UPSTREAM_TIMEOUT', `Qtickets did not answer within ${options.timeoutMs} ms`);
      } else if (err.code?.startsWith('HPE_')) {
        // llhttp refused the answer: a status line or header no HTTP server sends.
        fail(res, 502, 'UPSTREAM_INVALID_RESPONSE', 'Qtickets answered with something that is not HTTP');
      } else {
        fail(res, 502, 'UPSTREAM_UNREACHABLE', 'Qtickets is unreachable');
      }
    });
    // Whatever else ends the exchange without an answer must not leave the browser waiting.
    upstreamReq.on('close', () => {
      clearTimeout(timer);
      if (answered) return;
      answered = true;
      fail(res, 502, 'UPSTREAM_UNREACHABLE', 'Qtickets closed the connection without an answer');
    });
    // The browser gave up: stop the upstream work too.
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) upstreamReq.destroy();
    });
    upstreamReq.end(body ?? undefined);
  }

  return {
    handle,
    close: () => agent.destroy(),
  };
}

/** The secret part of an Authorization header ("Bearer <token>" → token), if any. */
function credentialOf(authorization: string | undefined): string | null {
  const credential = authorization?.trim().replace(/^[A-Za-z]+\s+/, '').trim() ?? '';
  return credential.length >= 4 ? credential : null;
}

function redact(text: string, secret: string | null): string {
  if (secret === null) return text;
  let out = text;
  for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('[redacted]');
  return out;
}

/** Keeps log lines one line and short whatever the client put in the path. */
function printable(path: string): string {
  const clean = path.replace(/[^\x21-\x7e]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
