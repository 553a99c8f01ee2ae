import { describe, expect, it } from 'vitest';
import { admitsSeveralCategories, capacityLevel, decideExit, latestMovements, stillInside } from './presence.ts';
import { buildZoneMap, countByShowAndZone } from './stats.ts';
import type { Admission, Movement, Show, Ticket } from './types.ts';
import { decide } from './verdict.ts';

const show = (id: number): Show => ({ id, eventId: 1, eventName: 'Концерт', startDate: '2026-12-29T19:00:00+03:00', active: true, pulledAt: null });
const ticket = (showId: number, code: string, zoneName = 'Партер'): Ticket => ({
  showId, code, revoked: 0, admission: true, price: 1000, seatName: null, zoneName, row: null, place: null,
  clientName: null, clientSurname: null, clientMiddlename: null,
});
const admitted = (showId: number, code: string): Admission => ({ showId, code, checkedAt: '2026-12-29T19:00:00+03:00', source: 'this_device' });
const move = (kind: Movement['kind'], at: string, code = '100', showId = 1): Movement => ({ id: `${kind}-${at}`, showId, code, kind, at, source: 'this_device' });

const shows = [show(1)];
const t = ticket(1, '100');

describe('exit at an exit door', () => {
  it('records the exit of a ticket that is inside, saying whether the show lets them back', () => {
    expect(decideExit({ code: '100', tickets: [t], admissions: [admitted(1, '100')], movements: [], shows, reentryShows: [1] })).toEqual({ exit: true, ticket: t, reentry: true });
    expect(decideExit({ code: '100', tickets: [t], admissions: [admitted(1, '100')], movements: [], shows, reentryShows: [] })).toMatchObject({ exit: true, reentry: false });
  });

  it('says "not inside" for a ticket never admitted, and when it left for one already out', () => {
    expect(decideExit({ code: '100', tickets: [t], admissions: [], movements: [], shows, reentryShows: [] })).toEqual({ exit: false, verdict: { kind: 'not_inside', code: '100', ticket: t } });
    const out = decideExit({ code: '100', tickets: [t], admissions: [admitted(1, '100')], movements: [move('exit', '2026-12-29T20:00:00+03:00')], shows, reentryShows: [1] });
    expect(out).toEqual({ exit: false, verdict: { kind: 'not_inside', code: '100', ticket: t, leftAt: '2026-12-29T20:00:00+03:00' } });
  });

  it('lets a ticket out again after it came back in', () => {
    const movements = [move('exit', '2026-12-29T20:00:00+03:00'), move('reentry', '2026-12-29T20:30:00+03:00')];
    expect(decideExit({ code: '100', tickets: [t], admissions: [admitted(1, '100')], movements, shows, reentryShows: [1] })).toMatchObject({ exit: true });
  });

  it('calls a code on no stored list unknown', () => {
    expect(decideExit({ code: 'zzz', tickets: [], admissions: [], movements: [], shows, reentryShows: [] })).toEqual({ exit: false, verdict: { kind: 'unknown', code: 'zzz' } });
  });
});

describe('re-entry at an entrance', () => {
  const base = { code: '100', tickets: [t], admissions: [admitted(1, '100')], shows };
  const exit = move('exit', '2026-12-29T20:00:00+03:00');

  it('lets a person back in after an exit when the show allows re-entry', () => {
    expect(decide({ ...base, movements: [exit], reentryShows: [1] })).toEqual({ admit: true, ticket: t, reentry: { leftAt: exit.at } });
  });

  it('keeps "already used" after an exit when the show does not allow re-entry (the default)', () => {
    expect(decide({ ...base, movements: [exit] })).toMatchObject({ admit: false, verdict: { kind: 'already_checked' } });
  });

  it('denies a second entry without an exit, naming the latest entry', () => {
    expect(decide({ ...base, reentryShows: [1] })).toMatchObject({ admit: false, verdict: { kind: 'already_checked', checkedAt: '2026-12-29T19:00:00+03:00' } });
    const back = move('reentry', '2026-12-29T20:30:00+03:00');
    const d = decide({ ...base, movements: [exit, back], reentryShows: [1], now: new Date('2026-12-29T20:42:00+03:00') });
    expect(d).toMatchObject({ admit: false, verdict: { kind: 'already_checked', checkedAt: back.at, agoMinutes: 12 } });
  });
});

describe('presence', () => {
  it('orders movements by when they happened, not by when they were heard', () => {
    const back = move('reentry', '2026-12-29T20:30:00+03:00');
    const exit = move('exit', '2026-12-29T20:00:00+03:00');
    expect(latestMovements([back, exit]).get(`1\u0000100`)).toBe(back);
  });

  it('counts inside now as admitted minus left, per show and zone', () => {
    const tickets = [ticket(1, '1', 'Партер'), ticket(1, '2', 'Партер'), ticket(1, '3', 'VIP')];
    const came: [number, string][] = [[1, '1'], [1, '2'], [1, '3']];
    const inside = stillInside(came, [move('exit', '2026-12-29T20:00:00+03:00', '2'), move('exit', '2026-12-29T20:00:00+03:00', '3'), move('reentry', '2026-12-29T20:10:00+03:00', '3')]);
    const [counts] = countByShowAndZone(buildZoneMap(tickets), inside, [1]);
    expect(counts?.admitted).toBe(2);
    expect(Object.fromEntries(counts?.zones.map((z) => [z.zone, z.admitted]) ?? [])).toEqual({ VIP: 1, Партер: 1 });
  });

  it('warns from 90 % of a zone capacity and says full at 100 %, nothing without a capacity', () => {
    expect(capacityLevel(89, 100)).toBe('ok');
    expect(capacityLevel(90, 100)).toBe('near');
    expect(capacityLevel(100, 100)).toBe('full');
    expect(capacityLevel(120, 100)).toBe('full');
    expect(capacityLevel(500, undefined)).toBe('ok');
  });
});

describe('the category badge', () => {
  it('is shown where several categories come through the door, not where one does', () => {
    expect(admitsSeveralCategories([], [['Партер', 'VIP']])).toBe(true);
    expect(admitsSeveralCategories([], [['Партер'], ['партер ']])).toBe(false);
    expect(admitsSeveralCategories(['VIP'], [['Партер', 'VIP']])).toBe(false);
    expect(admitsSeveralCategories(['VIP', 'Ложа'], [['Партер']])).toBe(true);
  });
});
