// Which shows a token can read, asked of Qtickets the way the app asks (src/api/qtickets.ts,
// listAllEvents: GET events with a JSON body, `deleted_at null`, newest first, page by page).
// Written again here rather than imported: the server may import nothing from src/ but types.
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

export type ShowsAnswer =
  | { kind: 'shows'; shows: Set<number> }
  /** Qtickets refused the token (401) or its access to events (403). */
  | { kind: 'refused'; status: 401 | 403 }
  /** No usable answer: unreachable, timed out, 5xx, or not the list we know. */
  | { kind: 'unavailable'; reason: string };

export interface ShowsQuery {
  /** API base, e.g. https://qtickets.ru/api/rest/v1 */
  upstream: string;
  token: string;
  /** Per page: headers and body. */
  timeoutMs: number;
  maxPages: number;
}

/** Events pages carry heavy scheme properties; a page past this is not one we can use. */
const MAX_PAGE_BYTES = 32 * 1024 * 1024;

type Page = { kind: 'answer'; status: number; body: unknown } | { kind: 'failed'; reason: string };

export async function readableShows(query: ShowsQuery): Promise<ShowsAnswer> {
  const shows = new Set<number>();
  const seenEvents = new Set<number>();
  for (let page = 1; page <= query.maxPages; page++) {
    const params = { where: [{ column: 'deleted_at', operator: 'null' }], orderBy: { id: 'desc' }, page };
    const answer = await getPage(query, params);
    if (answer.kind === 'failed') return { kind: 'unavailable', reason: answer.reason };
    if (answer.status === 401 || answer.status === 403) return { kind: 'refused', status: answer.status };
    if (answer.status < 200 || answer.status > 299) return { kind: 'unavailable', reason: `Qtickets answered HTTP ${answer.status}` };
    const parsed = parseEventsPage(answer.body);
    if (!parsed) return { kind: 'unavailable', reason: 'Qtickets answered something that is not a list of events' };
    const fresh = parsed.events.filter((e) => !seenEvents.has(e.id));
    // An empty page ends the list; a page of events already seen means `page` is ignored.
    if (fresh.length === 0) break;
    for (const e of fresh) {
      seenEvents.add(e.id);
      for (const show of e.shows) shows.add(show);
    }
    const paging = parsed.paging;
    if (paging === null || paging.perPage <= 0 || paging.currentPage * paging.perPage >= paging.total) break;
  }
  return { kind: 'shows', shows };
}

interface EventsPage {
  events: { id: number; shows: number[] }[];
  paging: { perPage: number; currentPage: number; total: number } | null;
}

const isDict = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const isId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;

/** PHP serialises a list with holes as an object with numeric keys. */
function list(x: unknown): unknown[] | null {
  if (Array.isArray(x)) return x;
  if (isDict(x) && Object.keys(x).every((k) => /^\d+$/.test(k))) return Object.values(x);
  return null;
}

function count(x: unknown): number | null {
  const n = typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** A bare array or `{data, paging|meta}`, as the app's parser reads it; null for anything else. */
export function parseEventsPage(body: unknown): EventsPage | null {
  let items: unknown[] | null;
  let paging: EventsPage['paging'] = null;
  if (isDict(body) && 'data' in body) {
    items = list(body.data);
    const raw = body.paging ?? body.meta;
    if (raw !== undefined && raw !== null) {
      if (!isDict(raw)) return null;
      const perPage = count(raw.perPage ?? raw.per_page);
      const currentPage = count(raw.currentPage ?? raw.current_page);
      const total = count(raw.total);
      if (perPage === null || currentPage === null || total === null) return null;
      paging = { perPage, currentPage, total };
    }
  } else {
    items = list(body);
  }
  if (items === null) return null;
  const events: EventsPage['events'] = [];
  for (const item of items) {
    if (!isDict(item) || !isId(item.id)) return null;
    const shows = item.shows === undefined || item.shows === null ? [] : list(item.shows);
    if (shows === null) return null;
    events.push({ id: item.id, shows: shows.flatMap((s) => (isDict(s) && isId(s.id) ? [s.id] : [])) });
  }
  return { events, paging };
}

function getPage(query: ShowsQuery, params: unknown): Promise<Page> {
  const base = new URL(query.upstream);
  const transport = base.protocol === 'https:' ? https : http;
  const body = Buffer.from(JSON.stringify(params), 'utf8');
  return new Promise((resolve) => {
    let settled = false;
    const settle = (page: Page) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(page);
    };
    const req = transport.request({
      protocol: base.protocol,
      hostname: base.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: base.port || undefined,
      method: 'GET',
      path: `${base.pathname.replace(/\/+$/, '')}/events`,
      headers: {
        Accept: 'application/json',
        'Cache-Control': 'no-cache',
        'User-Agent': 'Kontrol-hub',
        Authorization: `Bearer ${query.token}`,
        'Content-Type': 'application/json',
        'Content-Length': body.length,
        'Accept-Encoding': 'gzip',
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      settle({ kind: 'failed', reason: `Qtickets did not answer within ${query.timeoutMs} ms` });
    }, query.timeoutMs);
    req.on('error', () => settle({ kind: 'failed', reason: 'Qtickets is unreachable' }));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        res.resume();
        return settle(status >= 100 ? { kind: 'answer', status, body: null } : { kind: 'failed', reason: 'Qtickets answered with no status' });
      }
      const encoding = String(res.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (encoding !== 'identity' && encoding !== 'gzip') {
        res.resume();
        return settle({ kind: 'failed', reason: `Qtickets answered in ${encoding}` });
      }
      const stream = encoding === 'gzip' ? res.pipe(zlib.createGunzip()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PAGE_BYTES) {
          req.destroy();
          return settle({ kind: 'failed', reason: 'Qtickets answered an events page too large to read' });
        }
        chunks.push(chunk);
      });
      stream.on('error', () => settle({ kind: 'failed', reason: 'Qtickets broke off its answer' }));
      res.on('aborted', () => settle({ kind: 'failed', reason: 'Qtickets broke off its answer' }));
      stream.on('end', () => {
        try {
          settle({ kind: 'answer', status, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        } catch {
          settle({ kind: 'failed', reason: 'Qtickets answered with something that is not JSON' });
        }
      });
    });
    req.end(body);
  });
}
