import { describe, expect, it } from 'vitest';
import type { Admission, Show, Ticket } from './types.ts';
import { decide } from './verdict.ts';

const show = (id: number, active = true): Show => ({
  id, eventId: 1, eventName: 'Щелкунчик', startDate: '2026-12-29T19:00:00+03:00', active, pulledAt: null,
});
const ticket = (showId: number, code: string, revoked: 0 | 1 = 0): Ticket => ({
  showId, code, revoked, admission: false, price: 1000, seatName: 'Партер: ряд 6, место 29', zoneName: 'Партер',
  row: '6', place: '29', clientName: 'Иван', clientSurname: 'Петров', clientMiddlename: null,
});
const admission = (showId: number, code: string, source: Admission['source'] = 'this_device'): Admission => ({
  showId, code, checkedAt: '2026-12-29T19:03:12+03:00', source,
});

describe('decide', () => {
  const shows = [show(1), show(2, false)];

  it('admits a listed, unused ticket of an active show', () => {
    const t = ticket(1, '871495495233');
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows })).toEqual({ admit: true, ticket: t });
  });

  it('denies a second entry, saying when and who knew', () => {
    const t = ticket(1, '871495495233');
    const d = decide({ code: t.code, tickets: [t], admissions: [admission(1, t.code, 'server')], shows });
    expect(d).toMatchObject({ admit: false, verdict: { kind: 'already_checked', checkedAt: '2026-12-29T19:03:12+03:00', source: 'server' } });
  });

  it('denies a revoked ticket even if it was never used', () => {
    const t = ticket(1, '871495495233', 1);
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows })).toMatchObject({ verdict: { kind: 'revoked' } });
  });

  it('names the other stored show for a ticket of a show this door does not admit', () => {
    const t = ticket(2, '875196723453');
    const d = decide({ code: t.code, tickets: [t], admissions: [], shows });
    expect(d).toMatchObject({ admit: false, verdict: { kind: 'wrong_show', show: { id: 2 } } });
  });

  it('prefers the active show when a code is listed for two shows', () => {
    const a = ticket(2, '875196723453');
    const b = ticket(1, '875196723453');
    expect(decide({ code: a.code, tickets: [a, b], admissions: [], shows })).toEqual({ admit: true, ticket: b });
  });

  it('calls a code nobody listed unknown', () => {
    expect(decide({ code: 'garbage', tickets: [], admissions: [], shows })).toEqual({ admit: false, verdict: { kind: 'unknown', code: 'garbage' } });
  });

  it('treats a ticket of a show that is no longer stored as unknown', () => {
    const t = ticket(9, '1');
    expect(decide({ code: '1', tickets: [t], admissions: [], shows })).toMatchObject({ verdict: { kind: 'unknown' } });
  });
});
