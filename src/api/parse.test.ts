import { describe, expect, it } from 'vitest';
import { parseBarcodePage, parseBarcodeStatus, parseEventsPage, type Parsed } from './parse.ts';

// The document's example answer of GET /shows/{id}/barcodes (select barcode, price, seat_name).
const DOC_BARCODES = [
  { barcode: '871495495233', price: 500, seat_name: 'Танцевальный партер' },
  { barcode: '874432174155', price: 500, seat_name: 'Танцевальный партер' },
  { barcode: '875196723453', price: 1000, seat_name: 'VIP: ряд 1, место 1' },
  { barcode: '872900619969', price: 1000, seat_name: 'VIP: ряд 1, место 2' },
];

// Shaped like the document's event example: shows carry heavy fields we ignore.
const DOC_EVENT = {
  id: 12,
  name: 'Название мероприятия',
  is_active: 1,
  scheme_id: 18,
  place_name: 'Олимпийский',
  deleted_at: null,
  payments: [38],
  shows: [
    {
      id: 21,
      sale_start_date: null,
      is_active: 1,
      sale_finish_date: '2019-12-29T18:30:00+03:00',
      open_date: '2019-12-29T18:30:00+03:00',
      start_date: '2019-12-29T18:30:00+03:00',
      finish_date: '2019-12-29T23:00:00+03:00',
      scheme_properties: { zones: { VIP: { disabled: '0', price_id: '#0' } } },
      prices: [{ default_price: 1000, color_theme: 1 }],
    },
  ],
};

const expectBad = (res: Parsed<unknown>, fragment?: string) => {
  expect(res).toMatchObject({ ok: false, error: { kind: 'bad_response', status: 200 } });
  if (fragment && !res.ok && res.error.kind === 'bad_response') expect(res.error.message).toContain(fragment);
};

