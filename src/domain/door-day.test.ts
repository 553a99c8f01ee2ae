import { describe, expect, it } from 'vitest';
import { admittingShows, doorDay, isShowOver, isShowToday, offsetMinutesOf } from './door-day.ts';
import type { Show } from './types.ts';

const show = (id: number, startDate: string | null, active = true): Show => ({ id, eventId: 1, eventName: 'Фестиваль', startDate, active, pulledAt: null });

describe('door day', () => {
  it('reads the venue offset from the show date', () => {
    expect(offsetMinutesOf('2026-07-10T12:00:00+03:00')).toBe(180);
    expect(offsetMinutesOf('2026-07-10T12:00:00-05:30')).toBe(-330);
    expect(offsetMinutesOf('2026-07-10T12:00:00Z')).toBe(0);
  });

  it('counts the early hours to the evening before, in venue time whatever the device zone', () => {
    expect(doorDay(Date.parse('2026-07-11T05:59:00+03:00'), 180)).toBe('2026-07-10');
    expect(doorDay(Date.parse('2026-07-11T06:00:00+03:00'), 180)).toBe('2026-07-11');
    // A device left on UTC: 22:30Z is already 01:30 next day in Moscow, still the 10th's night.
    expect(isShowToday(show(1, '2026-07-10T22:00:00+03:00'), new Date('2026-07-10T22:30:00Z'))).toBe(true);
  });

  it('admits only the ticked shows of today, or every ticked show when none is today', () => {
    const shows = [show(1, '2026-07-10T12:00:00+03:00'), show(2, '2026-07-11T12:00:00+03:00'), show(3, '2026-07-10T18:00:00+03:00', false)];
    expect([...admittingShows(shows, new Date('2026-07-10T10:00:00+03:00'))]).toEqual([1]);
    expect([...admittingShows(shows, new Date('2026-07-11T10:00:00+03:00'))]).toEqual([2]);
    expect([...admittingShows(shows, new Date('2026-07-20T10:00:00+03:00'))]).toEqual([1, 2]);
    expect([...admittingShows(shows, undefined)]).toEqual([1, 2]);
  });

  it('calls a show over only once its door day has passed, not when it ended an hour ago', () => {
    const tonight = { startDate: '2026-07-10T19:00:00+03:00', finishDate: '2026-07-10T22:00:00+03:00' };
    expect(isShowOver(tonight, new Date('2026-07-10T23:30:00+03:00'))).toBe(false);
    expect(isShowOver(tonight, new Date('2026-07-11T02:00:00+03:00'))).toBe(false);
    expect(isShowOver(tonight, new Date('2026-07-11T06:00:00+03:00'))).toBe(true);
    expect(isShowOver({ startDate: '2026-06-10T19:00:00+03:00', finishDate: null }, new Date('2026-07-10T12:00:00+03:00'))).toBe(true);
    expect(isShowOver({ startDate: '2026-07-12T19:00:00+03:00', finishDate: null }, new Date('2026-07-10T12:00:00+03:00'))).toBe(false);
    expect(isShowOver({ startDate: null, finishDate: null }, new Date())).toBe(false);
  });
});
