import { describe, expect, it } from 'vitest';
import { bearerToken, clientAddress, parseTrustProxy, tokenFingerprint } from './gateway-identity.ts';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc123', 'abc123'],
    ['bearer abc123', 'abc123'],
    ['Bearer \t abc123  ', 'abc123'],
    ['Bearer  odd value', 'odd value'],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([undefined, '', 'Bearer', 'Bearer   ', 'Basic dXNlcjpwYXNz', 'abc123', 'Bearerabc123', 'Token abc123'])('refuses %j', (header) => {
    expect(bearerToken(header)).toBeNull();
  });
});

describe('tokenFingerprint', () => {
  it('is 16 hex digits of SHA-256, stable, distinct per token, and holds nothing of the token', () => {
    const fp = tokenFingerprint('secret-token-ABC123');
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fp).toBe(tokenFingerprint('secret-token-ABC123'));
    expect(fp).not.toBe(tokenFingerprint('secret-token-ABC124'));
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(tokenFingerprint('abc')).toBe('ba7816bf8f01cfea');
  });
});

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('192.0.2.10', '10.0.0.1', 0)).toBe('192.0.2.10');
    expect(clientAddress(undefined, '10.0.0.1', 0)).toBe('unknown');
  });

  it('with N trusted hops is the Nth X-Forwarded-For entry from the right', () => {
    expect(clientAddress('127.0.0.1', '10.0.0.1', 1)).toBe('10.0.0.1');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 10.0.0.1', 1)).toBe('10.0.0.1'); // the client wrote 6.6.6.6 itself
    expect(clientAddress('127.0.0.1', '6.6.6.6, 10.0.0.1, 172.16.0.2', 2)).toBe('10.0.0.1');
    expect(clientAddress('127.0.0.1', ['6.6.6.6', '10.0.0.1'], 1)).toBe('10.0.0.1');
    expect(clientAddress('127.0.0.1', '2001:db8::1', 1)).toBe('2001:db8::1');
  });

  it('falls back to the socket address when the header is missing, empty or not an address', () => {
    expect(clientAddress('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ' , ', 1)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', 'evil.example', 1)).toBe('127.0.0.1');
  });

  it('with fewer entries than hops takes the leftmost', () => {
    expect(clientAddress('127.0.0.1', '10.0.0.1', 3)).toBe('10.0.0.1');
  });
});

describe('parseTrustProxy', () => {
  it('reads a hop count; unset or empty trusts nobody', () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy('')).toBe(0);
    expect(parseTrustProxy('0')).toBe(0);
    expect(parseTrustProxy(' 1 ')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
  });

  it.each(['true', 'yes', '-1', '1.5', 'loopback'])('refuses %j instead of guessing', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});
