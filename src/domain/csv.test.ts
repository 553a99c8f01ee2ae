import { describe, expect, it } from 'vitest';
import { CSV_BOM, spreadsheetTime, toCsv } from './csv.ts';

describe('CSV for Excel', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF, Cyrillic kept as UTF-8', () => {
    const csv = toCsv(['Время', 'Штрихкод'], [['19:03', 'Пётр']]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}Время;Штрихкод\r\n19:03;Пётр\r\n`);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv(['a'], [['Партер; ряд "6"\nместо 29']])).toBe(`${CSV_BOM}a\r\n"Партер; ряд ""6""\nместо 29"\r\n`);
  });

  it('keeps long digit codes as text and defuses formulas typed at the door', () => {
    const csv = toCsv(['code', 'x'], [[{ text: '870000000001' }, '=HYPERLINK("x")'], [{ text: '=1+1' }, '-5']]);
    expect(csv).toContain('="870000000001";');
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
    expect(csv).toContain("'=1+1;'-5");
  });

  it('writes times the way spreadsheets parse them', () => {
    expect(spreadsheetTime(new Date(2026, 11, 29, 19, 3, 12).getTime())).toBe('2026-12-29 19:03:12');
  });
});
