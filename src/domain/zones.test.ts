import { describe, expect, it } from 'vitest';
import { distinctZones, zoneAdmitted } from './zones.ts';

describe('entrance zones', () => {
  it('lists each zone once, first spelling kept, blanks and nulls dropped, sorted', () => {
    expect(distinctZones(['VIP', 'Партер', null, ' vip', '', 'Амфитеатр', 'Партёр'])).toEqual(['Амфитеатр', 'Партер', 'VIP']);
  });

  it('admits every zone with no filter and only listed zones with one', () => {
    expect(zoneAdmitted({ zoneName: 'VIP' }, [])).toBe(true);
    expect(zoneAdmitted({ zoneName: null }, [])).toBe(true);
    expect(zoneAdmitted({ zoneName: 'VIP' }, ['Балкон', 'vip'])).toBe(true);
    expect(zoneAdmitted({ zoneName: 'Партер' }, ['VIP'])).toBe(false);
  });
});
