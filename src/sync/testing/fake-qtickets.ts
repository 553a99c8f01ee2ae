// An in-process fake of Qtickets behind the gateway, written from the API document and the list of
// unknowns (../shared/reference), NOT from src/api/batch.ts: it must be able to disagree with our
// parser. It answers, as a `fetch`:
//   POST /api/rest/v1/shows/{id}/barcodes        (the batch check-in; its answer is undocumented)
//   GET  /api/rest/v1/shows/{id}/barcode/{code}  (the documented read-back: {barcode, checked_at})
// It keeps the server's side of the story (which codes it holds, with which checked_at, and every
// record it refused by name) and misbehaves on demand: the network's faults (timeouts, resets, 5xx,
// 429, a captive portal, answers lost after the work was done), HTTP statuses a wrong route or a
// proxy gives (3xx, an HTML 404, 405, 409, 410, 413), and — worst — 2xx answers that record all,
// some or none of a batch while saying anything from its own vocabulary: "error", `{}`, nothing,
// counts, per-item lists reordered or with items dropped, results without barcodes.
import { GATEWAY_HEADER } from '../../api/index.ts';
import type { ManualClock } from './manual-clock.ts';
import { chance, pick, type Random } from '../../domain/testing/random.ts';

export const FAULTS = [
  'none',
  /** Headers never come; the transport's timer gives up. Nothing was processed. */
  'timeout',
  /** The connection dies before the server sees the request. */
  'reset',
  'status500',
  /** The gateway's own "Qtickets unreachable". */
  'status502',
  /** nginx's HTML error page relayed by the gateway. */
  'status502Html',
  'status503',
  'rate429',
  'rate429RetryAfter',
  /** A Wi-Fi sign-in page: 200, HTML, not from our gateway. */
  'captivePortal',
  /** 200 from the gateway with a body that is not JSON at all. */
  'garbledJson',
  /** The token was refused for a moment (the app stops until kicked). */
  'auth401',
  /** A redirect (the gateway never follows one). */
  'redirect302',
  /** An unknown route's HTML 404 page. */
  'html404',
  'status405',
  /** A JSON 409 that names no item. */
  'status409',
  'status410',
  // The server DID record the batch, but the answer never arrived intact:
  'lostReset',
  'lostTimeout',
  'lostGateway504',
  /** Headers came, then the connection broke in the middle of the body. */
  'lostBodyCut',
  /** The body arrived cut short. */
  'lostTruncatedJson',
  /** A PHP warning printed before the JSON. */
  'lostMalformedJson',
] as const;
export type Fault = (typeof FAULTS)[number];

/** Faults after which the server holds the batch although the app cannot know it. */
export const ANSWER_LOST: ReadonlySet<Fault> = new Set(['lostReset', 'lostTimeout', 'lostGateway504', 'lostBodyCut', 'lostTruncatedJson', 'lostMalformedJson']);

/** How much of a batch a misbehaving server records. */
export const RECORDING = ['all', 'some', 'none'] as const;
export type Recording = (typeof RECORDING)[number];

/** The words a 2xx answer may use. Only 'honest' is sent by a healthy server. */
export const VOCABULARY = [
  'honest',
  'reordered',
  'dropped',
  'anonymous',
  'statusWords',
  'checkedFlags',
  'emptyBody',
  'emptyObject',
  'topSuccess',
  'statusError',
  'status422',
  'errorsText',
  'okFalse',
  'resultFalse',
  'counts',
] as const;
export type Vocabulary = (typeof VOCABULARY)[number];

/** What a server may do with a code it already holds (nobody knows what Qtickets does). */
export type Duplicates = 'accept' | 'refuseWithTime' | 'refuseWithoutTime';

export interface Misbehaviour {
  recording: Recording;
  vocabulary: Vocabulary;
}

export interface ServerEvent {
  request: number;
  showId: number;
  barcode: string;
  checked_at: string;
  /** recorded: it holds the code now; refused: it refused this record by name; dropped: neither. */
  outcome: 'recorded' | 'refused' | 'dropped';
}

export interface ServerRequest {
  n: number;
  kind: 'batch' | 'readBack';
  showId: number;
  size: number;
  fault: Fault;
  misbehaviour: Misbehaviour | null;
}

