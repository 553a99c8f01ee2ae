import { describe, expect, it } from 'vitest';
import { buildSetupLink, parseSetupLink } from './setup.ts';

describe('setup link with kiosk flags', () => {
  it('keeps the plain link as before', () => {
    expect(parseSetupLink('#/setup?token=abc&shows=1001,1002')).toEqual({ token: 'abc', showIds: [1001, 1002] });
    expect(parseSetupLink('#/setup?token=abc')).toBe('incomplete');
    expect(parseSetupLink('#/')).toBeNull();
  });

  it('reads the kiosk flag with its PIN', () => {
    expect(parseSetupLink('#/setup?token=abc&shows=1001&kiosk=1&pin=4921')).toEqual({ token: 'abc', showIds: [1001], kiosk: { pin: '4921' } });
  });

  it('refuses a kiosk link without a usable PIN instead of locking a device nobody can unlock', () => {
    expect(parseSetupLink('#/setup?token=abc&shows=1001&kiosk=1')).toBe('kiosk_pin_missing');
    expect(parseSetupLink('#/setup?token=abc&shows=1001&kiosk=1&pin=')).toBe('kiosk_pin_missing');
    expect(parseSetupLink('#/setup?token=abc&shows=1001&kiosk=1&pin=12')).toBe('kiosk_pin_bad');
  });

  it('builds a link that reads back the same, with the token only after #', () => {
    const token = 'tök+en/with&odd=chars';
    const url = buildSetupLink('https://door.example.org/#/device/add', { token, showIds: [1001, 1003], kiosk: { pin: '0042' } });
    expect(url.startsWith('https://door.example.org/#/setup?')).toBe(true);
    expect(url.split('#')[0]).not.toContain('tök');
    expect(parseSetupLink(url.slice(url.indexOf('#')))).toEqual({ token, showIds: [1001, 1003], kiosk: { pin: '0042' } });
    expect(parseSetupLink(buildSetupLink('http://x/', { token: 't', showIds: [5] }).slice(9))).toEqual({ token: 't', showIds: [5] });
  });
});
