import { describe, expect, it } from 'vitest';
import { effectiveMode, offlineWhy, initialAuto, nextAuto, SLOW_MS, type AutoState, type CallSample } from './connectivity.ts';

const ok: CallSample = { ok: true, ms: 120 };
const err: CallSample = { ok: false, ms: 50 };
const slow: CallSample = { ok: true, ms: SLOW_MS + 1 };
const feed = (state: AutoState, samples: CallSample[]) => samples.reduce(nextAuto, state);

describe('automatic online/offline mode', () => {
  it('stays online through an occasional error', () => {
    expect(feed(initialAuto, [ok, err, ok, err, ok]).effective).toBe('online');
  });

  it('goes offline after repeated errors or slow answers in the last five', () => {
    expect(feed(initialAuto, [err, ok, slow, ok, err]).effective).toBe('offline');
    expect(feed(initialAuto, [slow, slow, slow]).effective).toBe('offline');
  });

  it('comes back after three clean answers in a row, with a fresh window', () => {
    const down = feed(initialAuto, [err, err, err]);
    expect(feed(down, [ok, ok]).effective).toBe('offline');
    expect(feed(down, [ok, slow, ok, ok]).effective).toBe('offline');
    const back = feed(down, [ok, ok, ok]);
    expect(back).toEqual({ effective: 'online', samples: [] });
    expect(feed(back, [err, err]).effective).toBe('online');
  });

  it('lets a forced mode win, and the browser being offline win over all', () => {
    const down = feed(initialAuto, [err, err, err]);
    expect(effectiveMode('auto', down, true)).toBe('offline');
    expect(effectiveMode('online', down, true)).toBe('online');
    expect(effectiveMode('offline', initialAuto, true)).toBe('offline');
    expect(effectiveMode('online', initialAuto, false)).toBe('offline');
  });

  it('says why it is offline: no network, Qtickets failing while the network is up, or chosen', () => {
    const down = feed(initialAuto, [err, err, err]);
    expect(offlineWhy('auto', down, true)).toBe('server');
    expect(offlineWhy('auto', down, false)).toBe('no_network');
    expect(offlineWhy('offline', initialAuto, true)).toBe('chosen');
    expect(offlineWhy('auto', initialAuto, true)).toBeNull();
    expect(offlineWhy('online', down, true)).toBeNull();
  });
});