export interface FakeQticketsOptions {
  /** Codes the server refuses item by item (refunded at the box office); a read-back answers 404. */
  refunded?: ReadonlySet<string>;
  /** Codes that fail validation: the whole batch is refused with 422, the bad ones named by index. */
  invalid?: ReadonlySet<string>;
  duplicates?: Duplicates;
  /** Batches above this size are answered 413. */
  maxItems?: number;
  /** The network fault for the next request; 'none' for a healthy network. */
  nextFault?: () => Fault;
  /** How the next 2xx batch answer misbehaves; null for an honest server. */
  nextMisbehaviour?: () => Misbehaviour | null;
  random?: Random;
}

const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d:\d\d$/;
const BATCH_PATH = /\/api\/rest\/v1\/shows\/(\d+)\/barcodes$/;
const READ_PATH = /\/api\/rest\/v1\/shows\/(\d+)\/barcode\/([^/]+)$/;

type Item = { barcode: string; checked_at: string };

export class FakeQtickets {
  readonly log: ServerEvent[] = [];
  readonly requests: ServerRequest[] = [];
  /** Requests that broke the protocol (wrong path, body, checked_at format): the app's bugs. */
  readonly protocolErrors: string[] = [];
  nextFault: () => Fault;
  nextMisbehaviour: () => Misbehaviour | null;
  private readonly holds = new Map<string, string>();
  private readonly refunded: ReadonlySet<string>;
  private readonly invalid: ReadonlySet<string>;
  private readonly duplicates: Duplicates;
  private readonly maxItems: number;
  private readonly random: Random;

  constructor(options: FakeQticketsOptions = {}) {
    this.refunded = options.refunded ?? new Set();
    this.invalid = options.invalid ?? new Set();
    this.duplicates = options.duplicates ?? 'accept';
    this.maxItems = options.maxItems ?? Infinity;
    this.nextFault = options.nextFault ?? (() => 'none');
    this.nextMisbehaviour = options.nextMisbehaviour ?? (() => null);
    this.random = options.random ?? Math.random;
  }

  /** The checked_at the server holds for a code, if it holds it. */
  heldAt(showId: number, barcode: string): string | undefined {
    return this.holds.get(`${showId}/${barcode}`);
  }

  /** Whether the server ever refused this very record by name. */
  refusedRecord(showId: number, barcode: string, checkedAt: string): boolean {
    return this.log.some((e) => e.outcome === 'refused' && e.showId === showId && e.barcode === barcode && e.checked_at === checkedAt);
  }

