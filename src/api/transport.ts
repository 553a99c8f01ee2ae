// The one place in the app that calls fetch for the API. It speaks the gateway contract:
//   GET  <base>/<path>?json=<encodeURIComponent(JSON.stringify(params))>  (browsers cannot send a GET body;
//        the gateway turns `json` into the JSON body Qtickets wants)
//   POST <base>/<path> with a JSON body.
// Invariants: nothing the network or a server does makes it throw; every failure is an ApiError; a response without X-Kontrol-Gateway is
// never trusted (captive portals answer 200 with HTML); the token never appears in an error.

import { fail, genericHttpMessage, parseRetryAfter, type ApiError } from './errors.ts';

export const GATEWAY_HEADER = 'X-Kontrol-Gateway';

export interface TransportOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Covers the whole exchange: headers and body. */
  timeoutMs?: number;
  /** Starts the timeout's timer and returns its cancel; tests pass a manual clock so a timeout needs no real waiting. */
  startTimer?: (onTimeout: () => void, ms: number) => () => void;
}

export interface CallOptions {
  /** Cancels the call; the result is then `{kind: 'aborted'}`. */
  signal?: AbortSignal;
}

/** An ApiResult that also tells the 2xx status, so a parser can report it in a bad_response. */
export type TransportResult = { ok: true; value: unknown; serverDate: Date | null; status: number } | { ok: false; error: ApiError };

export interface StreamOptions {
  /** Resume after this event (Server-Sent Events' Last-Event-ID). */
  lastEventId?: string | null;
  /** Ends the stream; the result is then `{kind: 'aborted'}`. */
  signal: AbortSignal;
  /** Each piece of text as it arrives (UTF-8 decoded across chunk boundaries). */
  onText: (text: string) => void;
  /** The server accepted the stream (a 2xx from our gateway): it is live. */
  onOpen?: () => void;
}

/** How a stream ended: `ok` when the server closed it cleanly (the caller reconnects). */
export type StreamResult = { ok: true } | { ok: false; error: ApiError };

export interface Transport {
  get(path: string, token: string, params?: unknown, options?: CallOptions): Promise<TransportResult>;
  post(path: string, token: string, body: unknown, options?: CallOptions): Promise<TransportResult>;
  /** A long-lived text/event-stream GET; only the wait for its headers is timed. */
  stream(path: string, token: string, options: StreamOptions): Promise<StreamResult>;
}

export const DEFAULT_BASE_URL = '/api/rest/v1';
export const DEFAULT_TIMEOUT_MS = 15_000;

const realTimer = (onTimeout: () => void, ms: number): (() => void) => {
  const id = setTimeout(onTimeout, ms);
  return () => clearTimeout(id);
};

/** Callers encode each path segment (a scanned code may hold `/`, `?`, `#`); here we only join. */
function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function scrub(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('•••');
}

