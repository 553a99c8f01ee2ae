// Message lookup with {placeholders} and plurals. Russian has three forms (1 билет, 2 билета,
// 5 билетов; 21 билет); Intl.PluralRules names them one / few / many. Numbers get a thin space
// for thousands (100 000) as Russian typography wants.
import { catalogs, type MessageKey } from './catalog.ts';

export type Locale = 'ru' | 'en';
export const LOCALES: Locale[] = ['ru', 'en'];
const dictionaries: Record<Locale, Record<MessageKey, string>> = catalogs;

export type Params = Record<string, string | number>;
/** `ticketsOf`: the genitive after "из" (первые 50 из 21 билета / из 312 билетов). */
export type PluralNoun = 'tickets' | 'checkins' | 'ticketsOf' | 'people';

const tag = (locale: Locale) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/**
 * One formatter per locale and style, made once: building an Intl formatter costs far more than
 * using it, and the status bar and the door numbers format a dozen values after every scan
 * (3 ms per scan with the numbers open, in a CPU profile of 200 scans).
 */
function once<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let formatter = made.get(locale);
    if (formatter === undefined) made.set(locale, (formatter = make(locale)));
    return formatter;
  };
}
const numbers = once((locale) => new Intl.NumberFormat(tag(locale)));
const plurals = once((locale) => new Intl.PluralRules(tag(locale)));
const times = once((locale) => new Intl.DateTimeFormat(tag(locale), { hour: '2-digit', minute: '2-digit' }));
const secondsTimes = once((locale) => new Intl.DateTimeFormat(tag(locale), { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
const dateTimes = once((locale) => new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }));

export function formatNumber(n: number, locale: Locale): string {
  return numbers(locale).format(n).replace(/\u00a0/g, '\u202f');
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
  const category = plurals(locale).select(count);
  const form = category === 'one' ? 'one' : category === 'few' ? 'few' : 'many';
  return translate(locale, `${noun}.${form}` as MessageKey, { count });
}

/** 19:03:12: when two doors' admissions are compared, the minute is not enough. */
export function formatTimeSeconds(iso: string | number, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : secondsTimes(locale).format(date);
}

export function formatTime(iso: string | number, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return times(locale).format(date);
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimes(locale).format(date);
}