  /** A `fetch` for one tab; `clock` is that tab's transport clock (fired to time a request out). */
  fetchFor(clock: ManualClock): typeof globalThis.fetch {
    return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      await Promise.resolve(); // a request is never answered synchronously
      const url = String(input);
      const path = new URL(url, 'http://door.local').pathname;
      const signal = init.signal ?? undefined;
      const read = READ_PATH.exec(path);
      if (read && (init.method ?? 'GET') === 'GET') return this.readBack(Number(read[1]), decodeURIComponent(read[2] ?? ''), clock, signal);
      const batch = BATCH_PATH.exec(path);
      if (!batch || init.method !== 'POST' || typeof init.body !== 'string') {
        this.protocolErrors.push(`unexpected ${init.method ?? 'GET'} ${url}`);
        return gatewayJson(404, { error: 'Not found', status: 404, code: 'NOT_FOUND' });
      }
      return this.batch(Number(batch[1]), this.readItems(init.body), clock, signal);
    }) as typeof globalThis.fetch;
  }

  private async readBack(showId: number, code: string, clock: ManualClock, signal: AbortSignal | undefined): Promise<Response> {
    const fault = this.nextFault();
    this.requests.push({ n: this.requests.length + 1, kind: 'readBack', showId, size: 1, fault, misbehaviour: null });
    const failed = networkFault(fault, clock, signal);
    if (failed) return failed;
    if (this.refunded.has(code) || this.invalid.has(code)) {
      return gatewayJson(404, { error: 'Resource "Barcode" not found', status: 404, code: 'RESOURCE_NOT_FOUND' });
    }
    // The document's answer; a code sold but not checked has checked_at null.
    return gatewayJson(200, { barcode: code, checked_at: this.heldAt(showId, code) ?? null });
  }

  private batch(showId: number, items: Item[], clock: ManualClock, signal: AbortSignal | undefined): Response | Promise<Response> {
    const fault = this.nextFault();
    const n = this.requests.length + 1;
    const request: ServerRequest = { n, kind: 'batch', showId, size: items.length, fault, misbehaviour: null };
    this.requests.push(request);
    const failed = networkFault(fault, clock, signal);
    if (failed) return failed;
    if (items.length > this.maxItems) return gatewayJson(413, { error: 'Payload Too Large', status: 413 });

    const misbehaviour = this.nextMisbehaviour();
    request.misbehaviour = misbehaviour;
    const answer = this.process(n, showId, items, misbehaviour);
    switch (fault) {
      case 'lostReset':
        throw new TypeError('network error');
      case 'lostTimeout':
        return hangUntilTimeout(clock, signal);
      case 'lostGateway504':
        return gatewayJson(504, { error: 'Qtickets did not answer within 20000 ms', status: 504, code: 'UPSTREAM_TIMEOUT' });
      case 'lostBodyCut':
        return cutBody(answer.status, answer.text);
      case 'lostTruncatedJson':
        return gatewayText(answer.status, 'application/json', answer.text.slice(0, Math.max(1, Math.floor(answer.text.length / 2))) || '[');
      case 'lostMalformedJson':
        return gatewayText(answer.status, 'application/json', `<br />\n<b>Warning</b>: Undefined index: row in Barcode.php on line 42<br />\n${answer.text}`);
      default:
        return gatewayText(answer.status, 'application/json', answer.text);
    }
  }

  private readItems(body: string): Item[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      this.protocolErrors.push('body is not JSON');
      return [];
    }
    if (!Array.isArray(parsed) || parsed.length === 0) {
      this.protocolErrors.push('body is not a non-empty array');
      return [];
    }
    return parsed.flatMap((item: unknown) => {
      const { barcode, checked_at } = (item ?? {}) as { barcode?: unknown; checked_at?: unknown };
      if (typeof barcode !== 'string' || typeof checked_at !== 'string' || !ISO_WITH_OFFSET.test(checked_at)) {
        this.protocolErrors.push(`malformed item ${JSON.stringify(item)}`);
        return [];
      }
      return [{ barcode, checked_at }];
    });
  }

  /** Decides, records and words one batch; the words never claim a code it does not hold. */
  private process(request: number, showId: number, items: Item[], misbehaviour: Misbehaviour | null): { status: number; text: string } {
    const event = (item: Item, outcome: ServerEvent['outcome']): ServerEvent => ({ request, showId, barcode: item.barcode, checked_at: item.checked_at, outcome });
    const badIndexes = items.flatMap((item, i) => (this.invalid.has(item.barcode) ? [i] : []));
    if (badIndexes.length > 0) {
      // Laravel's validation: nothing is saved; the bad records are named by their index.
      for (const [i, item] of items.entries()) this.log.push(event(item, badIndexes.includes(i) ? 'refused' : 'dropped'));
      const errors = Object.fromEntries(badIndexes.map((i) => [`${i}.barcode`, ['The selected barcode is invalid.']]));
      return { status: 422, text: JSON.stringify({ message: 'The given data was invalid.', errors }) };
    }
    type Result = { item: Item; kind: 'recorded' | 'refused' | 'dropped'; reason?: string; heldAt?: string };
    const results: Result[] = items.map((item) => {
      const key = `${showId}/${item.barcode}`;
      if (this.refunded.has(item.barcode)) return { item, kind: 'refused', reason: 'Билет возвращён' };
      const held = this.holds.get(key);
      if (held !== undefined) {
        if (this.duplicates === 'accept') return { item, kind: 'recorded', heldAt: held };
        return { item, kind: 'refused', reason: 'Билет уже отмечен', heldAt: this.duplicates === 'refuseWithTime' ? held : undefined };
      }
      const records = misbehaviour === null || misbehaviour.recording === 'all' || (misbehaviour.recording === 'some' && chance(this.random, 0.5));
      if (!records) return { item, kind: 'dropped' };
      this.holds.set(key, item.checked_at);
      return { item, kind: 'recorded', heldAt: item.checked_at };
    });
    for (const r of results) this.log.push(event(r.item, r.kind));
    const body = this.words(results, misbehaviour?.vocabulary ?? 'honest');
    return { status: pick(this.random, [200, 200, 201, 202]), text: body === undefined ? '' : JSON.stringify(body) };
  }

  private words(results: { item: Item; kind: 'recorded' | 'refused' | 'dropped'; reason?: string; heldAt?: string }[], vocabulary: Vocabulary): unknown {
    const named = results.filter((r) => r.kind !== 'dropped');
    const item = (r: (typeof results)[number]) =>
      r.kind === 'recorded'
        ? { barcode: r.item.barcode, success: true, checked_at: r.heldAt }
        : { barcode: r.item.barcode, success: false, error: r.reason, ...(r.heldAt ? { checked_at: r.heldAt } : {}) };
    const shuffled = <T>(list: T[]) => list.map((x) => ({ x, k: this.random() })).sort((a, b) => a.k - b.k).map(({ x }) => x);
    switch (vocabulary) {
      case 'honest':
        return named.map(item);
      case 'reordered':
        return { data: shuffled(named.map(item)) };
      case 'dropped':
        return named.filter(() => chance(this.random, 0.5)).map(item);
      case 'anonymous':
        // Results without barcodes, in an order of its own.
        return shuffled(named.map(item).map(({ barcode: _b, ...rest }) => rest));
      case 'statusWords':
        return named.map((r) => ({ barcode: r.item.barcode, status: r.kind === 'recorded' ? 'ok' : 'not_found' }));
      case 'checkedFlags':
        return results.map((r) => ({ barcode: r.item.barcode, checked: r.kind === 'recorded' }));
      case 'emptyBody':
        return undefined;
      case 'emptyObject':
        return {};
      case 'topSuccess':
        return { success: true };
      case 'statusError':
        return { status: 'error' };
      case 'status422':
        return { status: '422' };
      case 'errorsText':
        return { errors: 'Some barcodes could not be processed' };
      case 'okFalse':
        return { ok: false };
      case 'resultFalse':
        return { result: false };
      case 'counts':
        return { saved: results.filter((r) => r.kind === 'recorded').length, failed: results.filter((r) => r.kind !== 'recorded').length };
    }
  }
}

