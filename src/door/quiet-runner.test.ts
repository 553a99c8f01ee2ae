import { describe, expect, it } from 'vitest';
import { createQuietRunner, type QuietTimers } from './quiet-runner.ts';

/** Timers driven by hand: `advance` fires what is due, in order. */
function handTimers() {
  let now = 0;
  let pending: { at: number; fn: () => void; live: boolean }[] = [];
  const timers: QuietTimers = {
    now: () => now,
    set(fn, ms) {
      const t = { at: now + ms, fn, live: true };
      pending.push(t);
      return () => void (t.live = false);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = pending.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      now = next.at;
      next.live = false;
      next.fn();
    }
    pending = pending.filter((t) => t.live);
    now = end;
  };
  return { timers, advance };
}

describe('steps after an admission wait for a pause in the scans', () => {
  it('runs once the door has been quiet for 150 ms', () => {
    const { timers, advance } = handTimers();
    const runner = createQuietRunner(timers, 150, 500);
    const ran: string[] = [];
    runner.later(() => ran.push('a'));
    advance(149);
    expect(ran).toEqual([]);
    advance(1);
    expect(ran).toEqual(['a']);
  });

  it('waits while scans keep coming, but never past the cap, and runs everything waiting in order', () => {
    const { timers, advance } = handTimers();
    const runner = createQuietRunner(timers, 150, 500);
    const ran: string[] = [];
    runner.later(() => ran.push('a'));
    for (let t = 100; t < 500; t += 100) {
      advance(100);
      runner.touch(); // a scan every 100 ms: never 150 ms of quiet
    }
    runner.later(() => ran.push('b'));
    expect(ran).toEqual([]);
    advance(100); // 500 ms after the first step was queued
    expect(ran).toEqual(['a', 'b']);
  });

  it('a scan with nothing waiting arms nothing, and a failing step does not stop the next', () => {
    const { timers, advance } = handTimers();
    const runner = createQuietRunner(timers, 150, 500);
    const ran: string[] = [];
    runner.touch();
    advance(1_000);
    runner.later(() => {
      throw new Error('hub down');
    });
    runner.later(() => ran.push('after'));
    advance(150);
    expect(ran).toEqual(['after']);
  });
});
