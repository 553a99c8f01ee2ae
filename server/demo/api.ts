// The demo Qtickets REST API, answering like the real one as far as the document and recorded
// traffic tell: parameters only from a JSON body (even on GET), Bearer auth, JSON errors on
// known routes, an HTML 404 on unknown ones, 503 UNKNOWN_ERROR on a malformed body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import { pathOf, readBody } from '../http-util.ts';
import { BarcodeListCache, barcodeFields } from './barcode-list.ts';
import { listPage, QueryError, selection, type ListParams } from './list-query.ts';
import type { DemoState, FaultMode } from './state.ts';

const API_PREFIX = '/api/rest/v1/';
const EVENTS_PER_PAGE = 10;
const MAX_BODY = 10 * 1024 * 1024;
/** ISO 8601 date-time with seconds optional and a zone (Z or ±hh:mm). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const JSON_HEADERS = {
  'Content-Type': 'application/json',
  // What the real API sends; the session cookie lets tests prove the gateway drops cookies.
  'Cache-Control': 'no-cache, private',
  'Set-Cookie': 'qtickets_session=demo-session; Path=/; HttpOnly',
};

type Route =
  | { kind: 'events' }
  | { kind: 'event'; id: number }
  | { kind: 'barcodes'; showId: number }
  | { kind: 'barcode'; showId: number; code: string };

class MalformedBody extends Error {}

export function createDemoApi(state: DemoState, token: string) {
  const barcodeLists = new BarcodeListCache();

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else if (err instanceof MalformedBody || err instanceof QueryError) unknownError(res);
      else json(res, 500, { error: 'Server Error', status: 500 });
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const route = routeOf(method, pathOf(req.url));
    const isBarcodesPost = method === 'POST' && route?.kind === 'barcodes';
    const fault = state.takeFault(isBarcodesPost, method === 'GET' && route?.kind === 'barcodes');
    if (applyFault(fault, req, res)) return;
    if (!route) return htmlNotFound(res);
    if (req.headers.authorization?.trim() !== `Bearer ${token}`) {
      req.resume();
      return json(res, 401, { error: 'Unauthorized', status: 401 });
    }
    const body = await readJsonBody(req);

    switch (route.kind) {
      case 'events':
        return json(res, 200, listPage(state.events, asParams(body), EVENTS_PER_PAGE));
      case 'event': {
        const event = state.events.find((e) => e.id === route.id);
        return event ? json(res, 200, { data: event }) : notFound(res, 'Event');
      }
      case 'barcodes':
        if (method === 'GET' && fault === 'empty-list') return json(res, 200, []);
        return method === 'GET' ? listBarcodes(res, route.showId, body) : batchCheckIn(res, route.showId, body, fault === 'half');
      case 'barcode':
        return method === 'GET'
          ? barcodeState(res, route.showId, route.code)
          : singleCheckIn(res, route.showId, route.code, body);
    }
  }

  function listBarcodes(res: ServerResponse, showId: number, body: unknown): void {
    const tickets = state.allTickets(showId);
    if (!tickets) return notFound(res, 'Show');
    const fields = barcodeFields(selection(asParams(body).select));
    const chunks = barcodeLists.serialise(showId, tickets, state.refundedCodes(showId), fields);
    res.writeHead(200, JSON_HEADERS);
    pipeline(Readable.from(chunks), res, (err) => {
      if (err) res.destroy();
    });
  }

  function barcodeState(res: ServerResponse, showId: number, code: string): void {
    if (!state.hasShow(showId)) return notFound(res, 'Show');
    if (!state.find(showId, code)) return notFound(res, 'Barcode');
    json(res, 200, { barcode: code, checked_at: state.checkedAt(showId, code) });
  }

  function singleCheckIn(res: ServerResponse, showId: number, code: string, body: unknown): void {
    if (!state.hasShow(showId)) return notFound(res, 'Show');
    const checkedAt = (body as { checked_at?: unknown } | null)?.checked_at;
    if (!isDateTime(checkedAt)) return validationFailed(res);
    const result = state.checkIn(showId, code, checkedAt, 'single');
    if (!result.found) return notFound(res, 'Barcode');
    if ('refused' in result) return json(res, 422, { error: result.refused, status: 422, barcode: code, checked_at: result.checkedAt });
    json(res, 200, { success: true, barcode: code, checked_at: result.checkedAt });
  }

  /** `halfOnly`: a misbehaving server that records every other item and says all went well. */
  function batchCheckIn(res: ServerResponse, showId: number, body: unknown, halfOnly = false): void {
    if (!state.hasShow(showId)) return notFound(res, 'Show');
    if (!Array.isArray(body)) return validationFailed(res);
    const items: { barcode: string; checked_at: string }[] = [];
    for (const item of body as unknown[]) {
      const { barcode, checked_at } = (item ?? {}) as { barcode?: unknown; checked_at?: unknown };
      if (typeof item !== 'object' || item === null || typeof barcode !== 'string' || !isDateTime(checked_at)) {
        return validationFailed(res);
      }
      items.push({ barcode, checked_at });
    }
    if (halfOnly) {
      items.forEach(({ barcode, checked_at }, i) => i % 2 === 1 && state.checkIn(showId, barcode, checked_at, 'batch'));
      return json(res, 200, { success: true });
    }
    const results = items.map(({ barcode, checked_at }) => {
      const result = state.checkIn(showId, barcode, checked_at, 'batch');
      if (!result.found) return { barcode, success: false, error: 'Barcode not found' };
      if ('refused' in result) return { barcode, success: false, error: result.refused, checked_at: result.checkedAt };
      return { barcode, success: true, checked_at: result.checkedAt };
    });
    json(res, 200, results);
  }
}

