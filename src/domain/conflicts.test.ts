import { describe, expect, it } from 'vitest';
import { judgeServerView, nextCheckAt, otherCameFirst, RECHECK_AFTER_MS } from './conflicts.ts';

describe('judging the server view of our admission', () => {
  const ours = '2026-12-29T19:03:12+03:00';

  it('calls an earlier server time from elsewhere a double entry, across offsets', () => {
    expect(judgeServerView(ours, '2026-12-29T19:01:00+03:00')).toBe('conflict');
    expect(judgeServerView(ours, '2026-12-29T16:03:11Z')).toBe('conflict');
  });

  it('calls a later server time a double entry too: another device delivered after us, or the server keeps the first it received', () => {
    expect(judgeServerView(ours, '2026-12-29T19:05:00+03:00')).toBe('conflict');
    expect(judgeServerView(ours, '2026-12-29T16:03:13Z')).toBe('conflict');
  });

  it('takes the same second as our own record echoed back', () => {
    expect(judgeServerView(ours, '2026-12-29T16:03:12Z')).toBe('ours');
    expect(judgeServerView(ours, '2026-12-29T19:03:12.900+03:00')).toBe('ours');
  });

  it('sees nothing when the server has no time or an unreadable one', () => {
    expect(judgeServerView(ours, null)).toBe('nothing');
    expect(judgeServerView(ours, 'garbage')).toBe('nothing');
    expect(judgeServerView('garbage', '2026-12-29T19:01:00+03:00')).toBe('nothing');
  });

  it('tells whether the other admission came first', () => {
    expect(otherCameFirst({ localCheckedAt: ours, serverCheckedAt: '2026-12-29T19:01:00+03:00' })).toBe(true);
    expect(otherCameFirst({ localCheckedAt: ours, serverCheckedAt: '2026-12-29T16:05:00Z' })).toBe(false);
  });
});

describe('watching an admission that looked clean', () => {
  it('looks at once after delivery, then after growing pauses, and stops after the last', () => {
    expect(nextCheckAt(undefined)).toBe(0);
    expect(nextCheckAt({ checks: 1, lastCheckAt: 1_000 })).toBe(1_000 + 30_000);
    expect(nextCheckAt({ checks: 2, lastCheckAt: 1_000 })).toBe(1_000 + 120_000);
    const pauses = RECHECK_AFTER_MS.map((_, i) => nextCheckAt({ checks: i + 1, lastCheckAt: 0 })!);
    expect(pauses).toEqual([...pauses].sort((a, b) => a - b));
    expect(nextCheckAt({ checks: RECHECK_AFTER_MS.length + 1, lastCheckAt: 0 })).toBeNull();
    // The whole watch ends within the night's horizon of a day.
    expect(pauses.reduce((a, b) => a + b, 0)).toBeLessThan(24 * 3_600_000);
  });
});
