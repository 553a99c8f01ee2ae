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
    expect(decide({ code: 'garbage', tickets: [], admissions: [], shows })).toEqual({ admit: false, verdict: { kind: 'unknown', code: 'garbage', listFrom: null } });
  });

  it('treats a ticket of a show that is no longer stored as unknown', () => {
    const t = ticket(9, '1');
    expect(decide({ code: '1', tickets: [t], admissions: [], shows })).toMatchObject({ verdict: { kind: 'unknown' } });
  });
});

describe('decide at an entrance limited to some zones', () => {
  const shows = [show(1)];
  const vip = { ...ticket(1, '871000000001'), zoneName: 'VIP' };
  const floor = { ...ticket(1, '871000000002'), zoneName: 'Танцевальный партер' };

  it('admits a ticket of an admitted zone, whatever the spelling of case, spaces and ё', () => {
    expect(decide({ code: vip.code, tickets: [vip], admissions: [], shows, entrance: [' vip '] })).toEqual({ admit: true, ticket: vip });
    const yo = { ...floor, zoneName: 'Партёр' };
    expect(decide({ code: yo.code, tickets: [yo], admissions: [], shows, entrance: ['партер'] })).toMatchObject({ admit: true });
  });

  it('sends a ticket of another zone to its own entrance, naming the zone', () => {
    const d = decide({ code: floor.code, tickets: [floor], admissions: [], shows, entrance: ['VIP'] });
    expect(d).toEqual({ admit: false, verdict: { kind: 'wrong_zone', code: floor.code, ticket: floor, entrance: ['VIP'] } });
  });

  it('says wrong entrance before already used, and cancelled before both', () => {
    const used = decide({ code: floor.code, tickets: [floor], admissions: [admission(1, floor.code)], shows, entrance: ['VIP'] });
    expect(used).toMatchObject({ verdict: { kind: 'wrong_zone' } });
    const gone = decide({ code: floor.code, tickets: [{ ...floor, revoked: 1 }], admissions: [], shows, entrance: ['VIP'] });
    expect(gone).toMatchObject({ verdict: { kind: 'revoked' } });
  });

  it('treats a ticket without a zone as not for a zone-limited entrance, and an empty filter as every zone', () => {
    const none = { ...vip, zoneName: null };
    expect(decide({ code: none.code, tickets: [none], admissions: [], shows, entrance: ['VIP'] })).toMatchObject({ verdict: { kind: 'wrong_zone' } });
    expect(decide({ code: floor.code, tickets: [floor], admissions: [], shows, entrance: [] })).toMatchObject({ admit: true });
  });
});

describe('decide for several shows at once (a festival)', () => {
  const day = (id: number, startDate: string | null): Show => ({ ...show(id), startDate });
  const shows = [day(1, '2026-07-10T12:00:00+03:00'), day(2, '2026-07-11T12:00:00+03:00')];
  const now = new Date('2026-07-10T15:00:00+03:00');

  it("admits today's show and calls a ticket of another ticked day wrong_show naming that day", () => {
    const today = ticket(1, '871000000011');
    const tomorrow = ticket(2, '871000000012');
    expect(decide({ code: today.code, tickets: [today], admissions: [], shows, now })).toMatchObject({ admit: true });
    const d = decide({ code: tomorrow.code, tickets: [tomorrow], admissions: [], shows, now });
    expect(d).toMatchObject({ admit: false, verdict: { kind: 'wrong_show', show: { id: 2, startDate: '2026-07-11T12:00:00+03:00' } } });
  });

  it('keeps a late show today after midnight, until the early-morning cutoff', () => {
    const night = [day(1, '2026-07-10T23:00:00+03:00'), day(2, '2026-07-11T23:00:00+03:00')];
    const t = ticket(1, '871000000013');
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: night, now: new Date('2026-07-11T02:30:00+03:00') })).toMatchObject({ admit: true });
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: night, now: new Date('2026-07-11T07:00:00+03:00') })).toMatchObject({
      verdict: { kind: 'wrong_show' },
    });
  });

  it('lets the ticked shows stand when none of them is today (the door set up the day before); the entry window still speaks', () => {
    const t = ticket(2, '871000000014');
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows, now: new Date('2026-07-01T19:00:00+03:00') })).toMatchObject({ admit: true });
    const withDoors = { ...shows[1]!, openDate: '2026-07-11T11:00:00+03:00' };
    const dayBefore = new Date('2026-07-10T19:00:00+03:00');
    const warn = { earlyMinutes: 60, early: 'warn', lateMinutes: 120, late: 'deny' } as const;
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: [withDoors], now: dayBefore, window: warn })).toMatchObject({
      admit: true,
      warning: { kind: 'too_early', at: '2026-07-11T10:00:00+03:00', sameDay: false },
    });
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: [withDoors], now: dayBefore })).toMatchObject({
      verdict: { kind: 'too_early', from: '2026-07-11T10:00:00+03:00' },
    });
  });

  it('counts a show without a date as today', () => {
    const undated = [day(1, null), day(2, '2026-07-11T12:00:00+03:00')];
    const t = ticket(1, '871000000015');
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: undated, now })).toMatchObject({ admit: true });
  });
});


