import { describe, expect, it } from 'vitest';
import { factsOfWebhook } from './order-events.ts';

const at = new Date('2026-12-29T16:05:00.000Z');

/** A basket as Qtickets sends it, buyer fields and all. */
const basket = (id: number, barcode: string, extra: Record<string, unknown> = {}) => ({
  id,
  barcode,
  show_id: 1001,
  seat_id: 'CENTER_PARTERRE-21;12',
  price: 150,
  client_email: 'username@gmail.com',
  client_phone: '+79100000000',
  client_name: 'Иван',
  client_surname: 'Петров',
  checked_at: null,
  created_at: '2026-12-01T12:49:47+03:00',
  deleted_at: null,
  refunded_at: null,
  ...extra,
});
const order = (baskets: unknown[], extra: Record<string, unknown> = {}) => ({ data: { id: 4360, payed: true, deleted_at: null, client: { email: 'x@y.z' }, baskets, ...extra } });

describe('webhook → ticket facts', () => {
  it('checked: the checked_basket, with its scan time; nothing of the buyer', () => {
    const payload = { ...order([basket(1, '877076325904'), basket(2, '877344688530')]), checked_basket: basket(1, '877076325904', { checked_at: '2026-12-29T19:03:12+03:00' }) };
    const facts = factsOfWebhook('checked', payload, at);
    expect(facts).toEqual([{ kind: 'checked', showId: 1001, code: '877076325904', checkedAt: '2026-12-29T19:03:12+03:00' }]);
    expect(JSON.stringify(facts)).not.toMatch(/Иван|gmail|7910/);
  });

  it('checked without a checked_basket: the baskets with checked_at; a basket id in checked_basket works too', () => {
    const scanned = basket(2, '877344688530', { checked_at: '2026-12-29T19:04:00+03:00' });
    expect(factsOfWebhook('checked', order([basket(1, '877076325904'), scanned]), at)).toEqual([
      { kind: 'checked', showId: 1001, code: '877344688530', checkedAt: '2026-12-29T19:04:00+03:00' },
    ]);
    expect(factsOfWebhook('checked', { ...order([basket(1, '877076325904'), scanned]), checked_basket: 2 }, at)).toEqual([
      { kind: 'checked', showId: 1001, code: '877344688530', checkedAt: '2026-12-29T19:04:00+03:00' },
    ]);
    // A checked_basket without a time: the moment the webhook came.
    expect(factsOfWebhook('checked', { ...order([]), checked_basket: [basket(3, '870000000003')] }, at)).toEqual([
      { kind: 'checked', showId: 1001, code: '870000000003', checkedAt: '2026-12-29T16:05:00Z' },
    ]);
  });

  it('unchecked_basket: usable again', () => {
    expect(factsOfWebhook('checked', { ...order([basket(1, '877076325904')]), unchecked_basket: basket(1, '877076325904') }, at)).toEqual([
      { kind: 'unchecked', showId: 1001, code: '877076325904', checkedAt: null },
    ]);
  });

  it('refunded and deleted: the refunded or deleted baskets, or all of a deleted order; a refund wins', () => {
    const refunded = basket(1, '877076325904', { refunded_at: '2026-12-29T18:00:00+03:00', checked_at: '2026-12-29T17:00:00+03:00' });
    expect(factsOfWebhook('refunded', order([refunded, basket(2, '877344688530')]), at)).toEqual([
      { kind: 'revoked', showId: 1001, code: '877076325904', checkedAt: '2026-12-29T17:00:00+03:00' },
    ]);
    expect(factsOfWebhook('deleted', order([basket(1, 'a1'), basket(2, 'a2')], { deleted_at: '2026-12-29T18:00:00+03:00' }), at)?.map((f) => [f.kind, f.code])).toEqual([
      ['revoked', 'a1'],
      ['revoked', 'a2'],
    ]);
    expect(factsOfWebhook('checked', { ...order([refunded]), checked_basket: refunded }, at)?.map((f) => f.kind)).toEqual(['revoked']);
  });

  it('created / payed: the live baskets of a paid order are listed; an unpaid one lists nothing', () => {
    const baskets = [basket(1, 'n1'), basket(2, 'n2', { deleted_at: '2026-12-29T18:00:00+03:00' })];
    expect(factsOfWebhook('payed', order(baskets), at)?.map((f) => [f.kind, f.code])).toEqual([
      ['revoked', 'n2'],
      ['listed', 'n1'],
    ]);
    expect(factsOfWebhook('created', order([basket(1, 'n1')], { payed: false }), at)).toEqual([]);
    expect(factsOfWebhook('created', order([basket(1, 'n1')], { payed: 1 }), at)?.map((f) => f.kind)).toEqual(['listed']);
  });

  it('reads a bare Order, PHP lists and string ids; skips baskets without a show or a code; null for no Order', () => {
    const bare = { id: 1, payed: true, baskets: { 0: { barcode: 870000000001, show_id: '1002' }, 3: { barcode: '', show_id: 1 }, 4: { barcode: 'x' } } };
    expect(factsOfWebhook('payed', bare, at)).toEqual([{ kind: 'listed', showId: 1002, code: '870000000001', checkedAt: null }]);
    expect(factsOfWebhook('updated', order([basket(1, 'u1')]), at)).toEqual([]);
    expect(factsOfWebhook('checked', 'nope', at)).toBeNull();
    expect(factsOfWebhook('checked', [1, 2], at)).toBeNull();
  });
});
