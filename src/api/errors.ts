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

export type Locale = 'ru' | 'en';

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

const MAX_SERVER_TEXT = 160;

/** The server's own words, when it gave any, shortened so a toast stays a toast. */
function serverText(error: { status: number; message: string }): string | null {
  const text = error.message.trim();
  if (text === '' || text === genericHttpMessage(error.status)) return null;
  return text.length > MAX_SERVER_TEXT ? `${text.slice(0, MAX_SERVER_TEXT - 1)}…` : text;
}

type Texts = Record<
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'notGateway'
  | 'badResponse'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'tooLarge'
  | 'tooMany'
  | 'refused'
  | 'upstreamDown'
  | 'upstreamSlow'
  | 'serverError',
  string
>;

const TEXTS: Record<Locale, Texts> = {
  ru: {
    network: 'Нет связи с сервером',
    timeout: 'Сервер не ответил вовремя',
    aborted: 'Запрос отменён',
    notGateway: 'Сеть требует входа (страница Wi-Fi?)',
    badResponse: 'Сервер прислал непонятный ответ',
    unauthorized: 'Сервер отказал: неверный токен API',
    forbidden: 'Сервер отказал: у токена API нет доступа',
    notFound: 'Не найдено на сервере',
    tooLarge: 'Запрос слишком большой',
    tooMany: 'Слишком много запросов, повторим позже',
    refused: 'Сервер отказал',
    upstreamDown: 'Сервер Qtickets недоступен',
    upstreamSlow: 'Сервер Qtickets не ответил вовремя',
    serverError: 'Ошибка на сервере',
  },
  en: {
    network: 'No connection to the server',
    timeout: 'The server did not answer in time',
    aborted: 'Request cancelled',
    notGateway: 'The network wants a sign-in (Wi-Fi page?)',
    badResponse: 'The server sent an answer we cannot read',
    unauthorized: 'Server refused: wrong API token',
    forbidden: 'Server refused: the API token has no access',
    notFound: 'Not found on the server',
    tooLarge: 'The request is too large',
    tooMany: 'Too many requests, will retry later',
    refused: 'Server refused',
    upstreamDown: 'Qtickets server is unreachable',
    upstreamSlow: 'Qtickets server did not answer in time',
    serverError: 'Server error',
  },
};

function describeHttp(error: Extract<ApiError, { kind: 'http' }>, t: Texts): string {
  const status = ` (HTTP ${error.status})`;
  const said = serverText(error);
  const withSaid = (base: string) => (said ? `${base}: ${said}${status}` : `${base}${status}`);
  switch (error.status) {
    case 401:
      return t.unauthorized + status;
    case 403:
      return t.forbidden + status;
    case 404:
      return withSaid(t.notFound);
    case 408:
      return t.timeout + status;
    case 413:
      return t.tooLarge + status;
    case 429:
      return t.tooMany + status;
    case 502:
      return t.upstreamDown + status;
    case 504:
      return t.upstreamSlow + status;
  }
  if (error.status >= 500) return withSaid(t.serverError);
  return withSaid(t.refused);
}

/** Short text for staff at the door. Names the HTTP status when there was one. */
export function describeError(error: ApiError, locale: Locale): string {
  const t = TEXTS[locale];
  switch (error.kind) {
    case 'network':
      return t.network;
    case 'timeout':
      return t.timeout;
    case 'aborted':
      return t.aborted;
    case 'not_gateway':
      return `${t.notGateway} (HTTP ${error.status})`;
    case 'bad_response':
      return `${t.badResponse} (HTTP ${error.status})`;
    case 'http':
      return describeHttp(error, t);
  }
}
