import { describe, expect, it } from 'vitest';
import { afterWrongPin, hashPin, isValidPin, NO_THROTTLE, pinDelayMs, verifyPin } from './pin.ts';

describe('kiosk PIN', () => {
  it('stores a salted hash, never the PIN, and accepts only the right PIN', async () => {
    const stored = await hashPin('4921', 1000);
    expect(JSON.stringify(stored)).not.toContain('4921');
    expect(await verifyPin('4921', stored)).toBe(true);
    expect(await verifyPin('4922', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('salts each hash: the same PIN on two tablets gives two different hashes', async () => {
    const a = await hashPin('1234', 1000);
    const b = await hashPin('1234', 1000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('uses at least 100 000 PBKDF2 iterations by default', async () => {
    expect((await hashPin('0000')).iterations).toBeGreaterThanOrEqual(100_000);
  });

  it('accepts 4 to 8 digits only', () => {
    expect(isValidPin('1234')).toBe(true);
    expect(isValidPin('12345678')).toBe(true);
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('12a4')).toBe(false);
  });

  it('slows wrong PINs down exponentially after three free tries, capped', () => {
    expect([1, 2, 3, 4, 5, 6].map(pinDelayMs)).toEqual([0, 0, 2000, 4000, 8000, 16000]);
    expect(pinDelayMs(40)).toBe(15 * 60 * 1000);
    let throttle = NO_THROTTLE;
    for (let i = 0; i < 4; i++) throttle = afterWrongPin(throttle, 1_000_000);
    expect(throttle).toEqual({ failures: 4, notBefore: 1_004_000 });
  });
});
