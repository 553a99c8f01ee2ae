// API answer fuzz: for every endpoint the app reads, answers that are almost right (one field of
// the wrong type, missing, null, huge, nested to death) and answers that are nothing like it, with
// any status. The client never throws; it returns either the whole, well-typed value or a typed
// error whose text a person can read at the door; and never a value that is half of the answer.
// Replay one case: KONTROL_SEED=<n> npx vitest run src/api/answers.fuzz.test.ts
import { describe, expect, it } from 'vitest';
import { chance, intBetween, pick, seeded, type Random } from '../domain/testing/random.ts';
import { technicalDetail, type ApiError, type ApiResult } from './errors.ts';
import { fakeFetch, jsonReply, rawReply } from './fakeGateway.ts';
import { createQticketsClient } from './qtickets.ts';
import { createTransport } from './transport.ts';
import type { ApiEvent, ApiTicket, BarcodeStatus, BatchOutcome } from './types.ts';

const CASES_PER_ENDPOINT = 1000;
const ONLY = process.env.KONTROL_SEED === undefined ? null : Number(process.env.KONTROL_SEED);
const TOKEN = 'fuzz-token-31337';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SAMPLES = {
  events: {
    data: [
      {
        id: 101, name: 'Щелкунчик', deleted_at: null, is_active: true, place_name: 'ДК',
        shows: [{ id: 1001, name: null, start_date: '2026-12-29T19:00:00+03:00', finish_date: null, open_date: null, deleted_at: null, is_active: 1 }],
      },
      { id: '102', name: 'Джаз', deleted_at: null, is_active: '1', place_name: null, shows: { 0: { id: 1003, start_date: '2026-12-29T20:00:00+03:00' } } },
    ],
    paging: { perPage: 10, currentPage: 1, total: 2 },
  },
  barcodes: [
    { barcode: '871495495233', admission: 0, price: '1500.00', seat_name: 'Партер: ряд 6, место 29', zone_name: 'Партер', row: 6, place: '29', client_name: 'Иван', client_surname: 'Петров', client_middlename: null },
    { barcode: 877076325904, admission: true, price: 0, seat_name: null, zone_name: null, row: null, place: null, client_name: null, client_surname: null, client_middlename: null },
  ],
  status: { data: { barcode: '871495495233', checked_at: '2026-12-29T19:03:12+03:00' } },
  batch: [{ barcode: '871495495233', success: true } as Json, { barcode: '877076325904', success: false, error: 'Билет возвращён' }],
  // Laravel's validation answer: what a 422 refusing single codes of the bare-array body looks like.
  batchInvalid: { message: 'The given data was invalid.', errors: { '1.barcode': ['Unknown barcode'], '0.checked_at': ['The checked_at is not a valid date.'] } },
} satisfies Record<string, Json>;

const SENT = [
  { barcode: '871495495233', checked_at: '2026-12-29T19:03:12+03:00' },
  { barcode: '877076325904', checked_at: '2026-12-29T19:04:00+03:00' },
];

function randomScalar(random: Random): Json {
  return pick<() => Json>(random, [
    () => null,
    () => true,
    () => false,
    () => 0,
    () => -1,
    () => 1.5,
    () => 2 ** 60,
    () => Number.MAX_VALUE,
    () => '',
    () => ' ',
    () => '0',
    () => '1',
    () => 'true',
    () => 'null',
    () => '<script>alert(1)</script>',
    () => '2026-13-45T99:99:99+99:99',
    () => '🎫'.repeat(intBetween(random, 1, 50)),
    () => 'x'.repeat(intBetween(random, 1_000, 50_000)),
    () => TOKEN,
  ])();
}