function parseServerDate(headers: Headers): Date | null {
  const raw = headers.get('Date');
  if (raw === null) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * Settles with the signal's abort even if the promise never does: a stalled proxy or a fetch
 * implementation that ignores the signal must not hang a sync pass.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Qtickets and the gateway both put a human message in `error` and sometimes a machine one in `code`. */
function httpError(status: number, headers: Headers, text: string, token: string): ApiError {
  const parsed = parseJson(text);
  const body = parsed.ok && parsed.value !== null && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : {};
  const message = typeof body.error === 'string' && body.error.trim() !== '' ? scrub(body.error, token) : genericHttpMessage(status);
  const code = typeof body.code === 'string' || typeof body.code === 'number' ? String(body.code) : undefined;
  const retryAfterMs = parseRetryAfter(headers.get('Retry-After'));
  const mayNameItems = ['errors', 'data', 'results', 'items', 'barcode'].some((key) => key in body);
  const upstream = body.upstreamStatus;
  const upstreamStatus = typeof upstream === 'number' && Number.isInteger(upstream) && upstream >= 100 && upstream <= 599 ? upstream : undefined;
  return {
    kind: 'http',
    status,
    message,
    ...(code !== undefined ? { code } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(mayNameItems ? { detail: body } : {}),
    ...(upstreamStatus !== undefined ? { upstreamStatus } : {}),
  };
}

function successValue(status: number, headers: Headers, text: string): TransportResult {
  const serverDate = parseServerDate(headers);
  // An empty 2xx (e.g. 204, or a batch POST that answers nothing) is a valid "nothing to say".
  if (text.trim() === '') return { ok: true, value: null, serverDate, status };
  const parsed = parseJson(text);
  if (parsed.ok) return { ok: true, value: parsed.value, serverDate, status };
  const type = headers.get('Content-Type') ?? 'no content type';
  const message = /json/i.test(type)
    ? `invalid or truncated JSON (${text.length} chars)`
    : `expected JSON, got ${type.split(';')[0]}`;
  return fail({ kind: 'bad_response', status, message });
}

/**
 * The body as text, the timeout counting from the last piece that came rather than from the
 * request: a 1,000,000-ticket list over a slow venue network takes longer than the timeout to
 * arrive and is not stalled; a body that stops coming is.
 *
 * The pieces are kept as bytes and decoded once at the end. Decoding each piece to a string and
 * joining them held the text twice on the JS heap (the pieces and the joined copy, two bytes a
 * character once there is Cyrillic): a 200,000-ticket list with names is 57 MB of UTF-8, and the
 * barcode worker peaked at 346 MB at a million tickets. Bytes live outside the heap (array buffers).
 */
async function readText(response: Response, signal: AbortSignal, onProgress: () => void): Promise<string> {
  if (!response.body) return untilAborted(response.text(), signal);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      parts.push(value);
      length += value.length;
      onProgress();
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  // UTF-8 with a leading BOM dropped and malformed bytes replaced, as TextDecoderStream did.
  return new TextDecoder().decode(bytes);
}

export function createTransport(options: TransportOptions = {}): Transport {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const startTimer = options.startTimer ?? realTimer;
  // Resolved per call so tests (and polyfills) that replace globalThis.fetch later still apply.
  const doFetch = (input: string, init: RequestInit) => (options.fetch ?? globalThis.fetch)(input, init);

  type Failed = { ok: false; error: ApiError };

  /** What a caller gets once the gateway's headers are in: the response, and how to word a failure after. */
  interface Exchange {
    response: Response;
    signal: AbortSignal;
    /** Which of the two aborts fired decides the kind; a TypeError without either is the network. */
    failure: (cause: unknown) => Failed;
    /** Stops the timeout: a stream, once open, may stay so for hours. */
    stopTimer: () => void;
    /** Starts the timeout again: an answer still arriving is not stalled, however large it is. */
    rearmTimer: () => void;
  }

  /**
   * One request through the gateway, under the timeout and the caller's signal: every way it can
   * fail is an ApiError, and an answer that did not pass our gateway is never read.
   */
  async function exchange<R>(url: string, token: string, init: RequestInit, external: AbortSignal | undefined, handle: (x: Exchange) => Promise<R | Failed>): Promise<R | Failed> {
    if (external?.aborted) return fail({ kind: 'aborted' });
    const controller = new AbortController();
    let timedOut = false;
    let stopTimer = () => {};
    const rearmTimer = () => {
      stopTimer();
      stopTimer = startTimer(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    rearmTimer();
    const onExternalAbort = () => controller.abort();
    external?.addEventListener('abort', onExternalAbort, { once: true });
    const failure = (cause: unknown): Failed => {
      if (timedOut) return fail({ kind: 'timeout' });
      if (external?.aborted) return fail({ kind: 'aborted' });
      const message = cause instanceof Error ? cause.message : String(cause);
      return fail({ kind: 'network', message: scrub(message, token) });
    };
    try {
      let response: Response;
      try {
        response = await untilAborted(doFetch(url, { ...init, credentials: 'omit', cache: 'no-store', signal: controller.signal }), controller.signal);
      } catch (cause) {
        return failure(cause);
      }
      if (!response.headers.has(GATEWAY_HEADER)) {
        // Do not read the body: a captive portal's page is of no use and may be large.
        void response.body?.cancel().catch(() => undefined);
        return fail({ kind: 'not_gateway', status: response.status });
      }
      return await handle({ response, signal: controller.signal, failure, stopTimer: () => stopTimer(), rearmTimer });
    } finally {
      stopTimer();
      external?.removeEventListener('abort', onExternalAbort);
    }
  }

  function call(url: string, token: string, init: RequestInit, callOptions: CallOptions): Promise<TransportResult> {
    return exchange(url, token, init, callOptions.signal, async ({ response, signal, failure, rearmTimer }) => {
      let text: string;
      try {
        text = await readText(response, signal, rearmTimer);
      } catch (cause) {
        return failure(cause);
      }
      if (response.status < 200 || response.status > 299) return fail(httpError(response.status, response.headers, text, token));
      return successValue(response.status, response.headers, text);
    });
  }

  const baseHeaders = (token: string): Record<string, string> => ({
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
  });

  function stream(path: string, token: string, { lastEventId, signal, onText, onOpen }: StreamOptions): Promise<StreamResult> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    return exchange(joinUrl(baseUrl, path), token, { method: 'GET', headers }, signal, async ({ response, failure, stopTimer }): Promise<StreamResult> => {
      // The headers came: from here the stream may stay open for hours.
      stopTimer();
      if (response.status < 200 || response.status > 299 || !response.body) {
        const text = await response.text().catch(() => '');
        return fail(httpError(response.status, response.headers, text, token));
      }
      onOpen?.();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return { ok: true };
          onText(value);
        }
      } catch (cause) {
        return failure(cause);
      } finally {
        reader.releaseLock();
      }
    });
  }

  return {
    stream,
    get(path, token, params, callOptions = {}) {
      const query = params === undefined ? '' : `?json=${encodeURIComponent(JSON.stringify(params))}`;
      return call(
        joinUrl(baseUrl, path) + query,
        token,
        { method: 'GET', headers: baseHeaders(token) },
        callOptions,
      );
    },
    post(path, token, body, callOptions = {}) {
      return call(
        joinUrl(baseUrl, path),
        token,
        {
          method: 'POST',
          headers: { ...baseHeaders(token), 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
        callOptions,
      );
    },
  };
}
