import { describe, expect, it } from 'vitest';
import type { PackableTicket } from '../domain/ticket-pack.ts';
import type { Ticket } from '../domain/types.ts';
import { TicketList } from './ticket-list.ts';
import { decodePage, encodePages } from './ticket-pages.ts';

const ticket = (code: string, extra: Partial<PackableTicket> = {}): PackableTicket => ({
  code, admission: false, price: 1500, seatName: 'Партер: ряд 6, место 29', zoneName: 'Партер', row: '6', place: '29',
  clientName: 'Иван', clientSurname: 'Петров', clientMiddlename: null, ...extra,
});

function listOf(tickets: PackableTicket[], pageSize = 3): TicketList {
  const list = new TicketList(7, 'r', tickets.length);
  for (const page of encodePages(7, 'r', tickets, 0, pageSize)) list.add(page);
  return list;
}

describe('a list as stored in pages', () => {
  it('gives back every field as it went in: nulls, empty strings, any character in a code or a name', () => {
    const odd = [
      ticket('871000000001'),
      ticket('', { clientName: '', seatName: null, price: null, admission: true, revoked: 1 }),
      ticket('A\u0000B\u001fC\n', { clientSurname: 'Ёлкина\u0000\t"', place: '' }),
      ticket('😀 ё', { zoneName: null, row: null, price: 0 }),
    ];
    const back: Ticket[] = [];
    for (const page of encodePages(7, 'r', odd, 0, 3)) decodePage(page, back);
    expect(back).toEqual(odd.map((t) => ({ ...t, showId: 7, revoked: t.revoked ?? 0 })));
  });

  it('finds each code across pages, and nothing for a code not listed or only a prefix of one', () => {
    const codes = Array.from({ length: 5000 }, (_, i) => String(871000000000 + i * 7919));
    const list = listOf(codes.map((c) => ticket(c)), 2000);
    expect(list.size).toBe(5000);
    for (const code of codes) expect(list.get(code)?.code).toBe(code);
    expect(list.get('871000000001')).toBeNull();
    expect(list.get((codes[10] as string).slice(0, 11))).toBeNull();
    expect(list.get(`${codes[10]}0`)).toBeNull();
  });

  it('keeps the first listing of a duplicated code and counts it once', () => {
    const list = listOf([ticket('1', { seatName: 'first' }), ticket('2'), ticket('3'), ticket('1', { seatName: 'second', revoked: 1 })]);
    expect(list.get('1')?.seatName).toBe('first');
    expect(list.size).toBe(3);
    expect(list.listed).toBe(3);
    expect(list.tickets().map((t) => t.code)).toEqual(['1', '2', '3']);
    expect(list.tickets().map((t) => t.seatName)).toEqual(['first', 'Партер: ряд 6, место 29', 'Партер: ряд 6, место 29']);
  });

  it('counts revoked tickets apart and says which codes are revoked', () => {
    const list = listOf([ticket('1'), ticket('2', { revoked: 1 }), ticket('3')]);
    expect(list.listed).toBe(2);
    expect(list.revokedOf('2')).toBe(1);
    expect(list.revokedOf('3')).toBe(0);
    expect(list.revokedOf('4')).toBeNull();
  });

  it('refuses more tickets than it was sized for instead of looping forever', () => {
    const list = new TicketList(7, 'r', 4);
    const pages = encodePages(7, 'r', Array.from({ length: 40 }, (_, i) => ticket(String(i))), 0, 10);
    expect(() => pages.forEach((p) => list.add(p))).toThrow(RangeError);
  });

  it('lays refunds and sales over the pages: each lookup, the count and the whole list follow, and a new set replaces the old', () => {
    const list = listOf([ticket('1'), ticket('2', { revoked: 1 }), ticket('3')]);
    list.amend([{ code: '1', kind: 'revoked' }, { code: '2', kind: 'listed' }, { code: '9', kind: 'listed' }, { code: '8', kind: 'revoked' }], 4);
    expect(list.amendedAs).toBe(4);
    expect(list.get('1')).toMatchObject({ revoked: 1, seatName: 'Партер: ряд 6, место 29' });
    expect(list.get('2')).toMatchObject({ revoked: 0, clientName: 'Иван' });
    expect(list.get('9')).toEqual({ showId: 7, code: '9', admission: false, price: null, seatName: null, zoneName: null, row: null, place: null, clientName: null, clientSurname: null, clientMiddlename: null, revoked: 0 });
    expect(list.get('8')).toMatchObject({ code: '8', revoked: 1 });
    expect([list.revokedOf('1'), list.revokedOf('2'), list.revokedOf('9'), list.revokedOf('7')]).toEqual([1, 0, 0, null]);
    expect(list.listed).toBe(3); // 2, 3 and 9
    expect(list.tickets().map((t) => [t.code, t.revoked])).toEqual([['1', 1], ['2', 0], ['3', 0], ['9', 0]]);
    expect(list.amendedTickets().map((t) => t.code)).toEqual(['9']);
    list.amend([], 5);
    expect(list.listed).toBe(2);
    expect(list.get('9')).toBeNull();
    expect(list.get('1')?.revoked).toBe(0);
  });
});