function randomValue(random: Random, depth = 0): Json {
  const kind = intBetween(random, 0, depth > 2 ? 0 : 6);
  if (kind <= 2) return randomScalar(random);
  if (kind === 3) return Array.from({ length: intBetween(random, 0, 4) }, () => randomValue(random, depth + 1));
  if (kind === 4) return Object.fromEntries(Array.from({ length: intBetween(random, 0, 4) }, (_, i) => [pick(random, ['id', 'barcode', 'data', 'paging', 'error', 'success', `k${i}`, '0', '__proto__']), randomValue(random, depth + 1)]));
  if (kind === 5) {
    // Huge: a list long enough to hurt if anything reads it carelessly.
    // Fresh items, not one shared object: a later mutation of one must not grow them all.
    const kind = intBetween(random, 0, 6);
    const item = (): Json => [null, 0, 'x', { barcode: '871495495233' }, { id: 1 }, [], {}][kind] as Json;
    return Array.from({ length: intBetween(random, 1_000, 10_000) }, item);
  }
  // Nested deep (deeper still comes as raw text, see answerFor: building it here would overflow
  // the test's own JSON.stringify before the client ever saw it).
  let v: Json = randomScalar(random);
  for (let i = intBetween(random, 20, 150); i > 0; i--) v = [v];
  return v;
}

/** Text of a value nested `depth` levels deep: JSON.parse reads it; a recursive reader would not. */
const deepText = (depth: number, inner = '"x"') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

/** Every [container, key] in the tree, so one can be replaced or deleted. */
function slots(value: Json, out: [Json[] | { [key: string]: Json }, string | number][] = [], depth = 0): typeof out {
  if (depth > 8) return out; // the samples are shallow; what a mutation nested deeper stays as it is
  if (Array.isArray(value)) value.slice(0, 50).forEach((v, i) => (out.push([value, i]), slots(v, out, depth + 1)));
  else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([k, v]) => (out.push([value, k]), slots(v, out, depth + 1)));
  return out;
}

/** A sample with 1–4 things wrong, or (one time in eight) something else entirely. */
function mutate(random: Random, sample: Json): Json {
  if (chance(random, 0.125)) return randomValue(random);
  const answer = structuredClone(sample);
  for (let n = intBetween(random, 1, 4); n > 0; n--) {
    const all = slots(answer);
    if (all.length === 0) break;
    const [container, key] = pick(random, all);
    const action = intBetween(random, 0, 3);
    if (Array.isArray(container)) {
      const i = key as number;
      if (action === 0) container.splice(i, 1);
      else if (action === 1) container.push(container[i] ?? null); // a duplicate
      else container[i] = randomValue(random);
    } else if (action === 0) delete container[key as string];
    else if (action === 1) container[key as string] = null;
    else container[key as string] = randomValue(random);
  }
  return answer;
}

interface Raw {
  raw: string;
  isRaw: true;
}

interface Case {
  status: number;
  body: Json | Raw;
}

const isRaw = (body: Case['body']): body is Raw => typeof body === 'object' && body !== null && 'isRaw' in body && body.isRaw === true;

function answerFor(random: Random, sample: Json): Case {
  const status = chance(random, 0.8) ? pick(random, [200, 200, 201]) : pick(random, [204, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504]);
  if (chance(random, 0.1)) {
    const text = JSON.stringify(sample);
    // Deeper than any JavaScript stack: only a reader that never recurses without bound survives.
    const deep = deepText(intBetween(random, 20_000, 40_000));
    const raw = pick(random, [
      '',
      '<html>502</html>',
      text.slice(0, intBetween(random, 0, text.length - 1)),
      `\uFEFF${text}`,
      `${text}garbage`,
      'null',
      '"string"',
      deep,
      `{"data":${deep},"paging":${deep}}`,
      `[{"barcode":"871495495233","success":false,"error":${deep}},{"barcode":${deep}}]`,
      `{"errors":{"0.barcode":${deep}},"error":${deep}}`,
      '{"message":"The given data was invalid.","errors":{"1.barcode":["Unknown barcode"]}}',
      `{"data":{"barcode":"871495495233","checked_at":${deep}}}`,
    ]);
    return { status, body: { raw, isRaw: true } };
  }
  return { status, body: mutate(random, sample) };
}

function preview(body: Case['body']): string {
  if (isRaw(body)) return `raw ${JSON.stringify(body.raw.slice(0, 120))} (${body.raw.length} chars)`;
  try {
    return JSON.stringify(body)?.slice(0, 200) ?? 'undefined';
  } catch {
    return 'a value too deep to print';
  }
}

