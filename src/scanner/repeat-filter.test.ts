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

  it('gives a ticket handed back to the next guest its own verdict, though within the window', () => {
    const c = clock();
    const f = createRepeatFilter({ windowMs: 3000, now: c.now });
    expect(f.accept('A')).toBe(true); // the first guest: green
    c.advance(1200);
    expect(f.accept('B')).toBe(true); // another guest's ticket comes between
    c.advance(800);
    // A was out of sight for 2 s: shown again, it is a new scan ("already checked"), not a repeat
    // swallowed while B's verdict — or A's green — stays on screen.
    expect(f.accept('A')).toBe(true);
  });

  it('two tickets held in view together give one verdict each, however long they alternate', () => {
    const c = clock();
    const f = createRepeatFilter({ windowMs: 3000, now: c.now });
    const accepted: string[] = [];
    for (let i = 0; i < 100; i++) {
      const code = i % 2 === 0 ? 'A' : 'B';
      if (f.accept(code)) accepted.push(code);
      c.advance(i % 10 === 9 ? 1000 : 100); // now and then the decoder misses both for a second
    }
    expect(accepted).toEqual(['A', 'B']);
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
