import { describe, expect, it } from 'vitest';
import { sortEventsForDoor } from './sortEvents.ts';
import type { ApiEvent, ApiShow } from './types.ts';

const show = (id: number, startDate: string | null, finishDate: string | null = null): ApiShow => ({
  id,
  name: null,
  startDate,
  finishDate,
  openDate: null,
  deletedAt: null,
  isActive: true,
});
const ev = (id: number, shows: ApiShow[]): ApiEvent => ({ id, name: `E${id}`, deletedAt: null, isActive: true, placeName: null, shows });

const NOW = new Date('2026-12-29T18:00:00+03:00');

describe('sortEventsForDoor', () => {
  it('puts upcoming events first by next show, then past ones most recent first, then undated', () => {
    const events = [
      ev(1, [show(11, '2026-12-01T19:00:00+03:00', '2026-12-01T22:00:00+03:00')]), // past, older
      ev(2, [show(21, '2027-01-05T19:00:00+03:00')]), // upcoming, later
      ev(3, [show(31, '2026-12-29T19:00:00+03:00', '2026-12-29T23:00:00+03:00')]), // tonight
      ev(4, [show(41, '2026-12-20T19:00:00+03:00', '2026-12-20T22:00:00+03:00')]), // past, recent
      ev(5, [show(51, null)]), // no dates
      ev(6, [
        show(61, '2026-11-01T19:00:00+03:00', '2026-11-01T22:00:00+03:00'),
        show(62, '2026-12-31T19:00:00+03:00'),
      ]), // has a past and a future show: upcoming by its next one
    ];
    expect(sortEventsForDoor(events, NOW).map((e) => e.id)).toEqual([3, 6, 2, 4, 1, 5]);
  });

  it('keeps a running show (started, not finished) at the top', () => {
    const events = [ev(1, [show(11, '2026-12-30T19:00:00+03:00')]), ev(2, [show(21, '2026-12-29T17:00:00+03:00', '2026-12-29T21:00:00+03:00')])];
    expect(sortEventsForDoor(events, NOW).map((e) => e.id)).toEqual([2, 1]);
  });

  it('takes a show without a finish date as running for a while after its start', () => {
    const events = [ev(1, [show(11, '2026-12-29T17:00:00+03:00')]), ev(2, [show(21, '2026-12-28T10:00:00+03:00')])];
    expect(sortEventsForDoor(events, NOW).map((e) => e.id)).toEqual([1, 2]);
  });

  it('does not mutate its input', () => {
    const events = [ev(1, [show(11, '2026-01-01T00:00:00Z')]), ev(2, [show(21, '2027-01-01T00:00:00Z')])];
    const copy = structuredClone(events);
    sortEventsForDoor(events, NOW);
    expect(events).toEqual(copy);
  });
});
