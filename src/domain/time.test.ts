import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatLocalIso, isIsoWithOffset } from './time.ts';

describe('formatLocalIso', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('writes local wall time with the local offset', () => {
    const date = new Date('2026-12-29T16:03:12Z');
    const text = formatLocalIso(date);
    expect(isIsoWithOffset(text)).toBe(true);
    // Whatever the machine's zone, the text denotes the same instant.
    expect(Date.parse(text)).toBe(date.getTime() - date.getMilliseconds());
  });

  it('formats a negative and a positive offset', () => {
    const at = (offsetMin: number) => {
      const d = new Date('2026-12-29T16:03:12Z');
      vi.spyOn(d, 'getTimezoneOffset').mockReturnValue(offsetMin);
      return d;
    };
    expect(formatLocalIso(at(-180))).toMatch(/\+03:00$/);
    expect(formatLocalIso(at(330))).toMatch(/-05:30$/);
  });
});

describe('isIsoWithOffset', () => {
  it('accepts the document example and rejects dates without an offset', () => {
    expect(isIsoWithOffset('2020-03-02T17:08:35+03:00')).toBe(true);
    expect(isIsoWithOffset('2020-03-02 17:08:35')).toBe(false);
    expect(isIsoWithOffset('2020-13-45T17:08:35+03:00')).toBe(false);
  });
});
