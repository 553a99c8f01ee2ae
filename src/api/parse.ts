// Turning parsed JSON into the types of ./types. Each parser returns the whole answer or a
// bad_response; it never throws and never returns part of a list. An item missing its id or
// barcode refuses the whole answer rather than being dropped: sync marks codes missing from a
// pull as revoked, so a silently dropped ticket would turn a valid guest away.
// Unknown fields are ignored (events carry heavy scheme_properties and prices we do not need).

import * as v from 'valibot';
import type { ApiError } from './errors.ts';
import {
  countField,
  describeIssues,
  displayNumber,
  displayText,
  flagField,
  idField,
  nullableStringField,
} from './fields.ts';
import type { ApiEvent, ApiShow, ApiTicket, BarcodePage, BarcodeStatus, EventsPage, Paging } from './types.ts';

export { interpretBatchAnswer } from './batch.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const isDict = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** PHP serialises a list with holes as an object with numeric keys; read it as the list it is. */
const phpList = <T extends v.GenericSchema>(item: T, message: string) =>
  v.pipe(
    v.unknown(),
    v.transform((x) => {
      if (isDict(x)) {
        const keys = Object.keys(x);
        if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) return Object.values(x);
      }
      return x;
    }),
    v.array(item, message),
  );

// A date we only display and sort by: unreadable means unknown, not a broken answer.
const dateText = v.fallback(
  v.pipe(
    v.nullish(v.string(), null),
    v.transform((x) => (x === null || x.trim() === '' ? null : x.trim())),
  ),
  null,
);

const showSchema = v.pipe(
  v.object({
    id: idField,
    name: displayText,
    start_date: dateText,
    finish_date: dateText,
    open_date: dateText,
    deleted_at: nullableStringField,
    // A show the server lists without the flag is assumed active: hiding it could stop a door.
    is_active: flagField(true),
  }),
  v.transform(
    (s): ApiShow => ({
      id: s.id,
      name: s.name,
      startDate: s.start_date,
      finishDate: s.finish_date,
      openDate: s.open_date,
      deletedAt: s.deleted_at,
      isActive: s.is_active,
    }),
  ),
);

const eventSchema = v.pipe(
  v.object({
    id: idField,
    name: displayText,
    deleted_at: nullableStringField,
    is_active: flagField(true),
    place_name: displayText,
    shows: v.nullish(phpList(showSchema, 'expected a list of shows'), () => []),
  }),
  v.transform(
    (e): ApiEvent => ({
      id: e.id,
      name: e.name ?? '',
      deletedAt: e.deleted_at,
      isActive: e.is_active,
      placeName: e.place_name,
      shows: e.shows,
    }),
  ),
);

// Qtickets sends camelCase; Laravel's own paginator would say per_page/current_page. A paging
// object we cannot read refuses the answer: guessing "one page" could hide most of a list.
const pagingSchema = v.pipe(
  v.object({
    perPage: v.optional(countField),
    per_page: v.optional(countField),
    currentPage: v.optional(countField),
    current_page: v.optional(countField),
    total: countField,
  }),
  v.check(
    (p) => (p.perPage ?? p.per_page) !== undefined && (p.currentPage ?? p.current_page) !== undefined,
    'expected perPage and currentPage',
  ),
  v.transform(
    (p): Paging => ({
      perPage: p.perPage ?? p.per_page ?? 0,
      currentPage: p.currentPage ?? p.current_page ?? 0,
      total: p.total,
    }),
  ),
);

const barcodeField = v.pipe(
  v.union(
    [
      v.pipe(v.string(), v.trim(), v.minLength(1, 'empty barcode')),
      // Codes are long digit strings; a JSON number beyond 2^53 has already lost digits.
      v.pipe(v.number(), v.safeInteger('barcode number too large to be exact'), v.transform(String)),
    ],
    'expected a barcode (string or number)',
  ),
);

const ticketSchema = v.pipe(
  v.object({
    barcode: barcodeField,
    admission: v.fallback(flagField(false), false),
    price: displayNumber,
    seat_name: displayText,
    zone_name: displayText,
    row: displayText,
    place: displayText,
    client_name: displayText,
    client_surname: displayText,
    client_middlename: displayText,
  }),
  v.transform(
    (t): ApiTicket => ({
      code: t.barcode,
      admission: t.admission,
      price: t.price,
      seatName: t.seat_name,
      zoneName: t.zone_name,
      row: t.row,
      place: t.place,
      clientName: t.client_name,
      clientSurname: t.client_surname,
      clientMiddlename: t.client_middlename,
    }),
  ),
);

const checkedAtField = v.pipe(
  v.union([v.string(), v.null(), v.literal(false)], 'expected checked_at as a date or null'),
  v.transform((x) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null)),
);

const statusSchema = v.object({
  barcode: v.optional(barcodeField),
  // Required (null allowed): an answer without it tells us nothing about the scan state.
  checked_at: checkedAtField,
});

function bad(status: number, message: string): Parsed<never> {
  return { ok: false, error: { kind: 'bad_response', status, message } };
}

function run<S extends v.GenericSchema>(schema: S, input: unknown, status: number, what: string): Parsed<v.InferOutput<S>> {
  // abortEarly: one issue is enough to refuse, and a huge list of garbage must not build a huge report.
  const result = v.safeParse(schema, input, { abortEarly: true });
  return result.success ? { ok: true, value: result.output } : bad(status, `${what}: ${describeIssues(result.issues)}`);
}

/** A list answer: a bare array, or `{data: [...], paging?}`. */
function splitList(answer: unknown, status: number, what: string): Parsed<{ items: unknown; paging: Paging | null }> {
  if (Array.isArray(answer)) return { ok: true, value: { items: answer, paging: null } };
  if (!isDict(answer) || !('data' in answer)) return bad(status, `${what}: expected a list or {data: [...]}`);
  const rawPaging = answer.paging ?? answer.meta;
  if (rawPaging === undefined || rawPaging === null) return { ok: true, value: { items: answer.data, paging: null } };
  const paging = run(pagingSchema, rawPaging, status, `${what} paging`);
  return paging.ok ? { ok: true, value: { items: answer.data, paging: paging.value } } : paging;
}

const eventList = phpList(eventSchema, 'expected a list of events');
const ticketList = phpList(ticketSchema, 'expected a list of barcodes');

export function parseEventsPage(answer: unknown, status = 200): Parsed<EventsPage> {
  const split = splitList(answer, status, 'events');
  if (!split.ok) return split;
  const events = run(eventList, split.value.items, status, 'events');
  return events.ok ? { ok: true, value: { events: events.value, paging: split.value.paging } } : events;
}

export function parseBarcodePage(answer: unknown, status = 200): Parsed<BarcodePage> {
  const split = splitList(answer, status, 'barcodes');
  if (!split.ok) return split;
  const tickets = run(ticketList, split.value.items, status, 'barcodes');
  return tickets.ok ? { ok: true, value: { tickets: tickets.value, paging: split.value.paging } } : tickets;
}

/** `{barcode, checked_at}`, maybe wrapped in `{data: {...}}`; a missing barcode means the one asked about. */
export function parseBarcodeStatus(answer: unknown, requestedCode: string, status = 200): Parsed<BarcodeStatus> {
  const inner = isDict(answer) && isDict(answer.data) ? answer.data : answer;
  const parsed = run(statusSchema, inner, status, 'barcode status');
  if (!parsed.ok) return parsed;
  return { ok: true, value: { barcode: parsed.value.barcode ?? requestedCode, checkedAt: parsed.value.checked_at } };
}
