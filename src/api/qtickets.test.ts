import { describe, expect, it } from 'vitest';
import { PACK_SIZE, unpackTicket } from '../domain/ticket-pack.ts';
import { isAuthError } from './errors.ts';
import { fakeFetch, jsonReply, rawReply, type Handler } from './fakeGateway.ts';
import { BARCODE_SELECT, createQticketsClient } from './qtickets.ts';
import { createTransport } from './transport.ts';

const TOKEN = 't0ken';

function client(handler: Handler) {
  const fake = fakeFetch(handler);
  return { api: createQticketsClient(createTransport({ fetch: fake.fetch, timeoutMs: 1000 })), calls: fake.calls };
}

const pageOf = (call: { params: unknown }) => ((call.params as { page?: number } | undefined)?.page ?? 1);

const event = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Event ${id}`,
  is_active: 1,
  deleted_at: null,
  shows: [{ id: id * 10, is_active: 1, start_date: '2026-12-29T19:00:00+03:00', deleted_at: null }],
  ...extra,
});

/** 25 events, 10 per page, newest first, like the real /events. */
function pagedEvents(all: ReturnType<typeof event>[], perPage = 10): Handler {
  return (call) => {
    const page = pageOf(call);
    const data = all.slice((page - 1) * perPage, page * perPage);
    return jsonReply({ data, paging: { perPage, currentPage: page, total: all.length } });
  };
}

describe('events', () => {
  it('asks for one page with the document parameters', async () => {
    const { api, calls } = client(() => jsonReply({ data: [event(1)], paging: { perPage: 10, currentPage: 3, total: 21 } }));
    const res = await api.listEventsPage(TOKEN, 3);
    expect(calls[0]!.path).toBe('events');
    expect(calls[0]!.params).toEqual({ where: [{ column: 'deleted_at', operator: 'null' }], orderBy: { id: 'desc' }, page: 3 });
    expect(res).toMatchObject({ ok: true, value: { events: [{ id: 1 }], paging: { currentPage: 3 } } });
  });

  it('reads every page and stops when currentPage*perPage reaches total', async () => {
    const all = Array.from({ length: 25 }, (_, i) => event(100 - i));
    const { api, calls } = client(pagedEvents(all));
    const res = await api.listAllEvents(TOKEN);
    expect(calls.map(pageOf)).toEqual([1, 2, 3]);
    expect(res.ok && res.value.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('stops at an empty page even if total promised more', async () => {
    const { api, calls } = client((call) =>
      jsonReply({ data: pageOf(call) === 1 ? [event(1)] : [], paging: { perPage: 1, currentPage: pageOf(call), total: 99 } }),
    );
    const res = await api.listAllEvents(TOKEN);
    expect(calls).toHaveLength(2);
    expect(res.ok && res.value.map((e) => e.id)).toEqual([1]);
  });

  it('stops when the server ignores `page` and repeats the same page', async () => {
    const { api, calls } = client(() =>
      jsonReply({ data: [event(3), event(2)], paging: { perPage: 2, currentPage: 1, total: 40 } }),
    );
    const res = await api.listAllEvents(TOKEN);
    expect(calls).toHaveLength(2);
    expect(res.ok && res.value.map((e) => e.id)).toEqual([3, 2]);
  });

  it('never reads more than maxPages', async () => {
    const all = Array.from({ length: 100 }, (_, i) => event(i + 1));
    const { api, calls } = client(pagedEvents(all, 5));
    const res = await api.listAllEvents(TOKEN, { maxPages: 3 });
    expect(calls).toHaveLength(3);
    expect(res.ok && res.value).toHaveLength(15);
  });

  it('reads a bare list or {data} without paging as one page', async () => {
    const { api, calls } = client(() => jsonReply({ data: [event(1), event(2)] }));
    const res = await api.listAllEvents(TOKEN);
    expect(calls).toHaveLength(1);
    expect(res.ok && res.value).toHaveLength(2);
  });

  it('drops deleted events and deleted shows whatever the server filtered', async () => {
    const { api } = client(() =>
      jsonReply({
        data: [
          event(1, { deleted_at: '2026-01-01T00:00:00+03:00' }),
          event(2, {
            shows: [
              { id: 21, deleted_at: null },
              { id: 22, deleted_at: '2026-01-01T00:00:00+03:00' },
            ],
          }),
        ],
      }),
    );
    const res = await api.listAllEvents(TOKEN);
    expect(res.ok && res.value.map((e) => [e.id, e.shows.map((s) => s.id)])).toEqual([[2, [21]]]);
  });

  it('fails whole when a later page fails, instead of returning half', async () => {
    const { api } = client((call) =>
      pageOf(call) === 1
        ? jsonReply({ data: [event(1)], paging: { perPage: 1, currentPage: 1, total: 2 } })
        : jsonReply({ error: 'Upstream timeout', code: 'UPSTREAM_TIMEOUT' }, { status: 504 }),
    );
    expect(await api.listAllEvents(TOKEN)).toMatchObject({ ok: false, error: { kind: 'http', status: 504 } });
  });

  it('checkToken names a refused token', async () => {
    const { api } = client(() => jsonReply({ error: 'Unauthenticated', status: 401 }, { status: 401 }));
    const res = await api.checkToken(TOKEN);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(isAuthError(res.error)).toBe(true);
    expect(res.error).toMatchObject({ kind: 'http', status: 401 });
  });

  it('returns bad_response when events are not an array', async () => {
    const { api } = client(() => jsonReply({ data: 'events' }));
    expect(await api.listAllEvents(TOKEN)).toMatchObject({ ok: false, error: { kind: 'bad_response' } });
  });
});

describe('getShowBarcodes', () => {
  const doc = [
    { barcode: '871495495233', price: 500, seat_name: 'Танцевальный партер' },
    { barcode: '874432174155', price: 500, seat_name: 'Танцевальный партер' },
    { barcode: '875196723453', price: 1000, seat_name: 'VIP: ряд 1, место 1' },
  ];

  it('reads the bare list of the document with one request carrying the select', async () => {
    const { api, calls } = client(() => jsonReply(doc, { headers: { Date: 'Tue, 29 Dec 2026 16:00:00 GMT' } }));
    const res = await api.getShowBarcodes(TOKEN, 7);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.path).toBe('shows/7/barcodes');
    expect(calls[0]!.params).toEqual({ select: [...BARCODE_SELECT] });
    expect(res).toMatchObject({ ok: true, serverDate: new Date('2026-12-29T16:00:00Z') });
    expect(res.ok && res.value.map((t) => t.code)).toEqual(doc.map((d) => d.barcode));
  });

  it('follows {data, paging} over two pages, sending page in the JSON body', async () => {
    const { api, calls } = client((call) => {
      const page = pageOf(call);
      return jsonReply({ data: page === 1 ? doc.slice(0, 2) : doc.slice(2), paging: { perPage: 2, currentPage: page, total: 3 } });
    });
    const res = await api.getShowBarcodes(TOKEN, 7);
    expect(calls.map((c) => c.params)).toEqual([{ select: [...BARCODE_SELECT] }, { select: [...BARCODE_SELECT], page: 2 }]);
    expect(res.ok && res.value.map((t) => t.code)).toEqual(doc.map((d) => d.barcode));
  });

  it('packs the same list for storage, PACK_SIZE tickets a pack, and passes a failure through', async () => {
    const many = Array.from({ length: PACK_SIZE + 1 }, (_, i) => ({ barcode: String(871000000000 + i), price: 500, seat_name: null }));
    const { api } = client(() => jsonReply(many));
    const res = await api.getShowList(TOKEN, 7);
    const tickets = res.ok ? res.value.flatMap((pack) => Array.from({ length: pack.count }, (_, i) => unpackTicket(pack, i, 7))) : [];
    expect(res.ok && res.value.map((p) => p.count)).toEqual([PACK_SIZE, 1]);
    expect(tickets.map((t) => t.code)).toEqual(many.map((d) => d.barcode));
    expect(tickets[PACK_SIZE]).toMatchObject({ showId: 7, price: 500, seatName: null, revoked: 0 });
    const down = client(() => rawReply('<html>down</html>', { status: 503 }));
    expect(await down.api.getShowList(TOKEN, 7)).toMatchObject({ ok: false, error: { kind: 'http', status: 503 } });
  });

  it('refuses a list whose paging never advances, rather than revoking the unread pages', async () => {
    const { api, calls } = client(() => jsonReply({ data: doc.slice(0, 2), paging: { perPage: 2, currentPage: 1, total: 30 } }));
    const res = await api.getShowBarcodes(TOKEN, 7);
    expect(calls).toHaveLength(2);
    expect(res).toMatchObject({ ok: false, error: { kind: 'bad_response', message: expect.stringContaining('repeated') } });
  });

  it('refuses a list longer than maxPages', async () => {
    const { api } = client((call) =>
      jsonReply({ data: [{ barcode: `c${pageOf(call)}` }], paging: { perPage: 1, currentPage: pageOf(call), total: 1000 } }),
    );
    expect(await api.getShowBarcodes(TOKEN, 7, { maxPages: 5 })).toMatchObject({ ok: false, error: { kind: 'bad_response' } });
  });

  it('fails whole when a later page is lost', async () => {
    const { api } = client((call) =>
      pageOf(call) === 1
        ? jsonReply({ data: doc.slice(0, 2), paging: { perPage: 2, currentPage: 1, total: 3 } })
        : Promise.reject(new TypeError('Failed to fetch')),
    );
    expect(await api.getShowBarcodes(TOKEN, 7)).toEqual({ ok: false, error: { kind: 'network', message: 'Failed to fetch' } });
  });

  it('refuses a list with a null barcode', async () => {
    const { api } = client(() => jsonReply([...doc, { barcode: null }]));
    expect(await api.getShowBarcodes(TOKEN, 7)).toMatchObject({ ok: false, error: { kind: 'bad_response', status: 200 } });
  });

  it('reports an unknown show as a 404', async () => {
    const { api } = client(() => jsonReply({ error: 'Resource "Show" not found', status: 404, code: 'RESOURCE_NOT_FOUND' }, { status: 404 }));
    const res = await api.getShowBarcodes(TOKEN, 404404);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatchObject({ kind: 'http', status: 404, message: 'Resource "Show" not found', code: 'RESOURCE_NOT_FOUND' });
  });
});

describe('getBarcodeStatus', () => {
  it('encodes a scanned code of any content into one path segment', async () => {
    const { api, calls } = client(() => jsonReply({ barcode: 'a/b?c#d', checked_at: null }));
    const res = await api.getBarcodeStatus(TOKEN, 7, 'a/b?c#d');
    expect(calls[0]!.url).toBe('/api/rest/v1/shows/7/barcode/a%2Fb%3Fc%23d');
    expect(calls[0]!.params).toBeUndefined();
    expect(res).toMatchObject({ ok: true, value: { barcode: 'a/b?c#d', checkedAt: null } });
  });

  it('reports when the server already holds the code as used', async () => {
    const { api } = client(() => jsonReply({ data: { barcode: '875196723453', checked_at: '2020-03-02T17:08:35+03:00' } }));
    expect(await api.getBarcodeStatus(TOKEN, 7, '875196723453')).toMatchObject({
      ok: true,
      value: { checkedAt: '2020-03-02T17:08:35+03:00' },
    });
  });
});

describe('postCheckIns', () => {
  const items = [
    { barcode: '875196723453', checked_at: '2020-03-02T18:08:35+03:00' },
    { barcode: '875136523412', checked_at: '2020-03-02T18:08:39+03:00' },
  ];
  const [A, B] = items.map((i) => i.barcode) as [string, string];

  it('posts the bare array, and an empty 2xx body confirms nothing (every code is read back)', async () => {
    const { api, calls } = client(() => rawReply(''));
    const res = await api.postCheckIns(TOKEN, 7, items);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.path).toBe('shows/7/barcodes');
    expect(calls[0]!.params).toEqual(items);
    expect(res).toEqual({ ok: true, value: { held: [], refused: [] }, serverDate: null });
  });

  it('holds the codes named as succeeded and keeps the server reason on a refused one', async () => {
    const { api } = client(() =>
      jsonReply([{ barcode: A, success: true, checked_at: '2020-03-02T18:08:36+03:00' }, { barcode: B, success: false, error: 'Билет возвращён' }]),
    );
    expect(await api.postCheckIns(TOKEN, 7, items)).toMatchObject({
      ok: true,
      value: { held: [{ barcode: A, checkedAt: '2020-03-02T18:08:36+03:00' }], refused: [{ barcode: B, reason: 'Билет возвращён', checkedAt: null }] },
    });
  });

  it('passes a 2xx that says the request failed on as requestFailed, holding nothing', async () => {
    const { api } = client(() => jsonReply({ success: false, error: 'Show closed' }));
    expect(await api.postCheckIns(TOKEN, 7, items)).toMatchObject({ ok: true, value: { held: [], refused: [], requestFailed: 'Show closed' } });
  });

  it('reads a Laravel 422 naming one code: that code refused, the request failed for the rest', async () => {
    const { api } = client(() =>
      jsonReply({ message: 'The given data was invalid.', errors: { '1.barcode': ['Unknown barcode'] } }, { status: 422 }),
    );
    const res = await api.postCheckIns(TOKEN, 7, items);
    expect(res).toEqual({
      ok: true,
      value: { held: [], refused: [{ barcode: B, reason: 'Unknown barcode', checkedAt: null }], requestFailed: expect.stringMatching(/^HTTP 422: /) },
      serverDate: null,
    });
  });

  it('keeps a 422 that names no code an HTTP error', async () => {
    const { api } = client(() => jsonReply({ message: 'The given data was invalid.', errors: { token: ['Expired'] } }, { status: 422 }));
    expect(await api.postCheckIns(TOKEN, 7, items)).toMatchObject({ ok: false, error: { kind: 'http', status: 422 } });
  });

  it('keeps a 404 with a plain JSON error an HTTP error', async () => {
    const { api } = client(() => jsonReply({ error: 'Resource "Show" not found', status: 404, code: 'RESOURCE_NOT_FOUND' }, { status: 404 }));
    expect(await api.postCheckIns(TOKEN, 7, items)).toEqual({
      ok: false,
      error: { kind: 'http', status: 404, message: 'Resource "Show" not found', code: 'RESOURCE_NOT_FOUND' },
    });
  });

  it('keeps a refused token an HTTP error even when its body names a code', async () => {
    const { api } = client(() => jsonReply({ error: 'Unauthenticated', errors: { '0.barcode': ['x'] } }, { status: 401 }));
    expect(await api.postCheckIns(TOKEN, 7, items)).toMatchObject({ ok: false, error: { kind: 'http', status: 401 } });
  });

  it('returns other HTTP errors as they are', async () => {
    const { api } = client(() => jsonReply({ error: 'Too many' }, { status: 429, headers: { 'Retry-After': '5' } }));
    expect(await api.postCheckIns(TOKEN, 7, items)).toEqual({
      ok: false,
      error: { kind: 'http', status: 429, message: 'Too many', retryAfterMs: 5000 },
    });
  });

  it('sends nothing for an empty batch', async () => {
    const { api, calls } = client(() => rawReply(''));
    expect(await api.postCheckIns(TOKEN, 7, [])).toEqual({ ok: true, value: { held: [], refused: [] }, serverDate: null });
    expect(calls).toHaveLength(0);
  });
});
