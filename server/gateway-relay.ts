// Passes an upstream answer on to the browser, or refuses to.
//
// Only what the app can use is relayed: a final HTTP status (200–599) with a JSON body or an empty
// one. Anything else (an HTML error page, text, an impossible status) becomes a typed 502 of our
// own: it is useless to the client, and a hostile or broken upstream must neither crash this
// process (writeHead throws on a status below 100) nor get its markup served from our origin.
// Answers stream through without buffering (barcode lists are megabytes), under a watchdog that
// cuts an answer whose body stalls.
import type http from 'node:http';
import { pipeline, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import { fail, GATEWAY_RESPONSE_HEADERS } from './gateway-errors.ts';
import { encodingWeight, pickEncoding } from './http-util.ts';

export interface RelayOptions {
  /** Longest silence while an answer's body is under way (no byte from upstream, no drain by the client). */
  bodyTimeoutMs: number;
}

// Headers of the upstream answer the browser may see; everything else (set-cookie, location,
// hop-by-hop, server banners, upstream CSP or CORS) stays behind.
const RELAYED_HEADERS = ['content-type', 'date', 'retry-after', 'cache-control'] as const;

export function relay(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  upstreamRes: http.IncomingMessage,
  options: RelayOptions,
): void {
  // An 'error' nobody listens to would be thrown; each path below decides what a broken body means.
  upstreamRes.on('error', () => {});
  const status = upstreamRes.statusCode ?? 0;
  if (!isFinalStatus(status)) {
    upstreamRes.destroy(); // never reuse a connection that spoke nonsense
    return fail(res, 502, 'UPSTREAM_INVALID_RESPONSE', `Qtickets answered with an invalid HTTP status (${status})`);
  }
  const type = mediaType(upstreamRes.headers['content-type']);
  if (isJsonType(type)) return stream(req, res, upstreamRes, status, true, options);
  // Laravel sends an empty answer as text/html: an empty body is relayed whatever its label said.
  if (declaredEmpty(status, upstreamRes.headers)) return stream(req, res, upstreamRes, status, false, options);
  relayIfEmpty(req, res, upstreamRes, status, type, options);
}

/** 1xx are interim (Node handles them itself); anything outside 200–599 is no HTTP status. */
export function isFinalStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 599;
}

