// An in-process fake of Qtickets behind the gateway, answering the batch check-in endpoint
// `POST /api/rest/v1/shows/{id}/barcodes` as a `fetch`. It keeps the server's side of the story
// (every check-in it accepted or refused, with the checked_at it received) and misbehaves on
// demand in every way the network and a PHP server do: timeouts, resets, 5xx, 429, a captive
// portal's HTML, broken JSON, per-item refusals, and answers lost after the work was done.
import { GATEWAY_HEADER } from '../../api/index.ts';
import type { ManualClock } from './manual-clock.ts';
import { pick, type Random } from '../../domain/testing/random.ts';

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

export interface ServerCheckIn {
  request: number;
  showId: number;
  barcode: string;
  checked_at: string;
  outcome: 'accepted' | 'refused';
  /** Refused as part of a whole-batch refusal (422) rather than by a per-item answer. */
  wholeBatch: boolean;
  /** How many items the request carried. */
  batchSize: number;
}

export interface ServerRequest {
  n: number;
  showId: number;
  size: number;
  fault: Fault;
}

export interface FakeQticketsOptions {
  /** Codes the server refuses item by item (refunded at the box office). */
  refunded?: ReadonlySet<string>;
  /** Codes whose presence makes the server refuse the whole batch with 422. */
  invalid?: ReadonlySet<string>;
  /** What it does with a code it already accepted (the real API's behaviour is unknown). */
  duplicates?: 'accept' | 'refuse';
  /** The fault for the next request; 'none' for a healthy network. */
  nextFault?: () => Fault;
  /** Picks the shape of each answer (the real API's answer shape is undocumented). */
  random?: Random;
}

const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d:\d\d$/;
const PATH = /\/api\/rest\/v1\/shows\/(\d+)\/barcodes$/;

export class FakeQtickets {
  readonly log: ServerCheckIn[] = [];
  readonly requests: ServerRequest[] = [];
  /** Requests that broke the protocol (wrong path, body, checked_at format): the app's bugs. */
  readonly protocolErrors: string[] = [];
  nextFault: () => Fault;
  private readonly refunded: ReadonlySet<string>;
  private readonly invalid: ReadonlySet<string>;
  private readonly duplicates: 'accept' | 'refuse';
  private readonly random: Random;

  constructor(options: FakeQticketsOptions = {}) {
    this.refunded = options.refunded ?? new Set();
    this.invalid = options.invalid ?? new Set();
    this.duplicates = options.duplicates ?? 'accept';
    this.nextFault = options.nextFault ?? (() => 'none');
    this.random = options.random ?? Math.random;
  }

  /** Check-ins the server holds as accepted, for one code of one show. */
  acceptedOf(showId: number, barcode: string): ServerCheckIn[] {
    return this.log.filter((e) => e.outcome === 'accepted' && e.showId === showId && e.barcode === barcode);
  }

  /** Whether the server ever refused this code on its own (per item, or a batch of just it). */
  refusedAlone(showId: number, barcode: string): boolean {
    return this.log.some((e) => e.outcome === 'refused' && e.showId === showId && e.barcode === barcode && (!e.wholeBatch || e.batchSize === 1));
  }

  /** A `fetch` for one tab; `clock` is that tab's transport clock (fired to time a request out). */
  fetchFor(clock: ManualClock): typeof globalThis.fetch {
    return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      await Promise.resolve(); // a request is never answered synchronously
      const url = String(input);
      const match = PATH.exec(new URL(url, 'http://door.local').pathname);
      if (!match || init.method !== 'POST' || typeof init.body !== 'string') {
        this.protocolErrors.push(`unexpected ${init.method ?? 'GET'} ${url}`);
        return gatewayJson(404, { error: 'Not found', status: 404, code: 'NOT_FOUND' });
      }
      const showId = Number(match[1]);
      const items = this.readItems(init.body);
      const fault = this.nextFault();
      const n = this.requests.length + 1;
      this.requests.push({ n, showId, size: items.length, fault });
      const signal = init.signal ?? undefined;

      switch (fault) {
        case 'timeout':
          return hangUntilTimeout(clock, signal);
        case 'reset':
          throw new TypeError('fetch failed');
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
          return new Response('<!doctype html><title>Wi-Fi</title><form action="/login">Войдите в сеть</form>', {
            status: 200,
            headers: { 'Content-Type': 'text/html' },
          });
        case 'garbledJson':
          return gatewayText(200, 'application/json', '{"success": tru');
        case 'auth401':
          return gatewayJson(401, { error: 'Unauthorized', status: 401 });
        default:
          break;
      }

      const answer = this.process(n, showId, items);
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
    }) as typeof globalThis.fetch;
  }

  private readItems(body: string): { barcode: string; checked_at: string }[] {
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

  /** Records the batch and builds the answer a healthy server would send. */
  private process(request: number, showId: number, items: { barcode: string; checked_at: string }[]): { status: number; text: string } {
    const entry = (item: { barcode: string; checked_at: string }, outcome: ServerCheckIn['outcome'], wholeBatch: boolean): ServerCheckIn => ({
      request, showId, barcode: item.barcode, checked_at: item.checked_at, outcome, wholeBatch, batchSize: items.length,
    });
    const poisoned = items.filter((i) => this.invalid.has(i.barcode));
    if (poisoned.length > 0) {
      // Laravel's validation: the batch is refused whole and nothing is saved.
      this.log.push(...poisoned.map((i) => entry(i, 'refused', true)));
      return { status: 422, text: JSON.stringify({ error: 'The given data was invalid.', status: 422, code: 'VALIDATION_ERROR' }) };
    }
    const refusals = new Map<string, string>();
    for (const item of items) {
      const reason = this.refunded.has(item.barcode)
        ? 'Билет возвращён'
        : this.duplicates === 'refuse' && this.acceptedOf(showId, item.barcode).length > 0
          ? 'Билет уже отмечен'
          : null;
      if (reason) refusals.set(item.barcode, reason);
      this.log.push(entry(item, reason ? 'refused' : 'accepted', false));
    }
    return { status: pick(this.random, [200, 200, 200, 201]), text: this.answerText(items, refusals) };
  }

  /** One of the shapes src/api/batch.ts documents; nobody knows which one Qtickets uses. */
  private answerText(items: { barcode: string }[], refusals: Map<string, string>): string {
    const perItem = (withBarcode: boolean) =>
      items.map((i) => {
        const reason = refusals.get(i.barcode);
        const base = withBarcode ? { barcode: i.barcode } : {};
        return reason ? { ...base, success: false, error: reason } : { ...base, success: true };
      });
    const shapes: (() => unknown)[] = [
      () => perItem(true),
      () => perItem(false), // matched by position: as many results as items sent
      () => ({ data: perItem(true) }),
      () => ({ success: true, errors: Object.fromEntries([...refusals].map(([code, reason]) => [code, [reason]])) }),
      () => Object.fromEntries(items.map((i) => [i.barcode, refusals.has(i.barcode) ? { status: 'error', message: refusals.get(i.barcode) } : { status: 'ok' }])),
    ];
    if (refusals.size === 0) shapes.push(() => null, () => ({ success: true }));
    const body = pick(this.random, shapes)();
    return body === null ? '' : JSON.stringify(body);
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