describe('decide with the entry window', () => {
  const evening: Show = {
    ...show(1),
    openDate: '2026-12-29T18:30:00+03:00',
    startDate: '2026-12-29T19:00:00+03:00',
    finishDate: '2026-12-29T22:00:00+03:00',
  };
  const t = ticket(1, '871495495233');
  const at = (iso: string) => new Date(iso);
  const warnBoth = { earlyMinutes: 60, early: 'warn', lateMinutes: 120, late: 'warn' } as const;

  it('refuses before the doors open less the tolerance, naming when entry starts', () => {
    const d = decide({ code: t.code, tickets: [t], admissions: [], shows: [evening], now: at('2026-12-29T17:29:00+03:00') });
    expect(d).toEqual({ admit: false, verdict: { kind: 'too_early', code: t.code, ticket: t, from: '2026-12-29T17:30:00+03:00', sameDay: true } });
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: [evening], now: at('2026-12-29T17:30:00+03:00') })).toEqual({ admit: true, ticket: t });
  });

  it('refuses after the end plus the tolerance, and warns and admits when the policy says so', () => {
    const late = at('2026-12-30T00:01:00+03:00');
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: [evening], now: late })).toMatchObject({
      admit: false,
      verdict: { kind: 'show_over', until: '2026-12-30T00:00:00+03:00' },
    });
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: [evening], now: late, window: warnBoth })).toEqual({
      admit: true,
      ticket: t,
      warning: { kind: 'show_over', at: '2026-12-30T00:00:00+03:00', sameDay: true },
    });
  });

  it('says "already used" for a used ticket even when an early entry would only be warned about', () => {
    const early = at('2026-12-29T12:00:00+03:00');
    const d = decide({ code: t.code, tickets: [t], admissions: [admission(1, t.code)], shows: [evening], now: early, window: warnBoth });
    expect(d).toMatchObject({ admit: false, verdict: { kind: 'already_checked' } });
  });

  it('checks the door before the window: a wrong entrance or a cancelled ticket keeps its own verdict', () => {
    const early = at('2026-12-29T12:00:00+03:00');
    expect(decide({ code: t.code, tickets: [{ ...t, revoked: 1 }], admissions: [], shows: [evening], now: early })).toMatchObject({ verdict: { kind: 'revoked' } });
    expect(decide({ code: t.code, tickets: [t], admissions: [], shows: [evening], now: early, entrance: ['VIP'] })).toMatchObject({ verdict: { kind: 'wrong_zone' } });
  });
});

describe('decide for a code on no list', () => {
  it('says when the oldest list this door admits with was pulled: a ticket sold since is on none', () => {
    const pulled = (id: number, pulledAt: string | null, active = true): Show => ({ ...show(id, active), pulledAt });
    const shows = [pulled(1, '2026-12-29T19:02:00+03:00'), pulled(2, '2026-12-29T18:40:00+03:00'), pulled(3, '2026-12-29T10:00:00+03:00', false), pulled(4, null)];
    expect(decide({ code: '871000000099', tickets: [], admissions: [], shows })).toEqual({
      admit: false,
      verdict: { kind: 'unknown', code: '871000000099', listFrom: '2026-12-29T18:40:00+03:00' },
    });
  });
});

describe('decide for a ticket used before', () => {
  const t = ticket(1, '871495495233');
  const used = (source: Admission['source'], door?: string): Admission => ({ ...admission(1, t.code, source), ...(door ? { door } : {}) });

  it('says how many whole minutes ago and where, never a negative age', () => {
    const later = new Date('2026-12-29T19:15:40+03:00');
    expect(decide({ code: t.code, tickets: [t], admissions: [used('venue', 'Вход 2')], shows: [show(1)], now: later })).toMatchObject({
      verdict: { kind: 'already_checked', agoMinutes: 12, door: 'Вход 2', source: 'venue' },
    });
    // The server's clock ran a little ahead of this device's.
    const before = new Date('2026-12-29T19:02:00+03:00');
    expect(decide({ code: t.code, tickets: [t], admissions: [used('server')], shows: [show(1)], now: before })).toMatchObject({ verdict: { agoMinutes: 0 } });
    const noClock = decide({ code: t.code, tickets: [t], admissions: [used('this_device')], shows: [show(1)] });
    expect(noClock.admit === false && noClock.verdict.kind === 'already_checked' && 'agoMinutes' in noClock.verdict).toBe(false);
  });
});
