import { describe, expect, it } from 'vitest';
import { buildZoneMap, countByShowAndZone, perMinute } from './stats.ts';
import type { Ticket } from './types.ts';

const t = (showId: number, code: string, zoneName: string | null, revoked: 0 | 1 = 0): Ticket => ({
  showId, code, revoked, zoneName, admission: false, price: null, seatName: null, row: null, place: null,
  clientName: null, clientSurname: null, clientMiddlename: null,
});

describe('door numbers', () => {
  it('counts admitted against expected per show and per zone, cancelled tickets not expected', () => {
    const map = buildZoneMap([t(1, 'a', 'VIP'), t(1, 'b', 'Партер'), t(1, 'c', 'Партер'), t(1, 'd', 'Партер', 1), t(2, 'e', null)]);
    const counts = countByShowAndZone(map, [[1, 'a'], [1, 'b'], [2, 'e']], [1, 2]);
    expect(counts).toEqual([
      { showId: 1, admitted: 2, expected: 3, zones: [{ zone: 'Партер', admitted: 1, expected: 2 }, { zone: 'VIP', admitted: 1, expected: 1 }] },
      { showId: 2, admitted: 1, expected: 1, zones: [{ zone: '', admitted: 1, expected: 1 }] },
    ]);
  });

  it('still counts an admission whose ticket was cancelled after it came in', () => {
    const map = buildZoneMap([t(1, 'a', 'VIP', 1)]);
    expect(countByShowAndZone(map, [[1, 'a']], [1])[0]).toMatchObject({ admitted: 1, expected: 0 });
  });

  it('buckets admissions per minute over the last ten minutes, current minute last', () => {
    const now = Date.parse('2026-12-29T19:10:30Z');
    const at = (hhmmss: string) => Date.parse(`2026-12-29T${hhmmss}Z`);
    const counts = perMinute([at('19:10:01'), at('19:10:29'), at('19:09:59'), at('19:01:00'), at('19:00:59'), at('19:11:00')], now);
    expect(counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
  });
});
