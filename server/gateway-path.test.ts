import { describe, expect, it } from 'vitest';
import { parseGatewayPath, upstreamPath } from './gateway-path.ts';

describe('parseGatewayPath', () => {
  it('passes plain API paths through', () => {
    expect(parseGatewayPath('/api/rest/v1/events')).toEqual({ ok: true, remainder: 'events' });
    expect(parseGatewayPath('/api/rest/v1/shows/1001/barcode/871495495233')).toEqual({
      ok: true,
      remainder: 'shows/1001/barcode/871495495233',
    });
    expect(parseGatewayPath('/api/rest/v1/promo-codes')).toEqual({ ok: true, remainder: 'promo-codes' });
  });

  it.each([
    '/api/rest/v1/',
    '/api/rest/v1/../secret',
    '/api/rest/v1/events/../../x',
    '/api/rest/v1/./events',
    '/api/rest/v1/%2e%2e/x',
    '/api/rest/v1/%2E%2E/x',
    '/api/rest/v1/events%2f..%2fx',
    '/api/rest/v1/events\\..\\x',
    '/api/rest/v1//evil.example/x',
    '/api/rest/v1/events/',
    '/api/rest/v1/@evil.example',
    '/api/rest/v1/evil.example:443/x',
    '/api/rest/v1/%65vents',
    '/api/rest/v2/events',
    '/api/rest/v1events',
  ])('refuses %s', (path) => {
    expect(parseGatewayPath(path).ok).toBe(false);
  });

  it('joins the upstream base path without doubling slashes', () => {
    expect(upstreamPath('/api/rest/v1', 'events')).toBe('/api/rest/v1/events');
    expect(upstreamPath('/api/rest/v1/', 'events')).toBe('/api/rest/v1/events');
  });
});
