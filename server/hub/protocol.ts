// The hub's wire vocabulary (/hub/v1, see server/README.md "Venue hub") and the checks every body
// passes before anything is stored. What is stored is exactly what these functions return: codes,
// times, show ids and what a device says about itself — never a buyer's name, e-mail or phone.
import type { HubAdmission, HubAdmissionBatch, HubAdmissionData, HubDevice, HubLogKind, HubMovement, HubMovementBatch, HubMovementData } from '../../src/domain/hub-protocol.ts';
import type { EventId } from './event-id.ts';

/** Kinds kept in an organiser's log, replayed on resume. Device heartbeats are live only. */
export type LogKind = HubLogKind;

/** An event on its way into the log; `data` is the JSON text the stream sends as `data:`. */
export interface NewEvent {
  kind: LogKind;
  showId: number;
  /** Makes the append idempotent: a second append with the same nonce returns the first id. */
  nonce: string;
  data: string;
}

/** An event as the log holds it. */
export interface LogEvent {
  id: EventId;
  kind: LogKind;
  showId: number;
  data: string;
}

/** A device's heartbeat as stored and as `event: device` sends it (the wire type, shared with the app). */
export type Heartbeat = HubDevice;
export type AdmissionItem = HubAdmission;
export type AdmissionBatch = HubAdmissionBatch;

/** A batch the app sends holds at most 100; 500 leaves room for a device that was offline long. */
export const MAX_ADMISSION_ITEMS = 500;
/** Shows one request may name: a device holds a handful; a festival pass a few dozen. */
export const MAX_SHOWS = 100;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (message: string): Checked<never> => ({ ok: false, message });

const isDict = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
/** ISO 8601 date-time with a zone, as the app writes `checkedAt` (2026-12-29T19:03:12+03:00). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Text a person will read on another device: no control characters, no line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const NONCE = /^[\x21-\x7e]{1,128}$/;

export function isShowId(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
}

/** `shows=1001,1002` → [1001, 1002]: digits only, at least one, at most MAX_SHOWS, duplicates folded. */
export function parseShowList(text: string | null): Checked<number[]> {
  if (text === null || text.trim() === '') return bad('The shows parameter is required, e.g. ?shows=1001,1002');
  const parts = text.split(',').map((p) => p.trim());
  if (!parts.every((p) => /^[0-9]{1,15}$/.test(p))) return bad('shows must be show ids separated by commas');
  const shows = [...new Set(parts.map(Number))];
  if (!shows.every(isShowId)) return bad('shows must be positive ids');
  if (shows.length > MAX_SHOWS) return bad(`At most ${MAX_SHOWS} shows at once`);
  return ok(shows);
}

function text(value: unknown, name: string, max: number, allowEmpty: boolean): Checked<string> {
  if (typeof value !== 'string') return bad(`${name} must be a string`);
  const trimmed = value.trim();
  if (!allowEmpty && trimmed === '') return bad(`${name} must not be empty`);
  if (trimmed.length > max) return bad(`${name} is longer than ${max} characters`);
  if (CONTROL.test(trimmed)) return bad(`${name} holds control characters`);
  return ok(trimmed);
}

function count(value: unknown, name: string): Checked<number | null> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return bad(`${name} must be a whole number ≥ 0 or null`);
  return ok(value);
}

function amount(value: unknown, name: string, max: number): Checked<number | null> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) return bad(`${name} must be a number from 0 to ${max} or null`);
  return ok(value);
}

function optionalText(value: unknown, name: string, max: number): Checked<string | null> {
  if (value === undefined || value === null) return ok(null);
  return text(value, name, max, true);
}

export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function device(body: Record<string, unknown>): Checked<{ deviceId: string; deviceName: string }> {
  const deviceId = text(body.deviceId, 'deviceId', 128, false);
  if (!deviceId.ok) return deviceId;
  const deviceName = text(body.deviceName, 'deviceName', 100, true);
  if (!deviceName.ok) return deviceName;
  return ok({ deviceId: deviceId.value, deviceName: deviceName.value });
}

type BatchItem<Rest> = { showId: number; code: string } & Rest & { nonce: string };

/**
 * A batch from one device (POST /hub/v1/admissions, /movements): the device, then each item's
 * show and code, what its kind adds (`rest`, checked in the protocol's order), and its nonce.
 */
