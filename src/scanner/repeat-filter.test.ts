import { describe, expect, it } from 'vitest';
import { createRepeatFilter } from './repeat-filter.ts';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('createRepeatFilter', () => {
  it('emits a new code at once and ignores the same code within the window', () => {
    const c = clock();
    const f = createRepeatFilter({ windowMs: 3000, now: c.now });
    expect(f.accept('871495495233')).toBe(true);
    c.advance(100);
    expect(f.accept('871495495233')).toBe(false);
    c.advance(2800);
    expect(f.accept('871495495233')).toBe(false);
  });

  it('lets a different code through inside the window', () => {
    const c = clock();
    const f = createRepeatFilter({ windowMs: 3000, now: c.now });
    expect(f.accept('A')).toBe(true);
    c.advance(200);
    expect(f.accept('B')).toBe(true);
    c.advance(200);
    expect(f.accept('A')).toBe(false);
    expect(f.accept('B')).toBe(false);
  });

  it('accepts the same code again once it was out of sight for the window', () => {
    const c = clock();
    const f = createRepeatFilter({ windowMs: 3000, now: c.now });
    expect(f.accept('A')).toBe(true);
    c.advance(3000);
    expect(f.accept('A')).toBe(true);
  });

  it('keeps ignoring a code held in view (window slides with each sighting)', () => {
    const c = clock();
    const f = createRepeatFilter({ windowMs: 3000, now: c.now });
    expect(f.accept('A')).toBe(true);
    for (let i = 0; i < 50; i++) {
      c.advance(200); // ten seconds of continuous reads
      expect(f.accept('A')).toBe(false);
    }
    c.advance(3000);
    expect(f.accept('A')).toBe(true);
  });

  it('with slide: false, re-emits a held code every window', () => {
    const c = clock();
    const f = createRepeatFilter({ windowMs: 3000, now: c.now, slide: false });
    expect(f.accept('A')).toBe(true);
    c.advance(2000);
    expect(f.accept('A')).toBe(false);
    c.advance(1000);
    expect(f.accept('A')).toBe(true);
  });

  it('clear() and forget() make codes acceptable at once', () => {
    const c = clock();
    const f = createRepeatFilter({ windowMs: 3000, now: c.now });
    f.accept('A');
    f.accept('B');
    f.forget('A');
    expect(f.accept('A')).toBe(true);
    f.clear();
    expect(f.accept('B')).toBe(true);
  });
});
