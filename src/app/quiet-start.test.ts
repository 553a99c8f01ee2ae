import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quietStart } from './quiet-start.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('quietStart', () => {
  it('holds work asked for in the first seconds until they are over, and runs it once', () => {
    const later = quietStart(5_000);
    const sweep = vi.fn();
    later(sweep);
    vi.advanceTimersByTime(2_000);
    later(sweep); // asked again during the quiet start: still one run
    vi.advanceTimersByTime(2_999);
    expect(sweep).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(sweep).toHaveBeenCalledTimes(1);
  });

  it('keeps different work apart', () => {
    const later = quietStart(1_000);
    const deliver = vi.fn();
    const sweep = vi.fn();
    later(deliver);
    later(sweep);
    vi.advanceTimersByTime(1_000);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(sweep).toHaveBeenCalledTimes(1);
  });

  it('runs work at once after the quiet start, every time it is asked', () => {
    const later = quietStart(1_000);
    vi.advanceTimersByTime(1_000);
    const sweep = vi.fn();
    later(sweep);
    later(sweep);
    expect(sweep).toHaveBeenCalledTimes(2);
  });
});