function clientFor(c: Case) {
  let page = 0;
  const { fetch } = fakeFetch(() => {
    page += 1;
    // Later pages (when a mutated paging asks for them): an empty page, or a bare list without paging.
    if (page > 1) return jsonReply({ data: [], paging: { perPage: 10, currentPage: page, total: 0 } });
    // A 204 has no body by definition (a Response with one cannot even be built).
    if (c.status === 204) return rawReply(null, { status: 204 });
    if (isRaw(c.body)) return rawReply(c.body.raw, { status: c.status, headers: { 'Content-Type': 'application/json' } });
    return jsonReply(c.body, { status: c.status, headers: c.status === 429 ? { 'Retry-After': '5' } : {} });
  });
  return createQticketsClient(createTransport({ fetch, baseUrl: '/api/rest/v1' }));
}

const isText = (x: unknown) => x === null || typeof x === 'string';
const isId = (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

function wellTypedShow(s: ApiEvent['shows'][number]): boolean {
  return isId(s.id) && isText(s.name) && isText(s.startDate) && isText(s.finishDate) && isText(s.openDate) && isText(s.deletedAt) && typeof s.isActive === 'boolean';
}
function wellTypedEvent(e: ApiEvent): boolean {
  return isId(e.id) && typeof e.name === 'string' && isText(e.placeName) && isText(e.deletedAt) && typeof e.isActive === 'boolean' && Array.isArray(e.shows) && e.shows.every(wellTypedShow);
}
function wellTypedTicket(t: ApiTicket): boolean {
  return (
    typeof t.code === 'string' && t.code.trim() !== '' && typeof t.admission === 'boolean' &&
    (t.price === null || Number.isFinite(t.price)) &&
    [t.seatName, t.zoneName, t.row, t.place, t.clientName, t.clientSurname, t.clientMiddlename].every(isText)
  );
}

function expectReadableError(error: ApiError, status: number, where: string) {
  if (status >= 200 && status < 300) expect(error.kind, where).toBe('bad_response');
  else expect(error.kind, where).toBe('http');
  // The screens word the failure themselves (src/ui/errors); what api/ hands them to quote is short and token-free.
  const text = technicalDetail(error);
  expect(text.trim().length, where).toBeGreaterThan(0);
  expect(text.length, where).toBeLessThanOrEqual(200); // a quoted detail, not a dump
  expect(text, where).not.toContain(TOKEN);
}

interface Endpoint {
  name: string;
  sample: Json;
  call: (c: Case) => Promise<ApiResult<unknown>>;
  check: (value: unknown, where: string) => void;
  /** For an endpoint that may turn a 4xx naming items into a value: what that value must hold. */
  checkOnHttpError?: (value: unknown, status: number, where: string) => void;
}

function batchEndpoint(name: string, sample: Json): Endpoint {
  return {
    name,
    sample,
    call: (c) => clientFor(c).postCheckIns(TOKEN, 1001, SENT),
    check: (value, where) => {
      const o = value as BatchOutcome;
      const sent = new Set(SENT.map((s) => s.barcode));
      const held = new Set(o.held.map((h) => h.barcode));
      const refused = new Set(o.refused.map((r) => r.barcode));
      // Only codes we sent are named, and none is both held and refused. A sent code in neither
      // list is unconfirmed (read back later): always allowed, whatever the answer.
      expect([...held, ...refused].every((code) => sent.has(code)), where).toBe(true);
      expect([...held].some((code) => refused.has(code)), where).toBe(false);
      expect(held.size === o.held.length && refused.size === o.refused.length, where).toBe(true);
      expect(o.refused.every((r) => typeof r.reason === 'string' && r.reason.trim() !== '' && r.reason.length <= 300), where).toBe(true);
      expect([...o.held, ...o.refused].every((x) => x.checkedAt === null || typeof x.checkedAt === 'string'), where).toBe(true);
      if (o.requestFailed !== undefined) expect(typeof o.requestFailed === 'string' && o.requestFailed.trim() !== '', where).toBe(true);
    },
    // A 4xx whose body names items (Laravel's 422) refuses those; the request still failed.
    checkOnHttpError: (value, status, where) => {
      expect(status >= 400 && status < 500 && ![401, 403, 413, 429].includes(status), where).toBe(true);
      expect((value as BatchOutcome).requestFailed, where).toMatch(new RegExp(`^HTTP ${status}(: |$)`));
      expect((value as BatchOutcome).held, where).toEqual([]);
    },
  };
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /events (every page)',
    sample: SAMPLES.events,
    call: (c) => clientFor(c).listAllEvents(TOKEN),
    check: (value, where) => expect((value as ApiEvent[]).every(wellTypedEvent), where).toBe(true),
  },
  {
    name: 'GET /events (token check)',
    sample: SAMPLES.events,
    call: (c) => clientFor(c).checkToken(TOKEN),
    check: (value, where) => {
      const page = value as { events: ApiEvent[] };
      expect(page.events.every(wellTypedEvent), where).toBe(true);
    },
  },
  {
    name: 'GET /shows/{id}/barcodes',
    sample: SAMPLES.barcodes,
    call: (c) => clientFor(c).getShowBarcodes(TOKEN, 1001),
    check: (value, where) => {
      const tickets = value as ApiTicket[];
      expect(tickets.every(wellTypedTicket), where).toBe(true);
      expect(new Set(tickets.map((t) => t.code)).size, where).toBe(tickets.length);
    },
  },
  {
    name: 'GET /shows/{id}/barcode/{code}',
    sample: SAMPLES.status,
    call: (c) => clientFor(c).getBarcodeStatus(TOKEN, 1001, '871495495233'),
    check: (value, where) => {
      const s = value as BarcodeStatus;
      expect(typeof s.barcode === 'string' && s.barcode !== '' && isText(s.checkedAt), where).toBe(true);
    },
  },
  batchEndpoint('POST /shows/{id}/barcodes (batch answer)', SAMPLES.batch),
  batchEndpoint('POST /shows/{id}/barcodes (Laravel validation answer)', SAMPLES.batchInvalid),
];

