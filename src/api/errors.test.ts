import { describe, expect, it } from 'vitest';
import { isAuthError, isNotFound, isRetryable, parseRetryAfter, technicalDetail, type ApiError } from './errors.ts';

const http = (status: number, message = `HTTP ${status}`): ApiError => ({ kind: 'http', status, message });

describe('isRetryable', () => {
  it.each<[ApiError, boolean]>([
    [{ kind: 'network', message: 'Failed to fetch' }, true],
    [{ kind: 'timeout' }, true],
    [{ kind: 'not_gateway', status: 200 }, true],
    [{ kind: 'bad_response', status: 200, message: 'html' }, true],
    [{ kind: 'aborted' }, false],
    [http(408), true],
    [http(429), true],
    [http(500), true],
    [http(502), true],
    [http(503), true],
    [http(504), true],
    [http(400), false],
    [http(401), false],
    [http(403), false],
    [http(404), false],
    [http(409), false],
    [http(413), false],
    [http(422), false],
  ])('%j → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('isAuthError', () => {
  it('is true for 401 and 403 only', () => {
    expect(isAuthError(http(401))).toBe(true);
    expect(isAuthError(http(403))).toBe(true);
    expect(isAuthError(http(404))).toBe(false);
    expect(isAuthError({ kind: 'not_gateway', status: 401 })).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-29T16:00:00Z');
  it('reads delta-seconds', () => expect(parseRetryAfter('30', now)).toBe(30_000));
  it('reads an HTTP-date', () => expect(parseRetryAfter('Tue, 29 Dec 2026 16:00:45 GMT', now)).toBe(45_000));
  it('never goes negative for a date in the past', () => expect(parseRetryAfter('Tue, 29 Dec 2026 15:00:00 GMT', now)).toBe(0));
  it('ignores garbage and absence', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('technicalDetail', () => {
  it('gives the status Qtickets gave and its words, short, for quoting behind our own', () => {
    expect(technicalDetail(http(404, 'Resource "Show" not found'))).toBe('HTTP 404: Resource "Show" not found');
    expect(technicalDetail(http(405))).toBe('HTTP 405');
    expect(technicalDetail({ kind: 'http', status: 502, message: 'Qtickets answered HTTP 404 with text/html, not JSON', upstreamStatus: 404 })).toMatch(/^HTTP 404: /);
    expect(technicalDetail(http(400, 'x'.repeat(1000))).length).toBe(200);
    expect(technicalDetail({ kind: 'timeout' })).toBe('timeout');
  });
});

describe('isNotFound', () => {
  it('is a JSON 404 from Qtickets only: not the gateway refusing a path, not an HTML 404 relayed as 502', () => {
    expect(isNotFound({ kind: 'http', status: 404, message: 'Resource "Barcode" not found', code: 'RESOURCE_NOT_FOUND' })).toBe(true);
    expect(isNotFound({ kind: 'http', status: 404, message: 'Kontrol does not forward this API path', code: 'NOT_FOUND' })).toBe(false);
    expect(isNotFound({ kind: 'http', status: 502, message: 'Qtickets answered HTTP 404 with text/html, not JSON', upstreamStatus: 404 })).toBe(false);
    expect(isNotFound({ kind: 'timeout' })).toBe(false);
  });
});
