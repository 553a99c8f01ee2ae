import { describe, expect, it } from 'vitest';
import { judgeServerView } from './conflicts.ts';

describe('judging the server view of our admission', () => {
  const ours = '2026-12-29T19:03:12+03:00';

  it('calls an earlier server time from elsewhere a double entry, across offsets', () => {
    expect(judgeServerView(ours, '2026-12-29T19:01:00+03:00')).toBe('conflict');
    expect(judgeServerView(ours, '2026-12-29T16:03:11Z')).toBe('conflict');
  });

  it('takes the same second as our own record echoed back', () => {
    expect(judgeServerView(ours, '2026-12-29T16:03:12Z')).toBe('ours');
    expect(judgeServerView(ours, '2026-12-29T19:03:12.900+03:00')).toBe('ours');
  });

  it('asks again later when the server has nothing or only a later time', () => {
    expect(judgeServerView(ours, null)).toBe('not_yet');
    expect(judgeServerView(ours, '2026-12-29T19:05:00+03:00')).toBe('not_yet');
    expect(judgeServerView(ours, 'garbage')).toBe('not_yet');
  });
});