function routeOf(method: string, path: string): Route | null {
  if (!path.startsWith(API_PREFIX)) return null;
  const rest = path.slice(API_PREFIX.length);
  let m: RegExpExecArray | null;
  if (method === 'GET' && rest === 'events') return { kind: 'events' };
  if (method === 'GET' && (m = /^events\/(\d+)$/.exec(rest))) return { kind: 'event', id: Number(m[1]) };
  if ((method === 'GET' || method === 'POST') && (m = /^shows\/(\d+)\/barcodes$/.exec(rest))) {
    return { kind: 'barcodes', showId: Number(m[1]) };
  }
  if ((method === 'GET' || method === 'POST') && (m = /^shows\/(\d+)\/barcode\/([A-Za-z0-9]+)$/.exec(rest))) {
    return { kind: 'barcode', showId: Number(m[1]), code: m[2] ?? '' };
  }
  return null;
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_BODY);
  } catch {
    throw new MalformedBody();
  }
  const text = raw.toString('utf8').trim();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedBody();
  }
}

function asParams(body: unknown): ListParams {
  if (body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new QueryError('Parameters must be an object');
  return body as ListParams;
}

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** Returns true when the fault answered (or deliberately did not answer) the request. */
function applyFault(mode: FaultMode, req: IncomingMessage, res: ServerResponse): boolean {
  switch (mode) {
    case 'none':
      return false;
    case '503':
      json(res, 503, { error: 'Service Unavailable', status: 503 });
      return true;
    case '500':
      json(res, 500, { error: 'Server Error', status: 500 });
      return true;
    case '409':
      req.resume();
      json(res, 409, { error: 'Conflict', status: 409 });
      return true;
    case 'html200':
      html(res, 200, '<!doctype html><html><head><title>Wi-Fi</title></head><body><h1>Войдите в сеть Wi-Fi</h1><form action="/login"><button>Войти</button></form></body></html>');
      return true;
    case 'reset':
      req.socket.destroy();
      return true;
    case 'timeout':
      req.resume(); // read and never answer; the server's close() ends the socket
      return true;
    case 'badjson':
      res.writeHead(200, JSON_HEADERS);
      res.end('[{"barcode":"8712345');
      return true;
    case 'ok-nothing':
      req.resume();
      json(res, 200, { status: 'ok' });
      return true;
    case 'error200':
      req.resume();
      json(res, 200, { status: 'error' });
      return true;
    case 'half':
    case 'empty-list':
      return false; // the route itself misbehaves (see handle)

  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function html(res: ServerResponse, status: number, page: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': Buffer.byteLength(page) });
  res.end(page);
}

function htmlNotFound(res: ServerResponse): void {
  res.req.resume();
  html(res, 404, '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Страница не найдена</title></head><body><h1>404</h1><p>Страница не найдена</p></body></html>');
}

function notFound(res: ServerResponse, resource: string): void {
  json(res, 404, { error: `Resource "${resource}" not found`, status: 404, code: 'RESOURCE_NOT_FOUND' });
}

function validationFailed(res: ServerResponse): void {
  json(res, 422, { error: 'Validation failed', status: 422 });
}

function unknownError(res: ServerResponse): void {
  json(res, 503, { error: 'Unknown error', status: 503, code: 'UNKNOWN_ERROR' });
}
