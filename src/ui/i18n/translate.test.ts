import { describe, expect, it } from 'vitest';
import { catalogs } from './catalog.ts';
import { formatNumber, plural, translate } from './translate.ts';

describe('plurals', () => {
  it('uses the three Russian forms', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 100].map((n) => plural('ru', 'tickets', n))).toEqual([
      '1 билет', '2 билета', '5 билетов', '11 билетов', '21 билет', '22 билета', '25 билетов', '100 билетов',
    ]);
  });

  it('uses the genitive after "из": из 1 билета, из 21 билета, из 5 билетов', () => {
    expect([1, 2, 5, 11, 21, 50, 312].map((n) => plural('ru', 'ticketsOf', n))).toEqual([
      '1 билета', '2 билетов', '5 билетов', '11 билетов', '21 билета', '50 билетов', '312 билетов',
    ]);
    expect(plural('en', 'ticketsOf', 1)).toBe('1 ticket');
    expect(plural('en', 'ticketsOf', 312)).toBe('312 tickets');
  });

  it('uses English one/other', () => {
    expect(plural('en', 'tickets', 1)).toBe('1 ticket');
    expect(plural('en', 'tickets', 21)).toBe('21 tickets');
  });
});

describe('translate', () => {
  it('fills placeholders and groups thousands with a thin space', () => {
    expect(translate('ru', 'setup.downloading', { done: 1, total: 3 })).toBe('Загрузка: 1 из 3');
    expect(formatNumber(100000, 'ru')).toBe('100\u202f000');
    expect(plural('ru', 'tickets', 100000)).toBe('100\u202f000 билетов');
  });

  it('has every Russian message in English too, with the same placeholders', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.ru).sort());
    for (const key of Object.keys(catalogs.ru) as (keyof typeof catalogs.ru)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(catalogs.en[key]), key).toEqual(names(catalogs.ru[key]));
    }
  });
});
