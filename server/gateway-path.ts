// Turns a browser path under /api/rest/v1/ into the path sent upstream, or refuses it.
// The rule is an allow-list, not a deny-list: only plain segments of unreserved characters
// pass, so nothing in the remainder can climb out of the API base or change the host
// (no "..", no percent-encoding, no backslashes, no empty segments, no "@" or ":").

export const GATEWAY_PREFIX = '/api/rest/v1/';

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

export type GatewayPath = { ok: true; remainder: string } | { ok: false; reason: string };

/** `rawPath` is the request path exactly as received (no query), still percent-encoded. */
export function parseGatewayPath(rawPath: string): GatewayPath {
  if (!rawPath.startsWith(GATEWAY_PREFIX)) return { ok: false, reason: 'Not an API path' };
  const remainder = rawPath.slice(GATEWAY_PREFIX.length);
  if (remainder === '') return { ok: false, reason: 'Empty API path' };
  const segments = remainder.split('/');
  for (const segment of segments) {
    // An empty segment means "//" or a trailing slash; "." and ".." would be normalised away
    // by someone downstream, so neither may reach the upstream.
    if (segment === '' || segment === '.' || segment === '..') {
      return { ok: false, reason: 'Invalid path segment' };
    }
    if (!SEGMENT.test(segment)) return { ok: false, reason: 'Invalid characters in path' };
  }
  return { ok: true, remainder };
}

/** Joins the upstream base path (e.g. `/api/rest/v1`) and a validated remainder. */
export function upstreamPath(basePath: string, remainder: string): string {
  return `${basePath.replace(/\/+$/, '')}/${remainder}`;
}
