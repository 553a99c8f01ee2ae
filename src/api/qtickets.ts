// The typed Qtickets client the rest of the app uses. Every method returns an ApiResult; a list
// is returned whole or not at all (a failed page fails the call), because sync treats a pulled
// barcode list as the complete truth and revokes what is missing from it.

import { PACK_SIZE, packInSlices, type PackedTickets } from '../domain/ticket-pack.ts';
import type { ShowId } from '../domain/types.ts';
import { fail, ok, type ApiError, type ApiResult } from './errors.ts';
import { interpretBatchAnswer, parseBarcodePage, parseBarcodeStatus, parseEventsPage } from './parse.ts';
import { createTransport, type CallOptions, type Transport } from './transport.ts';
import type { ApiEvent, ApiTicket, BarcodeStatus, BatchOutcome, CheckInItem, EventsPage, Paging } from './types.ts';

export { sortEventsForDoor } from './sortEvents.ts';

/** What the door needs of each ticket; the document lists these as selectable. */
export const BARCODE_SELECT = [
  'barcode',
  'admission',
  'price',
  'seat_name',
  'zone_name',
  'row',
  'place',
  'client_name',
  'client_surname',
  'client_middlename',
] as const;

export interface ListOptions extends CallOptions {
  maxPages?: number;
}

export interface QticketsClient {
  /** One raw page, deleted items included (the paging guard in listAllEvents needs every id). */
  listEventsPage(token: string, page: number, options?: CallOptions): Promise<ApiResult<EventsPage>>;
  /** Every page; deleted events and deleted shows removed here whatever the server filtered. */
  listAllEvents(token: string, options?: ListOptions): Promise<ApiResult<ApiEvent[]>>;
  /** The show's valid barcodes, all pages, unique by code. */
  getShowBarcodes(token: string, showId: ShowId, options?: ListOptions): Promise<ApiResult<ApiTicket[]>>;
  /** The same list packed for storage, PACK_SIZE tickets a pack (domain/ticket-pack.ts). */
  getShowList(token: string, showId: ShowId, options?: ListOptions): Promise<ApiResult<PackedTickets[]>>;
  getBarcodeStatus(token: string, showId: ShowId, code: string, options?: CallOptions): Promise<ApiResult<BarcodeStatus>>;
  postCheckIns(token: string, showId: ShowId, items: readonly CheckInItem[], options?: CallOptions): Promise<ApiResult<BatchOutcome>>;
  /** A cheap authenticated call: the first events page. A 401/403 means the token is wrong. */
  checkToken(token: string, options?: CallOptions): Promise<ApiResult<EventsPage>>;
}

export const DEFAULT_MAX_EVENT_PAGES = 50;
export const DEFAULT_MAX_BARCODE_PAGES = 1000;

const segment = (x: string | number) => encodeURIComponent(String(x));

/** Whether the page just read was the last one the paging promised. */
const isLastPage = (paging: Paging) => paging.perPage <= 0 || paging.currentPage * paging.perPage >= paging.total;

const notDeleted = <T extends { deletedAt: string | null }>(x: T) => x.deletedAt === null;

