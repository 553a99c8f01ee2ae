import { describe, expect, it } from 'vitest';
import { isRefreshMinutes, parseRefreshMinutes } from './refresh-interval.ts';

describe('refresh interval', () => {
  it('takes whole minutes from 1 to 60', () => {
    expect(parseRefreshMinutes('1')).toBe(1);
    expect(parseRefreshMinutes(' 15 ')).toBe(15);
    expect(parseRefreshMinutes('60')).toBe(60);
  });

  it('refuses fractions, zero, empty, out of range and words instead of turning the pull off or racing it', () => {
    for (const bad of ['0.1', '0,5', '0', '', '   ', '61', '-5', '5 мин', 'abc', '1e1']) expect(parseRefreshMinutes(bad), bad).toBeNull();
  });

  it('stores off as 0, and nothing else outside the bounds', () => {
    expect(isRefreshMinutes(0)).toBe(true);
    expect(isRefreshMinutes(30)).toBe(true);
    expect(isRefreshMinutes(0.05)).toBe(false);
    expect(isRefreshMinutes(61)).toBe(false);
    expect(isRefreshMinutes(Number.NaN)).toBe(false);
  });
});