function parseBatch<Rest>(
  body: unknown,
  rest: (raw: Record<string, unknown>, i: number) => Checked<Rest>,
): Checked<{ deviceId: string; deviceName: string; items: BatchItem<Rest>[] }> {
  if (!isDict(body)) return bad('The body must be a JSON object');
  const who = device(body);
  if (!who.ok) return who;
  if (!Array.isArray(body.items)) return bad('items must be an array');
  if (body.items.length > MAX_ADMISSION_ITEMS) return bad(`At most ${MAX_ADMISSION_ITEMS} items a request`);
  const items: BatchItem<Rest>[] = [];
  for (const [i, raw] of (body.items as unknown[]).entries()) {
    if (!isDict(raw)) return bad(`items[${i}] must be an object`);
    if (!isShowId(raw.showId)) return bad(`items[${i}].showId must be a positive integer`);
    const code = text(raw.code, `items[${i}].code`, 256, false);
    if (!code.ok) return code;
    const own = rest(raw, i);
    if (!own.ok) return own;
    if (typeof raw.nonce !== 'string' || !NONCE.test(raw.nonce)) return bad(`items[${i}].nonce must be 1–128 visible ASCII characters`);
    items.push({ showId: raw.showId, code: code.value, ...own.value, nonce: raw.nonce });
  }
  return ok({ ...who.value, items });
}

/** The body of POST /hub/v1/admissions. */
export function parseAdmissionBatch(body: unknown): Checked<AdmissionBatch> {
  return parseBatch(body, (raw, i) =>
    isDateTime(raw.checkedAt) ? ok({ checkedAt: raw.checkedAt }) : bad(`items[${i}].checkedAt must be an ISO 8601 date-time with a zone`),
  );
}

/** The body of POST /hub/v1/heartbeat. Fields the device does not know may be null or left out. */
export function parseHeartbeat(body: unknown, now: number): Checked<Heartbeat> {
  if (!isDict(body)) return bad('The body must be a JSON object');
  const who = device(body);
  if (!who.ok) return who;
  if (!Array.isArray(body.shows) || body.shows.length === 0 || !body.shows.every(isShowId)) {
    return bad('shows must be a non-empty array of show ids');
  }
  const shows = [...new Set(body.shows as number[])];
  if (shows.length > MAX_SHOWS) return bad(`At most ${MAX_SHOWS} shows`);
  const version = optionalText(body.version, 'version', 64);
  const lastPullAt = optionalText(body.lastPullAt, 'lastPullAt', 40);
  const stored = count(body.stored, 'stored');
  const pending = count(body.pending, 'pending');
  const rejected = count(body.rejected, 'rejected');
  const scansLastMinute = count(body.scansLastMinute, 'scansLastMinute');
  const storageBytes = amount(body.storageBytes, 'storageBytes', Number.MAX_SAFE_INTEGER);
  const battery = amount(body.battery, 'battery', 100);
  for (const field of [version, lastPullAt, stored, pending, rejected, scansLastMinute, storageBytes, battery]) {
    if (!field.ok) return field;
  }
  const value = <T>(field: Checked<T>): T => (field as { ok: true; value: T }).value;
  return ok({
    ...who.value,
    version: value(version),
    stored: value(stored),
    lastPullAt: value(lastPullAt),
    pending: value(pending),
    rejected: value(rejected),
    storageBytes: value(storageBytes),
    battery: value(battery),
    scansLastMinute: value(scansLastMinute),
    shows,
    lastSeenAt: now,
  });
}

/** `event: admission` data, the fields in the order the protocol lists them. */
export function admissionData(batch: AdmissionBatch, item: AdmissionItem): string {
  const data: HubAdmissionData = {
    showId: item.showId,
    code: item.code,
    checkedAt: item.checkedAt,
    deviceId: batch.deviceId,
    deviceName: batch.deviceName,
    nonce: item.nonce,
  };
  return JSON.stringify(data);
}

/** The body of POST /hub/v1/movements: exits and re-entries, checked like admissions. */
export function parseMovementBatch(body: unknown): Checked<HubMovementBatch> {
  return parseBatch(body, (raw, i): Checked<Pick<HubMovement, 'movement' | 'at'>> => {
    if (raw.movement !== 'exit' && raw.movement !== 'reentry') return bad(`items[${i}].movement must be "exit" or "reentry"`);
    if (!isDateTime(raw.at)) return bad(`items[${i}].at must be an ISO 8601 date-time with a zone`);
    return ok({ movement: raw.movement, at: raw.at });
  });
}

/** `event: movement` data. */
export function movementData(batch: HubMovementBatch, item: HubMovement): string {
  const data: HubMovementData = { ...item, deviceId: batch.deviceId, deviceName: batch.deviceName };
  return JSON.stringify(data);
}
