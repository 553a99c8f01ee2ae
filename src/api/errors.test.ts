import { describe, expect, it } from 'vitest';
import { describeError, isAuthError, isRetryable, parseRetryAfter, type ApiError } from './errors';

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

describe('describeError', () => {
  it('names a wrong token and its status in both languages', () => {
    expect(describeError(http(401), 'ru')).toBe('Сервер отказал: неверный токен API (HTTP 401)');
    expect(describeError(http(401), 'en')).toBe('Server refused: wrong API token (HTTP 401)');
  });

  it('shows an unknown show as 404 with the server words when there are any', () => {
    expect(describeError(http(404), 'en')).toBe('Not found on the server (HTTP 404)');
    expect(describeError(http(404, 'Resource "Show" not found'), 'ru')).toBe(
      'Не найдено на сервере: Resource "Show" not found (HTTP 404)',
    );
  });

  it('tells offline, upstream outage and captive portal apart', () => {
    expect(describeError({ kind: 'network', message: 'Failed to fetch' }, 'ru')).toBe('Нет связи с сервером');
    expect(describeError(http(502, 'UPSTREAM_UNREACHABLE'), 'ru')).toBe('Сервер Qtickets недоступен (HTTP 502)');
    expect(describeError({ kind: 'not_gateway', status: 200 }, 'ru')).toBe('Сеть требует входа (страница Wi-Fi?) (HTTP 200)');
    expect(describeError({ kind: 'timeout' }, 'en')).toBe('The server did not answer in time');
  });

  it('names the status of a garbled answer and of other refusals', () => {
    expect(describeError({ kind: 'bad_response', status: 200, message: 'x' }, 'en')).toContain('(HTTP 200)');
    expect(describeError(http(422, 'checked_at is invalid'), 'en')).toBe('Server refused: checked_at is invalid (HTTP 422)');
    expect(describeError(http(503, 'Unknown error'), 'en')).toBe('Server error: Unknown error (HTTP 503)');
  });

  it('shortens a long server message', () => {
    const text = describeError(http(400, 'x'.repeat(1000)), 'en');
    expect(text.length).toBeLessThan(220);
    expect(text).toMatch(/… \(HTTP 400\)$/);
  });
});
