// Every way a call to the gateway can fail, as data. Callers switch on `kind`; nothing in src/api
// throws. Messages never carry the API token: the transport scrubs it before building an error.

export type ApiError =
  /** fetch itself failed: offline, DNS, connection reset, body cut off mid-read. */
  | { kind: 'network'; message: string }
  /** Our own timer gave up waiting for headers or body. */
  | { kind: 'timeout' }
  /** The caller cancelled through its AbortSignal. */
  | { kind: 'aborted' }
  /** Something answered that is not our gateway (captive portal, corporate proxy), whatever its status. */
  | { kind: 'not_gateway'; status: number }
  /** The gateway or Qtickets answered with a non-2xx status. */
  | {
      kind: 'http';
      status: number;
      message: string;
      code?: string;
      retryAfterMs?: number;
      /** The JSON body, kept only when it may name items (`errors`, `data`…): a 422 can refuse single codes. */
      detail?: unknown;
      /** Qtickets' own status when the gateway could not relay its answer (an HTML 404 becomes our 502). */
      upstreamStatus?: number;
    }
  /** A 2xx whose body we cannot use: HTML, truncated JSON, or JSON of the wrong shape. */
  | { kind: 'bad_response'; status: number; message: string };

/** `serverDate` comes from the response `Date` header; sync uses it to estimate clock skew. */
export type ApiResult<T> =
  | { ok: true; value: T; serverDate: Date | null }
  | { ok: false; error: ApiError };

export const ok = <T>(value: T, serverDate: Date | null): ApiResult<T> => ({ ok: true, value, serverDate });
export const fail = (error: ApiError): { ok: false; error: ApiError } => ({ ok: false, error });

/** The message used for an HTTP error whose body said nothing we could read. */
export const genericHttpMessage = (status: number): string => `HTTP ${status}`;

/**
 * Whether trying the same request again later may succeed. Client errors (400, 401, 403, 404,
 * 409, 413, 422...) will fail the same way until someone changes the token or the data;
 * `aborted` was the caller's own decision.
 */
export function isRetryable(error: ApiError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'not_gateway':
    case 'bad_response':
      return true;
    case 'aborted':
      return false;
    case 'http':
      return error.status === 408 || error.status === 429 || error.status >= 500;
  }
}

/**
 * Qtickets answered, in JSON, that it has no such resource (the barcode is not of this show).
 * An HTML 404 is an unknown route, relayed by the gateway as a 502, and the gateway's own 404
 * (`NOT_FOUND`: a path it does not forward): neither says anything of the code.
 */
export function isNotFound(error: ApiError): boolean {
  return error.kind === 'http' && error.status === 404 && error.upstreamStatus === undefined && error.code !== 'NOT_FOUND';
}

/** The token is wrong or lacks rights: retrying is pointless, the user must fix settings. */
export function isAuthError(error: ApiError): boolean {
  return error.kind === 'http' && (error.status === 401 || error.status === 403);
}

/**
 * Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns ms to wait,
 * never negative, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

const MAX_DETAIL = 200;

/**
 * The failure as a short technical detail (status, the server's own words), never wording for a
 * person: screens say what happened in the person's language (src/ui/errors/describe.ts) and may
 * quote this behind it. Never holds the token: the transport scrubbed it already.
 */
export function technicalDetail(error: ApiError): string {
  const clip = (text: string) => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text);
  switch (error.kind) {
    case 'network':
      return clip(`network: ${error.message}`);
    case 'timeout':
      return 'timeout';
    case 'aborted':
      return 'aborted';
    case 'not_gateway':
      return `not our gateway (HTTP ${error.status})`;
    case 'bad_response':
      // Its message can echo any value of the answer (a parser's complaint), so it stays out.
      return `unreadable answer (HTTP ${error.status})`;
    case 'http': {
      const status = error.upstreamStatus ?? error.status;
      const said = error.message.trim();
      return clip(said === '' || said === genericHttpMessage(error.status) ? `HTTP ${status}` : `HTTP ${status}: ${said}`);
    }
  }
}
