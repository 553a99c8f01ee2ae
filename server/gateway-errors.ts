// What every gateway answer carries, and the gateway's own (typed JSON) error answers. The venue
// hub (hub/) answers the same way.
import type http from 'node:http';
import { BASE_SECURITY_HEADERS, sendJson } from './http-util.ts';

/** Marks every answer the gateway produces, so the client can tell it from a captive portal. */
export const GATEWAY_HEADER = 'X-Kontrol-Gateway';

/**
 * Relayed bodies were written by another server but are served from our origin, where the API
 * token sits in IndexedDB. Should a browser ever render one as a document (a navigation, a
 * sniffing bug), it may load nothing and runs in an opaque origin of its own: no script of its
 * reaches our storage.
 */
export const GATEWAY_CSP = "default-src 'none'; sandbox";

/** Headers of every gateway answer, relayed or its own. */
export const GATEWAY_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_SECURITY_HEADERS,
  'Content-Security-Policy': GATEWAY_CSP,
  [GATEWAY_HEADER]: '1',
};

export type GatewayErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'TOO_MANY_IN_FLIGHT'
  | 'GATEWAY_BUSY'
  | 'HUB_UNAVAILABLE'
  | 'UPSTREAM_UNREACHABLE'
  | 'UPSTREAM_INVALID_RESPONSE'
  | 'UPSTREAM_NOT_JSON'
  | 'UPSTREAM_TIMEOUT';

export interface FailExtras {
  headers?: Record<string, string>;
  /** The status Qtickets answered with, when the gateway refused to relay that answer. */
  upstreamStatus?: number;
}

/** Answers `{"error","status","code"[,"upstreamStatus"]}`; if headers already went out, breaks the answer instead. */
export function fail(
  res: http.ServerResponse,
  status: number,
  code: GatewayErrorCode,
  message: string,
  extras: FailExtras = {},
): void {
  if (res.headersSent) {
    res.destroy(); // a half-sent answer must look broken, never like a short success
    return;
  }
  if (res.destroyed) return;
  const body = { error: message, status, code, ...(extras.upstreamStatus === undefined ? {} : { upstreamStatus: extras.upstreamStatus }) };
  sendJson(res, status, body, { ...GATEWAY_RESPONSE_HEADERS, ...extras.headers });
}
