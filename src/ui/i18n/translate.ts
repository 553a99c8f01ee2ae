// Message lookup with {placeholders} and plurals. Russian has three forms (1 билет, 2 билета,
// 5 билетов; 21 билет); Intl.PluralRules names them one / few / many. Numbers get a thin space
// for thousands (100 000) as Russian typography wants.
import { catalogs, type MessageKey } from './catalog.ts';

export type Locale = 'ru' | 'en';
export const LOCALES: Locale[] = ['ru', 'en'];
const dictionaries: Record<Locale, Record<MessageKey, string>> = catalogs;

export type Params = Record<string, string | number>;
export type PluralNoun = 'tickets' | 'checkins';

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB').format(n).replace(/\u00a0/g, '\u202f');
}

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = dictionaries[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

export function plural(locale: Locale, noun: PluralNoun, count: number): string {
  const category = new Intl.PluralRules(locale === 'ru' ? 'ru-RU' : 'en-GB').select(count);
  const form = category === 'one' ? 'one' : category === 'few' ? 'few' : 'many';
  return translate(locale, `${noun}.${form}` as MessageKey, { count });
}

export function formatTime(iso: string | number, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleTimeString(locale === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}
