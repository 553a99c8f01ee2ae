// Test support: a fake `fetch` that records calls and answers like the gateway would. No network.
// Exported for sync tests too; the app never imports it.

import { GATEWAY_HEADER } from './transport.ts';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  init: RequestInit;
  /** Path after the base URL, without the query, e.g. `shows/7/barcodes`. */
  path: string;
  /** The JSON parameters: decoded from `?json=` for GET, from the body for POST; undefined if none. */
  params: unknown;
}

export interface ReplyInit {
  status?: number;
  headers?: Record<string, string>;
  /** False to answer like a captive portal or foreign proxy would: without X-Kontrol-Gateway. */
  gateway?: boolean;
}

/** A JSON answer through the gateway. */
export function jsonReply(body: unknown, init: ReplyInit = {}): Response {
  return rawReply(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
}

/** Any text answer (HTML, truncated JSON, empty). */
export function rawReply(text: string | null, init: ReplyInit = {}): Response {
  const headers = new Headers(init.headers);
  if (init.gateway !== false) headers.set(GATEWAY_HEADER, '1');
  return new Response(text, { status: init.status ?? 200, headers });
}

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function fakeFetch(handler: Handler, baseUrl = '/api/rest/v1') {
  const calls: RecordedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const parsed = new URL(url, 'http://door.local');
    const json = parsed.searchParams.get('json');
    const method = init.method ?? 'GET';
    const bodyText = typeof init.body === 'string' ? init.body : null;
    const call: RecordedCall = {
      url,
      method,
      headers: new Headers(init.headers),
      init,
      path: parsed.pathname.startsWith(`${baseUrl}/`) ? parsed.pathname.slice(baseUrl.length + 1) : parsed.pathname,
      params: json !== null ? JSON.parse(json) : bodyText !== null ? JSON.parse(bodyText) : undefined,
    };
    calls.push(call);
    return handler(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}