/** The answer for a fault that happens before the server does anything, or null to go on. */
function networkFault(fault: Fault, clock: ManualClock, signal: AbortSignal | undefined): Response | Promise<Response> | null {
  switch (fault) {
    case 'timeout':
      return hangUntilTimeout(clock, signal);
    case 'reset':
      return Promise.reject(new TypeError('fetch failed'));
    case 'status500':
      return gatewayJson(500, { error: 'Server Error' });
    case 'status502':
      return gatewayJson(502, { error: 'Qtickets is unreachable', status: 502, code: 'UPSTREAM_UNREACHABLE' });
    case 'status502Html':
      return gatewayText(502, 'text/html', '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>');
    case 'status503':
      return gatewayJson(503, { error: 'Unknown error', status: 503, code: 'UNKNOWN_ERROR' });
    case 'rate429':
      return gatewayJson(429, { error: 'Too Many Attempts.' });
    case 'rate429RetryAfter':
      return gatewayJson(429, { error: 'Too Many Attempts.' }, { 'Retry-After': '30' });
    case 'captivePortal':
      return new Response('<!doctype html><title>Wi-Fi</title><form action="/login">Войдите в сеть</form>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    case 'garbledJson':
      return gatewayText(200, 'application/json', '{"success": tru');
    case 'auth401':
      return gatewayJson(401, { error: 'Unauthorized', status: 401 });
    case 'redirect302':
      return gatewayText(302, 'text/html', '<a href="/login">Found</a>', { Location: '/login' });
    case 'html404':
      return gatewayText(404, 'text/html', '<!DOCTYPE html><html><body><h1>404</h1><script>alert(1)</script></body></html>');
    case 'status405':
      return gatewayJson(405, { error: 'Method Not Allowed', status: 405 });
    case 'status409':
      return gatewayJson(409, { error: 'Conflict', status: 409 });
    case 'status410':
      return gatewayJson(410, { error: 'Gone', status: 410 });
    default:
      return null;
  }
}

function gatewayText(status: number, type: string, text: string, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : text, { status, headers: { [GATEWAY_HEADER]: '1', 'Content-Type': type, ...headers } });
}

function gatewayJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return gatewayText(status, 'application/json', JSON.stringify(body), headers);
}

/** Never answers; the tab's clock is fired on the next turn, so its transport times out at once. */
function hangUntilTimeout(clock: ManualClock, signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    setImmediate(() => clock.fireAll());
  });
}

function cutBody(status: number, text: string): Response {
  const bytes = new TextEncoder().encode(text || '[{"barcode":"');
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice(0, Math.max(1, Math.floor(bytes.length / 2))));
      controller.error(new TypeError('terminated'));
    },
  });
  return new Response(stream, { status, headers: { [GATEWAY_HEADER]: '1', 'Content-Type': 'application/json' } });
}
