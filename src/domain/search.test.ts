import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normaliseForSearch, searchTickets, searchTicketsCounted } from './search.ts';
import type { Ticket } from './types.ts';

const ticket = (code: string, surname: string | null, name: string | null, seat: Partial<Ticket> = {}): Ticket => ({
  showId: 1, code, revoked: 0, admission: false, price: 1000, seatName: 'Партер: ряд 6, место 29', zoneName: 'Партер', row: '6', place: '29',
  clientName: name, clientSurname: surname, clientMiddlename: null, ...seat,
});

const index = buildSearchIndex([
  ticket('871000000001', 'Ёлкина', 'Алёна'),
  ticket('871000000002', 'Петров', 'Иван'),
  ticket('871000000003', 'Петровская', 'Мария', { seatName: 'VIP: ряд 1, место 4', zoneName: 'VIP', row: '1', place: '4' }),
  ticket('879999123456', null, null, { seatName: 'Танцевальный партер', zoneName: 'Танцевальный партер', row: null, place: null, admission: true }),
]);
const codes = (q: string) => searchTickets(index, q).map((h) => h.ticket.code);

describe('search at the door', () => {
  it('normalises case, ё and punctuation', () => {
    expect(normaliseForSearch('  ЁЛКИНА,  Алёна ')).toBe('елкина алена');
    expect(normaliseForSearch('Партер: ряд 6, место 29')).toBe('партер ряд 6 место 29');
  });

  it('finds a surname written with ё when typed with е, in any case', () => {
    expect(codes('елкина')).toEqual(['871000000001']);
    expect(codes('ЕЛК')).toEqual(['871000000001']);
    expect(codes('алена')).toEqual(['871000000001']);
  });

  it('matches the start of words, every word of the query, surname matches first', () => {
    expect(codes('петров')).toEqual(['871000000002', '871000000003']);
    expect(codes('петров мар')).toEqual(['871000000003']);
    expect(codes('етров')).toEqual([]);
  });

  it('finds a seat and a fragment of the code', () => {
    expect(codes('vip ряд 1')).toEqual(['871000000003']);
    expect(codes('123456')).toEqual(['879999123456']);
    expect(codes('танц')).toEqual(['879999123456']);
    expect(codes('871000000002')[0]).toBe('871000000002');
  });

  it('finds a word start that comes after the same letters inside another word of the ticket', () => {
    const own = buildSearchIndex([ticket('870000000009', 'Иванов', 'Ваня')]);
    // "ван" occurs first inside "Иванов" (not a word start), then at the start of "Ваня".
    expect(searchTickets(own, 'ван').map((h) => h.ticket.code)).toEqual(['870000000009']);
    expect(searchTickets(own, 'нов')).toEqual([]);
  });

  it('walks the rarest word of the query, whatever its length', () => {
    // "vip" is rarer than the digits that every code contains; the answer must not depend on it.
    expect(codes('3 vip')).toEqual(['871000000003']);
    expect(codes('1 vip 4')).toEqual(['871000000003']);
  });

  it('waits for two characters and stops at the limit', () => {
    expect(codes('п')).toEqual([]);
    expect(codes(' . ')).toEqual([]);
    expect(searchTickets(index, '87', 2)).toHaveLength(2);
    const counted = searchTicketsCounted(index, '87', 2);
    expect(counted.hits).toHaveLength(2);
    expect(counted.total).toBe(searchTickets(index, '87', 10_000).length);
    expect(counted.total).toBeGreaterThan(2);
  });
});
