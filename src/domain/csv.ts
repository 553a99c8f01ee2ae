// CSV that Excel opens right in a Russian locale: UTF-8 with a BOM (without it Excel reads
// Cyrillic as cp1251 mojibake), `;` between fields (Russian Excel's list separator; with `,` the
// whole line lands in one column), CRLF line ends. No `sep=;` line: Excel then ignores the BOM.

export const CSV_BOM = '\uFEFF';

/** A cell Excel must show exactly as written (long digit codes would become 8,7E+11). */
export interface CsvText {
  text: string;
}
export type CsvCell = string | number | CsvText | null;

/** A cell starting with these is run as a formula by spreadsheets (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') {
    // ="…" is Excel's way to keep digits as text; only ever built from plain digits.
    if (/^\d+$/.test(cell.text)) return `="${cell.text}"`;
    return field(cell.text);
  }
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(field).join(';'), ...rows.map((r) => r.map(field).join(';'))];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** Local wall time as spreadsheets read it: 2026-12-29 19:03:12. */
export function spreadsheetTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
