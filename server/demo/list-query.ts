// `where`, `orderBy`, `page`, `perPage` and `select` of Qtickets list endpoints, applied in
// memory. Anything malformed throws QueryError; the server answers it the way Qtickets answered
// a malformed request in real traffic (503 UNKNOWN_ERROR).
import type { ApiRecord } from './seed.ts';

export class QueryError extends Error {}

export interface ListParams {
  where?: unknown;
  orderBy?: unknown;
  page?: unknown;
  perPage?: unknown;
  select?: unknown;
}

export interface Page {
  data: ApiRecord[];
  paging: { perPage: number; currentPage: number; total: number };
}

const OPERATORS = new Set(['=', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'null', 'not null']);

export function listPage(records: readonly ApiRecord[], params: ListParams, defaultPerPage: number): Page {
  const columns = new Set(records.flatMap((r) => Object.keys(r)));
  const filtered = records.filter(matcher(params.where, columns));
  const sorted = sort(filtered, params.orderBy, columns);
  const perPage = positiveInt(params.perPage, defaultPerPage, 1000);
  const currentPage = positiveInt(params.page, 1, Number.MAX_SAFE_INTEGER);
  const slice = sorted.slice((currentPage - 1) * perPage, currentPage * perPage);
  const select = selection(params.select);
  return {
    data: select ? slice.map((r) => pickFields(r, select)) : slice,
    paging: { perPage, currentPage, total: filtered.length },
  };
}

/** `select` as a list of field names, or null when absent. */
export function selection(select: unknown): string[] | null {
  if (select === undefined || select === null) return null;
  if (!Array.isArray(select) || !select.every((s) => typeof s === 'string')) {
    throw new QueryError('select must be an array of strings');
  }
  return select;
}

export function pickFields<T extends object>(record: T, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (Object.hasOwn(record, field)) out[field] = (record as Record<string, unknown>)[field];
  }
  return out;
}

function positiveInt(value: unknown, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new QueryError('Not a positive integer');
  return Math.min(n, max);
}

function matcher(where: unknown, columns: Set<string>): (r: ApiRecord) => boolean {
  if (where === undefined || where === null) return () => true;
  if (!Array.isArray(where)) throw new QueryError('where must be an array');
  const tests = where.map((clause: unknown) => {
    if (typeof clause !== 'object' || clause === null) throw new QueryError('Bad where clause');
    const { column, operator = '=', value } = clause as { column?: unknown; operator?: unknown; value?: unknown };
    if (typeof column !== 'string' || !columns.has(column)) throw new QueryError('Unknown column');
    if (typeof operator !== 'string' || !OPERATORS.has(operator)) throw new QueryError('Unknown operator');
    if ((operator === 'in' || operator === 'not in') && !Array.isArray(value)) {
      throw new QueryError('in needs an array');
    }
    return (r: ApiRecord) => test(r[column], operator, value);
  });
  return (r) => tests.every((t) => t(r));
}

function test(actual: unknown, operator: string, value: unknown): boolean {
  switch (operator) {
    case 'null':
      return actual === null || actual === undefined;
    case 'not null':
      return actual !== null && actual !== undefined;
    case 'in':
      return (value as unknown[]).some((v) => compare(actual, v) === 0);
    case 'not in':
      return !(value as unknown[]).some((v) => compare(actual, v) === 0);
  }
  // SQL semantics: comparing NULL with anything is never true.
  if (actual === null || actual === undefined || value === null || value === undefined) return false;
  const c = compare(actual, value);
  switch (operator) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** Loose, MySQL-like comparison: booleans and numeric strings compare as numbers, dates as instants. */
export function compare(a: unknown, b: unknown): number {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== null && nb !== null) return na - nb;
  const da = asDate(a);
  const db = asDate(b);
  if (da !== null && db !== null) return da - db;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return null;
}

function asDate(v: unknown): number | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return null;
  const t = Date.parse(v.length === 19 ? v.replace(' ', 'T') : v);
  return Number.isNaN(t) ? null : t;
}

function sort(records: ApiRecord[], orderBy: unknown, columns: Set<string>): ApiRecord[] {
  // Without orderBy Qtickets answered oldest first; ids grow with creation time.
  let keys: [string, 1 | -1][] = [['id', 1]];
  if (orderBy !== undefined && orderBy !== null) {
    if (typeof orderBy !== 'object' || Array.isArray(orderBy)) throw new QueryError('orderBy must be an object');
    keys = Object.entries(orderBy).map(([column, direction]) => {
      if (!columns.has(column)) throw new QueryError('Unknown order column');
      const dir = String(direction).toLowerCase();
      if (dir !== 'asc' && dir !== 'desc') throw new QueryError('Bad order direction');
      return [column, dir === 'asc' ? 1 : -1];
    });
  }
  return [...records].sort((x, y) => {
    for (const [column, dir] of keys) {
      const c = nullsFirstCompare(x[column], y[column]);
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

function nullsFirstCompare(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? -1 : 1;
  return compare(a, b);
}
