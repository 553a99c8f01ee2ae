import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, BACKOFF_MAX_MS } from './backoff.ts';
import type { FlushResult } from './flush.ts';
import { createSyncLoop, type SyncState } from './loop.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const done: FlushResult = { outcome: 'done', delivered: 1, rejected: 0, conflicts: 0, nextConfirmAt: null };
const retry = (retryAfterMs?: number): FlushResult => ({ outcome: 'retry', delivered: 0, rejected: 0, conflicts: 0, nextConfirmAt: null, problem: 'server', message: 'HTTP 503', status: 503, retryAfterMs });

function harness(results: FlushResult[]) {
  const states: SyncState[] = [];
  let calls = 0;
  let running = 0;
  let overlapped = false;
  const loop = createSyncLoop({
    flush: async () => {
      running += 1;
      if (running > 1) overlapped = true;
      await new Promise((r) => setTimeout(r, 10));
      running -= 1;
      return results[Math.min(calls++, results.length - 1)]!;
    },
    onState: (s) => states.push(s),
    withLock: (fn) => fn(),
    random: () => 1,
    debounceMs: 100,
    idlePollMs: 60_000,
  });
  return { loop, states, calls: () => calls, overlapped: () => overlapped };
}

describe('sync loop', () => {
  it('dates the last delivery only from a pass that delivered something, not from an empty one', async () => {
    const empty: FlushResult = { ...done, delivered: 0 };
    const h = harness([empty, retry(), done]);
    h.loop.kick();
    await vi.advanceTimersByTimeAsync(120);
    expect(h.states.at(-1)).toMatchObject({ status: 'idle', lastDeliveredAt: null });
    expect(h.states.at(-1)?.lastSuccessAt).not.toBeNull();
    h.loop.kick();
    await vi.advanceTimersByTimeAsync(120);
    expect(h.states.at(-1)).toMatchObject({ status: 'waiting', lastDeliveredAt: null });
    await vi.advanceTimersByTimeAsync(1_200);
    expect(h.states.at(-1)?.status).toBe('idle');
    expect(h.states.at(-1)?.lastDeliveredAt).toEqual(expect.any(Number));
    h.loop.stop();
  });

  it('backs off exponentially after failures and recovers', async () => {
    const h = harness([retry(), retry(), retry(), done]);
    h.loop.kick();
    await vi.advanceTimersByTimeAsync(120);
    expect(h.calls()).toBe(1);
    expect(h.states.at(-1)).toMatchObject({ status: 'waiting', failures: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(h.calls()).toBe(2); // second back-off is 2 s
    await vi.advanceTimersByTimeAsync(600);
    expect(h.calls()).toBe(3);
    await vi.advanceTimersByTimeAsync(4_100);
    expect(h.calls()).toBe(4);
    expect(h.states.at(-1)).toMatchObject({ status: 'idle' });
    h.loop.stop();
  });

  it('honours Retry-After even when kicked', async () => {
    const h = harness([retry(30_000), done]);
    h.loop.kick();
    await vi.advanceTimersByTimeAsync(120);
    h.loop.kick();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(21_000);
    expect(h.calls()).toBe(2);
    h.loop.stop();
  });

  it('never runs two flushes at once', async () => {
    const h = harness([done]);
    await Promise.all([h.loop.flushNow(), h.loop.flushNow(), vi.advanceTimersByTimeAsync(100)]);
    expect(h.calls()).toBe(2);
    expect(h.overlapped()).toBe(false);
    h.loop.stop();
  });

  it('keeps pace with a steady stream of admissions instead of waiting for a quiet moment', async () => {
    const h = harness([done]);
    // An admission every 50 ms for 3 s: a trailing debounce would never fire.
    for (let i = 0; i < 60; i++) {
      h.loop.kick();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(h.calls()).toBeGreaterThanOrEqual(10);
    h.loop.stop();
  });

  it('comes back for a read-back when records wait for confirmation', async () => {
    const h = harness([{ ...done, nextConfirmAt: Date.now() + 2_000 }, done]);
    h.loop.kick();
    await vi.advanceTimersByTimeAsync(120);
    expect(h.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(h.calls()).toBe(2);
    h.loop.stop();
  });

  it('waits for a person after an auth failure', async () => {
    const h = harness([{ outcome: 'auth', delivered: 0, rejected: 0, conflicts: 0, message: 'HTTP 401', status: 401 }]);
    h.loop.kick();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(h.calls()).toBe(1);
    expect(h.states.at(-1)).toMatchObject({ status: 'auth_error', status_code: 401 });
    h.loop.stop();
  });
});

describe('backoffDelay', () => {
  it('grows to a ceiling and jitters below it', () => {
    expect(backoffDelay(1, () => 1)).toBe(1_000);
    expect(backoffDelay(3, () => 1)).toBe(4_000);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(30, () => 0)).toBe(500);
  });
});
