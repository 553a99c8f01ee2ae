// A failed call in the person's language: our words, the status, the server's words only quoted.
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../state/errors.ts';
import type { MessageArgs, MessageKey } from '../i18n/catalog.ts';
import { translate } from '../i18n/translate.ts';
import { describeApiError, describeShowError } from './describe.ts';

const inLocale = (locale: 'ru' | 'en') => <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => translate(locale, key, params[0]);
const ru = inLocale('ru');
const en = inLocale('en');
const http = (status: number, message = `HTTP ${status}`): ApiError => ({ kind: 'http', status, message });

describe('describeApiError', () => {
  it('names a wrong token and its status in both languages', () => {
    expect(describeApiError(ru, http(401))).toBe('Сервер отказал: неверный токен API (HTTP 401)');
    expect(describeApiError(en, http(401))).toBe('Server refused: wrong API token (HTTP 401)');
  });

  it('shows an unknown show as 404 with the server words when there are any', () => {
    expect(describeApiError(en, http(404))).toBe('Not found on the server (HTTP 404)');
    expect(describeApiError(ru, http(404, 'Resource "Show" not found'))).toBe('Не найдено на сервере: Resource "Show" not found (HTTP 404)');
  });

  it('tells offline, upstream outage and captive portal apart', () => {
    expect(describeApiError(ru, { kind: 'network', message: 'Failed to fetch' })).toBe('Нет связи с сервером');
    expect(describeApiError(ru, http(502, 'UPSTREAM_UNREACHABLE'))).toBe('Сервер Qtickets недоступен (HTTP 502)');
    expect(describeApiError(ru, { kind: 'not_gateway', status: 200 })).toBe('Сеть требует входа (страница Wi-Fi?) (HTTP 200)');
    expect(describeApiError(en, { kind: 'timeout' })).toBe('The server did not answer in time');
  });

  it('names the status Qtickets gave when the gateway had to wrap its HTML page', () => {
    expect(describeApiError(ru, { kind: 'http', status: 502, message: 'Qtickets answered HTTP 404 with text/html, not JSON', upstreamStatus: 404 })).toMatch(/^Не найдено на сервере.*\(HTTP 404\)$/);
  });

  it('names the status of a garbled answer and of other refusals', () => {
    expect(describeApiError(en, { kind: 'bad_response', status: 200, message: 'x' })).toContain('(HTTP 200)');
    expect(describeApiError(en, http(422, 'checked_at is invalid'))).toBe('Server refused: checked_at is invalid (HTTP 422)');
    expect(describeApiError(en, http(503, 'Unknown error'))).toBe('Server error: Unknown error (HTTP 503)');
  });

  it('shortens a long server message', () => {
    const text = describeApiError(en, http(400, 'x'.repeat(1000)));
    expect(text.length).toBeLessThan(220);
    expect(text).toMatch(/… \(HTTP 400\)$/);
  });

  it('names a show by its title, never its id', () => {
    expect(describeShowError(ru, 'Щелкунчик', http(403))).toBe('«Щелкунчик»: Сервер отказал: у токена API нет доступа (HTTP 403)');
  });
});
