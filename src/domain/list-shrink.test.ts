import { describe, expect, it } from 'vitest';
import { isSuspiciousShrink } from './list-shrink.ts';

describe('isSuspiciousShrink', () => {
  it('holds back an empty or tiny list where thousands were listed', () => {
    expect(isSuspiciousShrink(5_000, 0)).toBe(true);
    expect(isSuspiciousShrink(5_000, 12)).toBe(true);
    expect(isSuspiciousShrink(100, 9)).toBe(true);
  });

  it('lets ordinary refunds, a first pull and small shows through', () => {
    expect(isSuspiciousShrink(5_000, 4_700)).toBe(false);
    expect(isSuspiciousShrink(5_000, 500)).toBe(false);
    expect(isSuspiciousShrink(0, 0)).toBe(false);
    expect(isSuspiciousShrink(40, 0)).toBe(false);
  });
});
