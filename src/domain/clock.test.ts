import { describe, expect, it } from 'vitest';
import { estimateClock, MAX_SKEW_MS, skewOf } from './clock.ts';

describe('device clock error', () => {
  it('reads server minus device from one exchange, allowing for the truncated header', () => {
    expect(skewOf({ serverMs: 100_000, sentAt: 100_000, receivedAt: 101_000 })).toBe(0);
    expect(skewOf({ serverMs: 400_000, sentAt: 100_000, receivedAt: 100_000 })).toBe(300_500);
  });

  it('leaves the time alone within two minutes and corrects it beyond, in whole seconds', () => {
    expect(estimateClock([])).toEqual({ skewMs: null, correctionMs: 0 });
    expect(estimateClock([MAX_SKEW_MS - 1000])).toEqual({ skewMs: MAX_SKEW_MS - 1000, correctionMs: 0 });
    expect(estimateClock([-300_400])).toEqual({ skewMs: -300_400, correctionMs: -300_000 });
  });

  it('takes the median of the recent samples, so one slow answer does not swing it', () => {
    expect(estimateClock([300_000, 300_200, 5_000_000, 299_800, 300_100]).correctionMs).toBe(300_000);
    // Only the last five count: the clock was fixed by the person since.
    expect(estimateClock([900_000, 900_000, 900_000, 0, 0, 0, 0, 0]).correctionMs).toBe(0);
  });
});
