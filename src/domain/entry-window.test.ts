import { describe, expect, it } from 'vitest';
import { checkEntryWindow, DEFAULT_ENTRY_WINDOW, isoInOffset, sameWallDate, wallClockOf } from './entry-window.ts';
import type { Show } from './types.ts';

const show = (dates: Partial<Pick<Show, 'openDate' | 'startDate' | 'finishDate'>>): Show => ({
  id: 1, eventId: 1, eventName: 'Щелкунчик', startDate: null, active: true, pulledAt: null, ...dates,
});
const moscow = show({ openDate: '2026-12-29T18:30:00+03:00', startDate: '2026-12-29T19:00:00+03:00', finishDate: '2026-12-29T22:00:00+03:00' });

describe('the entry window', () => {
  it('opens the tolerance before the doors and closes the tolerance after the end, edges included', () => {
    const check = (iso: string) => checkEntryWindow(moscow, new Date(iso), DEFAULT_ENTRY_WINDOW).state;
    expect(check('2026-12-29T17:29:59+03:00')).toBe('too_early');
    expect(check('2026-12-29T17:30:00+03:00')).toBe('open');
    expect(check('2026-12-30T00:00:00+03:00')).toBe('open');
    expect(check('2026-12-30T00:00:01+03:00')).toBe('show_over');
  });

  it('tells the moment in the venue offset, whatever zone the device is in', () => {
    // A device on UTC (or in Vladivostok): the instant is the same, the words are Moscow's.
    const early = checkEntryWindow(moscow, new Date('2026-12-29T10:00:00Z'), DEFAULT_ENTRY_WINDOW);
    expect(early).toEqual({ state: 'too_early', from: '2026-12-29T17:30:00+03:00', sameDay: true, action: 'deny' });
    const vladivostok = show({ openDate: '2026-12-29T18:30:00+10:00', finishDate: '2026-12-29T22:00:00+10:00' });
    // 09:00 UTC is 19:00 in Vladivostok: inside, though a Moscow device reads 12:00.
    expect(checkEntryWindow(vladivostok, new Date('2026-12-29T09:00:00Z'), DEFAULT_ENTRY_WINDOW).state).toBe('open');
    expect(checkEntryWindow(vladivostok, new Date('2026-12-29T16:00:01Z'), { ...DEFAULT_ENTRY_WINDOW, late: 'warn' })).toEqual({
      state: 'show_over',
      until: '2026-12-30T00:00:00+10:00',
      sameDay: true,
      action: 'warn',
    });
  });

  it('never refuses on a guessed time: no opening date, no "too early"; no end, no "show over"', () => {
    const startOnly = show({ startDate: '2026-12-29T19:00:00+03:00' });
    expect(checkEntryWindow(startOnly, new Date('2026-12-01T12:00:00+03:00'), DEFAULT_ENTRY_WINDOW).state).toBe('open');
    expect(checkEntryWindow(startOnly, new Date('2027-01-05T12:00:00+03:00'), DEFAULT_ENTRY_WINDOW).state).toBe('open');
    expect(checkEntryWindow(show({}), new Date(), DEFAULT_ENTRY_WINDOW).state).toBe('open');
    expect(checkEntryWindow(show({ openDate: 'soon', finishDate: '' }), new Date(), DEFAULT_ENTRY_WINDOW).state).toBe('open');
  });

  it('follows the supervisor: a wider tolerance lets the early guest in', () => {
    const now = new Date('2026-12-29T16:00:00+03:00');
    expect(checkEntryWindow(moscow, now, DEFAULT_ENTRY_WINDOW).state).toBe('too_early');
    expect(checkEntryWindow(moscow, now, { ...DEFAULT_ENTRY_WINDOW, earlyMinutes: 180 }).state).toBe('open');
  });

  it('writes instants in an offset and reads the wall clock back as written', () => {
    expect(isoInOffset(Date.parse('2026-12-29T14:30:00Z'), 180)).toBe('2026-12-29T17:30:00+03:00');
    expect(isoInOffset(Date.parse('2026-12-29T02:00:00Z'), -330)).toBe('2026-12-28T20:30:00-05:30');
    expect(wallClockOf('2026-12-29T17:30:00+03:00')).toEqual({ date: '2026-12-29', time: '17:30' });
    // 23:00Z on the 28th is already the 29th in Moscow.
    expect(sameWallDate('2026-12-29T17:30:00+03:00', new Date('2026-12-28T23:00:00Z'))).toBe(true);
    expect(sameWallDate('2026-12-29T17:30:00+03:00', new Date('2026-12-28T20:00:00Z'))).toBe(false);
  });
});