describe('parseBarcodePage', () => {
  it('reads the document example (a bare array) with unselected fields as null', () => {
    const res = parseBarcodePage(DOC_BARCODES);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.paging).toBeNull();
    expect(res.value.tickets).toHaveLength(4);
    expect(res.value.tickets[2]).toEqual({
      code: '875196723453',
      admission: false,
      price: 1000,
      seatName: 'VIP: ряд 1, место 1',
      zoneName: null,
      row: null,
      place: null,
      clientName: null,
      clientSurname: null,
      clientMiddlename: null,
    });
  });

  it('reads {data, paging} and reports the paging (clients example shape)', () => {
    const res = parseBarcodePage({ data: DOC_BARCODES.slice(0, 2), paging: { perPage: 100, currentPage: 1, total: 2 } });
    expect(res).toMatchObject({ ok: true, value: { paging: { perPage: 100, currentPage: 1, total: 2 } } });
    if (res.ok) expect(res.value.tickets.map((t) => t.code)).toEqual(['871495495233', '874432174155']);
  });

  it('accepts {data} without paging and snake_case paging', () => {
    expect(parseBarcodePage({ data: DOC_BARCODES })).toMatchObject({ ok: true, value: { paging: null } });
    expect(parseBarcodePage({ data: [], paging: { per_page: '50', current_page: '2', total: '120' } })).toMatchObject({
      ok: true,
      value: { paging: { perPage: 50, currentPage: 2, total: 120 } },
    });
  });

  it('coerces numbers to text and PHP flags to booleans', () => {
    const res = parseBarcodePage([
      { barcode: 871495495233, admission: '1', price: '500.50', row: 3, place: 14, zone_name: 'Партер', client_name: ' Иван ' },
    ]);
    expect(res).toMatchObject({
      ok: true,
      value: { tickets: [{ code: '871495495233', admission: true, price: 500.5, row: '3', place: '14', zoneName: 'Партер', clientName: 'Иван' }] },
    });
  });

  it('degrades an unreadable display field to null but keeps the ticket', () => {
    const res = parseBarcodePage([{ barcode: '1', seat_name: { nested: true }, price: 'free', admission: 'maybe' }]);
    expect(res).toMatchObject({ ok: true, value: { tickets: [{ code: '1', seatName: null, price: null, admission: false }] } });
  });

  it('refuses the whole list when one barcode is null, empty or missing', () => {
    expectBad(parseBarcodePage([...DOC_BARCODES, { barcode: null, price: 1 }]), '4.barcode');
    expectBad(parseBarcodePage([{ barcode: '   ' }]), 'barcode');
    expectBad(parseBarcodePage([{ price: 500 }]), 'barcode');
    expectBad(parseBarcodePage([{ barcode: 2 ** 60 }]), 'barcode');
  });

  it('refuses answers that are not a list', () => {
    expectBad(parseBarcodePage(null));
    expectBad(parseBarcodePage('ok'));
    expectBad(parseBarcodePage({ success: true }));
    expectBad(parseBarcodePage({ data: 'nope' }));
  });

  it('refuses unreadable paging instead of guessing one page', () => {
    expectBad(parseBarcodePage({ data: DOC_BARCODES, paging: { perPage: 'ten', currentPage: 1, total: 4 } }), 'paging');
    expectBad(parseBarcodePage({ data: DOC_BARCODES, paging: { total: 4 } }), 'paging');
  });

  it('refuses a huge array of garbage quickly, without throwing', () => {
    const garbage = Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? [i] : { barcode: { i } }));
    const started = Date.now();
    expectBad(parseBarcodePage(garbage));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('parseEventsPage', () => {
  it('reads the document-shaped event, ignoring heavy fields', () => {
    const res = parseEventsPage({ data: [DOC_EVENT], paging: { perPage: 10, currentPage: 1, total: 1 } });
    expect(res).toEqual({
      ok: true,
      value: {
        paging: { perPage: 10, currentPage: 1, total: 1 },
        events: [
          {
            id: 12,
            name: 'Название мероприятия',
            deletedAt: null,
            isActive: true,
            placeName: 'Олимпийский',
            shows: [
              {
                id: 21,
                name: null,
                startDate: '2019-12-29T18:30:00+03:00',
                finishDate: '2019-12-29T23:00:00+03:00',
                openDate: '2019-12-29T18:30:00+03:00',
                deletedAt: null,
                isActive: true,
              },
            ],
          },
        ],
      },
    });
  });

  it('accepts numeric-string ids, 0/"1"/true flags and missing optional fields', () => {
    const res = parseEventsPage({
      data: [
        { id: '40', name: 'A', is_active: '0', shows: [{ id: '41', is_active: true }] },
        { id: 42, is_active: false },
      ],
    });
    expect(res).toMatchObject({
      ok: true,
      value: {
        paging: null,
        events: [
          { id: 40, name: 'A', isActive: false, placeName: null, deletedAt: null, shows: [{ id: 41, isActive: true, startDate: null }] },
          { id: 42, name: '', isActive: false, shows: [] },
        ],
      },
    });
  });

  it('reads a PHP list serialised as an object with numeric keys', () => {
    const res = parseEventsPage({ data: { '0': { id: 1, name: 'A' }, '2': { id: 3, name: 'B' } } });
    expect(res.ok && res.value.events.map((e) => e.id)).toEqual([1, 3]);
    // Without is_active an event is assumed active: hiding it could leave a door without its show.
    expect(res.ok && res.value.events.every((e) => e.isActive)).toBe(true);
  });

  it('refuses the whole page when one event or show lacks an id', () => {
    expectBad(parseEventsPage({ data: [DOC_EVENT, { name: 'no id' }] }), '1.id');
    expectBad(parseEventsPage({ data: [{ ...DOC_EVENT, shows: [{ name: 'no id' }] }] }), 'shows.0.id');
  });

  it('refuses wrong types of the fields the door relies on', () => {
    expectBad(parseEventsPage({ data: [{ id: 1, is_active: 'sometimes' }] }), 'is_active');
    expectBad(parseEventsPage({ data: [{ id: 1, deleted_at: 5 }] }), 'deleted_at');
    expectBad(parseEventsPage({ data: [{ id: 1.5 }] }), 'id');
  });

  it('refuses events that are not a list', () => {
    expectBad(parseEventsPage({ data: {} }), 'events');
    expectBad(parseEventsPage({ data: 'x' }));
    expectBad(parseEventsPage({ events: [] }));
    expectBad(parseEventsPage('<html>'));
  });

  it('carries the real 2xx status into bad_response', () => {
    expect(parseEventsPage(null, 201)).toMatchObject({ ok: false, error: { kind: 'bad_response', status: 201 } });
  });
});

describe('parseBarcodeStatus', () => {
  it('reads the document example', () => {
    expect(parseBarcodeStatus({ barcode: '875196723453', checked_at: '2020-03-02T17:08:35+03:00' }, '875196723453')).toEqual({
      ok: true,
      value: { barcode: '875196723453', checkedAt: '2020-03-02T17:08:35+03:00' },
    });
  });

  it('reads a {data} wrapper, a null or empty checked_at, and fills a missing barcode', () => {
    expect(parseBarcodeStatus({ data: { barcode: 875196723453, checked_at: null } }, 'x')).toEqual({
      ok: true,
      value: { barcode: '875196723453', checkedAt: null },
    });
    expect(parseBarcodeStatus({ checked_at: '' }, '871')).toEqual({ ok: true, value: { barcode: '871', checkedAt: null } });
  });

  it('refuses an answer that says nothing about checked_at', () => {
    expectBad(parseBarcodeStatus({ barcode: '1' }, '1'), 'checked_at');
    expectBad(parseBarcodeStatus({ success: true }, '1'));
    expectBad(parseBarcodeStatus(null, '1'));
    expectBad(parseBarcodeStatus({ barcode: '1', checked_at: 1583158115 }, '1'), 'checked_at');
  });
});
