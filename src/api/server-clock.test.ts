import { describe, expect, it } from 'vitest';
import { clockFromDateHeader, probeServerClock } from './server-clock.ts';

describe('server clock from the Date header', () => {
  it('measures how far the device is behind or ahead, from the middle of the round trip', () => {
    const server = Date.parse('Mon, 29 Dec 2026 16:00:00 GMT');
    // The device thinks it is three minutes earlier.
    const sent = server - 180_000 - 100;
    const reading = clockFromDateHeader('Mon, 29 Dec 2026 16:00:00 GMT', sent, sent + 200);
    expect(reading?.offsetMs).toBe(180_000 + 500);
    expect(reading?.roundTripMs).toBe(200);
  });

  it('gives nothing for a missing or broken header', () => {
    expect(clockFromDateHeader(null, 0, 1)).toBeNull();
    expect(clockFromDateHeader('yesterday', 0, 1)).toBeNull();
  });

  it('gives nothing when the server cannot be reached', async () => {
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await probeServerClock(offline)).toBeNull();
  });
});