/** `application/json` or a structured `+json` type, parameters (charset) aside. */
export function isJsonType(type: string): boolean {
  return type === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function declaredEmpty(status: number, headers: http.IncomingHttpHeaders): boolean {
  return status === 204 || status === 304 || headers['content-length'] === '0';
}

/**
 * A body that is not labelled JSON: relayed only if it turns out empty (a chunked nothing). The
 * first byte decides against it, without reading further.
 */
function relayIfEmpty(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  upstreamRes: http.IncomingMessage,
  status: number,
  type: string,
  options: RelayOptions,
): void {
  let settled = false;
  const stopWatch = watchStall(upstreamRes, res, options.bodyTimeoutMs, () => {
    if (!settle()) return;
    upstreamRes.destroy();
    fail(res, 504, 'UPSTREAM_TIMEOUT', `Qtickets stopped sending its answer for ${options.bodyTimeoutMs} ms`);
  });
  /** True for the first outcome only: data, end, close or the watchdog, whichever comes first. */
  function settle(): boolean {
    if (settled) return false;
    settled = true;
    stopWatch();
    return true;
  }
  upstreamRes.once('data', () => {
    if (!settle()) return;
    upstreamRes.destroy();
    const retryAfter = upstreamRes.headers['retry-after'];
    fail(res, 502, 'UPSTREAM_NOT_JSON', `Qtickets answered HTTP ${status} with ${printableType(type)}, not JSON`, {
      upstreamStatus: status,
      // A 503 page's Retry-After still tells the client when to try again.
      headers: typeof retryAfter === 'string' ? { 'Retry-After': retryAfter } : {},
    });
  });
  upstreamRes.once('end', () => {
    if (!settle()) return;
    if (writeHeadOr502(res, upstreamRes, status, { ...relayedHeaders(upstreamRes, false), 'content-length': '0' })) res.end();
  });
  upstreamRes.once('close', () => {
    if (!settle()) return;
    fail(res, 502, 'UPSTREAM_UNREACHABLE', 'Qtickets broke off its answer');
  });
}

function stream(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  upstreamRes: http.IncomingMessage,
  status: number,
  keepType: boolean,
  options: RelayOptions,
): void {
  const headers: Record<string, string> = { ...relayedHeaders(upstreamRes, keepType), Vary: 'Accept-Encoding' };
  const upstreamEncoding = upstreamRes.headers['content-encoding'];
  const bodyless = status === 204 || status === 304;
  let transform: Transform | null = null;
  if (upstreamEncoding && upstreamEncoding !== 'identity') {
    headers['content-encoding'] = upstreamEncoding;
    copyLength(upstreamRes, headers);
  } else {
    const encoding = bodyless ? 'identity' : liveEncoding(req.headers['accept-encoding']);
    if (encoding === 'br') {
      transform = zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
    } else if (encoding === 'gzip') {
      transform = zlib.createGzip();
    }
    if (transform) headers['content-encoding'] = encoding;
    else copyLength(upstreamRes, headers);
  }
  if (!writeHeadOr502(res, upstreamRes, status, headers)) return;

  let stopWatch = () => {};
  const done = (err: NodeJS.ErrnoException | null | undefined) => {
    stopWatch();
    if (err) res.destroy(); // a half-sent answer must look broken, never like a short success
  };
  if (transform) pipeline(upstreamRes, transform, res, done);
  else pipeline(upstreamRes, res, done);
  // After pipeline(): the watchdog's 'data' listener must not start the flow before the pipe exists.
  stopWatch = watchStall(upstreamRes, res, options.bodyTimeoutMs, () => {
    upstreamRes.destroy();
    res.destroy();
  });
}

function relayedHeaders(upstreamRes: http.IncomingMessage, keepType: boolean): Record<string, string> {
  const headers: Record<string, string> = { ...GATEWAY_RESPONSE_HEADERS };
  for (const name of RELAYED_HEADERS) {
    if (name === 'content-type' && !keepType) continue;
    const value = upstreamRes.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (!headers['cache-control']) headers['cache-control'] = 'no-store';
  return headers;
}

/** writeHead validates what upstream sent once more; should it still throw, the answer is a 502, not a crash. */
function writeHeadOr502(
  res: http.ServerResponse,
  upstreamRes: http.IncomingMessage,
  status: number,
  headers: Record<string, string>,
): boolean {
  try {
    res.writeHead(status, headers);
    return true;
  } catch {
    upstreamRes.destroy();
    fail(res, 502, 'UPSTREAM_INVALID_RESPONSE', 'Qtickets answered with headers that cannot be relayed');
    return false;
  }
}

/**
 * Calls `onStall` once neither upstream sent a byte nor the client took one (drain) for `ms`:
 * headers followed by silence would otherwise hold the client, a socket and an in-flight slot
 * for as long as the upstream likes. Returns the function that stops watching; callers stop it
 * when the exchange ends either way (a client that leaves destroys the upstream request, see
 * gateway.ts), so no 'close' listener of its own is needed on `res`, which has many already.
 */
function watchStall(upstreamRes: http.IncomingMessage, res: http.ServerResponse, ms: number, onStall: () => void): () => void {
  const timer = setTimeout(() => {
    stop();
    onStall();
  }, ms);
  const poke = () => timer.refresh();
  function stop() {
    clearTimeout(timer);
    upstreamRes.off('data', poke);
    res.off('drain', poke);
  }
  upstreamRes.on('data', poke);
  res.on('drain', poke);
  return stop;
}

/**
 * On-the-fly compression prefers gzip: on a 28 MB barcode list it took half the CPU time of
 * streaming brotli (quality 4) for a slightly smaller result. Static files use brotli, which is
 * computed once.
 */
function liveEncoding(acceptEncoding: string | undefined): 'gzip' | 'br' | 'identity' {
  if (encodingWeight(acceptEncoding, 'gzip') > 0) return 'gzip';
  return pickEncoding(acceptEncoding);
}

function copyLength(upstreamRes: http.IncomingMessage, headers: Record<string, string>): void {
  const length = upstreamRes.headers['content-length'];
  if (length !== undefined) headers['content-length'] = length;
}

function printableType(type: string): string {
  if (type === '') return 'no content type';
  const clean = type.replace(/[^\x21-\x7e]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}