describe('API answer fuzz', () => {
  it.each(ENDPOINTS)('$name: whole and typed, or a typed error with a readable text', async (endpoint) => {
    const seeds = ONLY !== null ? [ONLY] : Array.from({ length: CASES_PER_ENDPOINT }, (_, i) => i + 1);
    const tally = { ok: 0, okOnHttpError: 0, bad_response: 0, http: 0 };
    for (const seed of seeds) {
      const c = answerFor(seeded(seed * 7919 + endpoint.name.length), endpoint.sample);
      // Built lazily through a getter: printing a huge answer for every passing case costs seconds.
      const label = () => `${endpoint.name}, seed ${seed} (replay: KONTROL_SEED=${seed}), status ${c.status}: ${preview(c.body)}`;
      const where = { toString: label } as unknown as string;
      let result: ApiResult<unknown>;
      try {
        result = await endpoint.call(c);
      } catch (error) {
        throw new Error(`${label()} threw ${String(error)}`, { cause: error });
      }
      if (result.ok) {
        const success = c.status >= 200 && c.status < 300;
        if (success || endpoint.checkOnHttpError === undefined) expect(success, where).toBe(true);
        else {
          endpoint.checkOnHttpError(result.value, c.status, where);
          tally.okOnHttpError += 1;
        }
        endpoint.check(result.value, where);
        tally.ok += 1;
      } else {
        expectReadableError(result.error, c.status, where);
        tally[result.error.kind as 'bad_response' | 'http'] += 1;
      }
    }
    if (ONLY === null) {
      expect(tally.ok, 'some answers must still be usable').toBeGreaterThan(0);
      expect(tally.bad_response, 'some answers must be refused').toBeGreaterThan(0);
      console.log(`API answer fuzz, ${endpoint.name}: ${JSON.stringify({ cases: seeds.length, ...tally })}`);
    }
  });
});