export function createQticketsClient(transport: Transport = createTransport()): QticketsClient {
  async function listEventsPage(token: string, page: number, options: CallOptions = {}): Promise<ApiResult<EventsPage>> {
    const params = { where: [{ column: 'deleted_at', operator: 'null' }], orderBy: { id: 'desc' }, page };
    const res = await transport.get('events', token, params, options);
    if (!res.ok) return res;
    const parsed = parseEventsPage(res.value, res.status);
    return parsed.ok ? ok(parsed.value, res.serverDate) : parsed;
  }

  async function listAllEvents(token: string, options: ListOptions = {}): Promise<ApiResult<ApiEvent[]>> {
    const maxPages = options.maxPages ?? DEFAULT_MAX_EVENT_PAGES;
    const seen = new Set<number>();
    const events: ApiEvent[] = [];
    let serverDate: Date | null = null;
    for (let page = 1; page <= maxPages; page++) {
      const res = await listEventsPage(token, page, options);
      if (!res.ok) return res;
      serverDate = res.serverDate ?? serverDate;
      const { events: pageEvents, paging } = res.value;
      const fresh = pageEvents.filter((e) => !seen.has(e.id));
      // An empty page ends the list; a page of ids we already have means the server ignored
      // `page` and would hand us the same page forever.
      if (fresh.length === 0) break;
      for (const e of fresh) {
        seen.add(e.id);
        events.push(e);
      }
      if (paging === null || isLastPage(paging)) break;
    }
    // Events are a menu to pick a show from, so a list cut at maxPages is still useful; the
    // newest come first (orderBy id desc).
    return ok(events.filter(notDeleted).map((e) => ({ ...e, shows: e.shows.filter(notDeleted) })), serverDate);
  }

  async function getShowBarcodes(token: string, showId: ShowId, options: ListOptions = {}): Promise<ApiResult<ApiTicket[]>> {
    const maxPages = options.maxPages ?? DEFAULT_MAX_BARCODE_PAGES;
    const path = `shows/${segment(showId)}/barcodes`;
    const byCode = new Map<string, ApiTicket>();
    let serverDate: Date | null = null;
    for (let page = 1; ; page++) {
      // The first request is the document's own; `page` is added only once the server has shown paging.
      const params = page === 1 ? { select: BARCODE_SELECT } : { select: BARCODE_SELECT, page };
      // User-timing marks (read by `npm run bench`): a few entries per pull, nothing on the scan path.
      const fetchStart = performance.now();
      const res = await transport.get(path, token, params, options);
      performance.measure('kontrol:pull:fetch', { start: fetchStart });
      if (!res.ok) return res;
      serverDate = res.serverDate ?? serverDate;
      const parseStart = performance.now();
      const parsed = parseBarcodePage(res.value, res.status);
      performance.measure('kontrol:pull:parse', { start: parseStart });
      if (!parsed.ok) return parsed;
      const { tickets, paging } = parsed.value;
      if (page > 1 && paging === null) {
        return fail({ kind: 'bad_response', status: res.status, message: `barcodes: page ${page} came without paging` });
      }
      if (page > 1 && tickets.length > 0 && tickets.every((t) => byCode.has(t.code))) {
        // Returning what we have would revoke every ticket on the pages we never got.
        return fail({ kind: 'bad_response', status: res.status, message: `barcodes: page ${page} repeated earlier codes (server ignores page?)` });
      }
      for (const t of tickets) byCode.set(t.code, t);
      if (paging === null || tickets.length === 0 || isLastPage(paging)) break;
      if (page >= maxPages) {
        return fail({ kind: 'bad_response', status: res.status, message: `barcodes: more than ${maxPages} pages` });
      }
    }
    return ok([...byCode.values()], serverDate);
  }

  async function getShowList(token: string, showId: ShowId, options: ListOptions = {}): Promise<ApiResult<PackedTickets[]>> {
    const res = await getShowBarcodes(token, showId, options);
    if (!res.ok) return res;
    const packStart = performance.now();
    const packs = packInSlices(res.value, PACK_SIZE);
    performance.measure('kontrol:pull:pack', { start: packStart });
    return ok(packs, res.serverDate);
  }

  async function getBarcodeStatus(token: string, showId: ShowId, code: string, options: CallOptions = {}): Promise<ApiResult<BarcodeStatus>> {
    const res = await transport.get(`shows/${segment(showId)}/barcode/${segment(code)}`, token, undefined, options);
    if (!res.ok) return res;
    const parsed = parseBarcodeStatus(res.value, code, res.status);
    return parsed.ok ? ok(parsed.value, res.serverDate) : parsed;
  }

  async function postCheckIns(
    token: string,
    showId: ShowId,
    items: readonly CheckInItem[],
    options: CallOptions = {},
  ): Promise<ApiResult<BatchOutcome>> {
    if (items.length === 0) return ok({ held: [], refused: [] }, null);
    // The body is a bare array, as the document shows it.
    const res = await transport.post(`shows/${segment(showId)}/barcodes`, token, items, options);
    if (!res.ok) return itemRefusals(items, res.error) ?? res;
    return ok(interpretBatchAnswer(items, res.value), res.serverDate);
  }

  return {
    listEventsPage,
    listAllEvents,
    getShowBarcodes,
    getShowList,
    getBarcodeStatus,
    postCheckIns,
    checkToken: (token, options) => listEventsPage(token, 1, options),
  };
}

/**
 * A 4xx whose body refuses single codes by name (Laravel's 422 `errors` keyed by the index of what
 * we sent): those codes are refused, the request failed for the rest. Anything else stays an error.
 */
function itemRefusals(items: readonly CheckInItem[], error: ApiError): ApiResult<BatchOutcome> | null {
  if (error.kind !== 'http' || error.detail === undefined || error.status < 400 || error.status >= 500) return null;
  if ([401, 403, 413, 429].includes(error.status)) return null;
  const outcome = interpretBatchAnswer(items, error.detail);
  if (outcome.refused.length === 0) return null;
  // A 4xx saved nothing: whatever it seems to confirm is read back or sent again, never trusted.
  const detail = error.detail as { message?: unknown };
  const words = error.message !== `HTTP ${error.status}` ? error.message : typeof detail.message === 'string' ? detail.message : '';
  const said = words.trim() === '' ? '' : `: ${words.trim().slice(0, 200)}`;
  return ok({ held: [], refused: outcome.refused, requestFailed: `HTTP ${error.status}${said}` }, null);
}
