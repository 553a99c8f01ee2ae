import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttledMark } from './throttled-mark.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A store that records what was written, and when (fake time). */
function store() {
  const written: [string, number][] = [];
  return { written, write: async (v: string) => void written.push([v, Date.now()]) };
}

describe('a position written at most once a second', () => {
  it('writes the first position at once and the newest of a burst a second later, not each one', async () => {
    const s = store();
    const mark = throttledMark(s.write, 1_000);
    const start = Date.now();
    mark.note('1');
    for (let i = 2; i <= 50; i++) {
      await vi.advanceTimersByTimeAsync(10);
      mark.note(String(i));
    }
    expect(s.written.map(([v]) => v)).toEqual(['1']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.written).toEqual([
      ['1', start],
      ['50', start + 1_000],
    ]);
  });

  it('writes a waiting position at once on flush (the stream closed), and nothing twice', async () => {
    const s = store();
    const mark = throttledMark(s.write, 1_000);
    mark.note('1');
    mark.note('2');
    await mark.flush();
    expect(s.written.map(([v]) => v)).toEqual(['1', '2']);
    await vi.advanceTimersByTimeAsync(5_000);
    await mark.flush();
    expect(s.written.map(([v]) => v)).toEqual(['1', '2']);
  });

  it('keeps the order of writes when one is slow, and goes on after one fails', async () => {
    const written: string[] = [];
    let calls = 0;
    const mark = throttledMark(async (v: string) => {
      calls += 1;
      if (calls === 1) {
        await new Promise((r) => setTimeout(r, 3_000));
        throw new Error('disk full');
      }
      written.push(v);
    }, 1_000);
    mark.note('1');
    await vi.advanceTimersByTimeAsync(1_000);
    mark.note('2');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(written).toEqual(['2']);
  });
});
