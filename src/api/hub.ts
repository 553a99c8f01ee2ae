// The venue hub on our own server (server/hub, /hub/v1): what one door admitted reaches the other
// doors within a second. Same Bearer token as for Qtickets; the stream is Server-Sent Events,
// parsed by eventsource-parser (a fetch stream, because EventSource cannot send a header and the
// token must never ride in a URL). Nothing here throws: failures are ApiErrors.
import type { HubAdmissionBatch, HubAdmissionData, HubDevice, HubFactKind, HubHeartbeat, HubMovementBatch, HubMovementData } from '../domain/hub-protocol.ts';
import { fail, ok, type ApiError, type ApiResult } from './errors.ts';
import { createTransport, type Transport, type TransportOptions } from './transport.ts';

export const HUB_BASE_URL = '/hub/v1';

export type { HubAdmission, HubDevice, HubHeartbeat as Heartbeat } from '../domain/hub-protocol.ts';

/** One event of the venue, as the hub streams it. */
export type HubEvent =
  | ({ kind: 'admission'; id: string } & Omit<HubAdmissionData, 'nonce'>)
  /** From Qtickets' webhooks: scanned by another scanner (checked), undone, refunded, newly sold. */
  | { kind: HubFactKind; id: string; showId: number; code: string; checkedAt: string | null }
  | { kind: 'device'; device: HubDevice }
  /** Another door's exit or re-entry (never Qtickets': it has no exit). */
  | ({ kind: 'movement'; id: string } & HubMovementData);

const isDict = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const isShow = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
const isText = (x: unknown, max = 256): x is string => typeof x === 'string' && x.length > 0 && x.length <= max;
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Reads one SSE message; anything malformed is dropped (a hostile hub cannot break a door). */
export function readHubEvent(event: string | undefined, id: string | undefined, data: string): HubEvent | null {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isDict(body)) return null;
  if (event === 'device') {
    if (!isText(body.deviceId, 128) || typeof body.deviceName !== 'string' || !Array.isArray(body.shows)) return null;
    const device: HubDevice = {
      deviceId: body.deviceId,
      deviceName: body.deviceName.slice(0, 100),
      version: typeof body.version === 'string' ? body.version.slice(0, 40) : null,
      stored: num(body.stored),
      lastPullAt: typeof body.lastPullAt === 'string' ? body.lastPullAt : null,
      pending: num(body.pending),
      rejected: num(body.rejected),
      storageBytes: num(body.storageBytes),
      battery: num(body.battery),
      scansLastMinute: num(body.scansLastMinute),
      shows: body.shows.filter(isShow),
      lastSeenAt: num(body.lastSeenAt) ?? 0,
    };
    return { kind: 'device', device };
  }
  if (!isText(id, 200) || !isShow(body.showId) || !isText(body.code)) return null;
  if (event === 'admission') {
    if (!isText(body.checkedAt, 64) || !isText(body.deviceId, 128) || typeof body.deviceName !== 'string') return null;
    return { kind: 'admission', id, showId: body.showId, code: body.code, checkedAt: body.checkedAt, deviceId: body.deviceId, deviceName: body.deviceName.slice(0, 100) };
  }
  if (event === 'movement') {
    if ((body.movement !== 'exit' && body.movement !== 'reentry') || !isText(body.at, 64) || !isText(body.nonce, 128) || !isText(body.deviceId, 128) || typeof body.deviceName !== 'string') return null;
    return { kind: 'movement', id, showId: body.showId, code: body.code, movement: body.movement, at: body.at, nonce: body.nonce, deviceId: body.deviceId, deviceName: body.deviceName.slice(0, 100) };
  }
  if (event === 'checked' || event === 'unchecked' || event === 'revoked' || event === 'listed') {
    const checkedAt = isText(body.checkedAt, 64) ? body.checkedAt : null;
    return { kind: event, id, showId: body.showId, code: body.code, checkedAt };
  }
  return null;
}

export interface HubClient {
  postAdmissions(token: string, batch: HubAdmissionBatch): Promise<ApiResult<null>>;
  /** Exits and re-entries; a hub from before them answers 404. */
  postMovements(token: string, batch: HubMovementBatch): Promise<ApiResult<null>>;
  postHeartbeat(token: string, heartbeat: HubHeartbeat): Promise<ApiResult<null>>;
  devices(token: string, shows: readonly number[]): Promise<ApiResult<HubDevice[]>>;
  /**
   * Listens to the venue until the stream ends or `signal` aborts; resolves with how it ended.
   * Each event is handed over in order, with the id to resume after.
   */
  listen(
    token: string,
    shows: readonly number[],
    options: {
      lastEventId: string | null;
      signal: AbortSignal;
      onEvent: (event: HubEvent) => void;
      onOpen?: () => void;
      /** A position without an event (the hub's start id): resume from here if nothing follows. */
      onPosition?: (id: string) => void;
    },
  ): Promise<{ ok: true } | { ok: false; error: ApiError }>;
}

/** Over its own transport to the hub, or over one given (the app's runs off the page's thread). */
export function createHubClient(options: TransportOptions | Transport = {}): HubClient {
  const transport: Transport = 'post' in options ? options : createTransport({ baseUrl: HUB_BASE_URL, ...options });
  const showsQuery = (shows: readonly number[]) => `shows=${shows.join(',')}`;
  return {
    async postAdmissions(token, batch) {
      const res = await transport.post('admissions', token, batch);
      return res.ok ? ok(null, res.serverDate) : res;
    },
    async postMovements(token, batch) {
      const res = await transport.post('movements', token, batch);
      return res.ok ? ok(null, res.serverDate) : res;
    },
    async postHeartbeat(token, heartbeat) {
      const res = await transport.post('heartbeat', token, heartbeat);
      return res.ok ? ok(null, res.serverDate) : res;
    },
    async devices(token, shows) {
      const res = await transport.get(`devices?${showsQuery(shows)}`, token);
      if (!res.ok) return res;
      const list = isDict(res.value) && Array.isArray(res.value.devices) ? res.value.devices : null;
      if (!list) return fail({ kind: 'bad_response', status: res.status, message: 'devices: not a list' });
      const devices = list.flatMap((d) => {
        const read = readHubEvent('device', undefined, JSON.stringify(d));
        return read?.kind === 'device' ? [read.device] : [];
      });
      return ok(devices, res.serverDate);
    },
    async listen(token, shows, { lastEventId, signal, onEvent, onOpen, onPosition }) {
      // The stream's parser loads with the first listen, a moment after opening, not with the
      // scan screen's first load.
      const { createParser } = await import('eventsource-parser');
      // The hub opens with `id: <start>` and no data: no event, but the place to resume from, so a
      // device that hears nothing before it goes away still catches up from there.
      let idOnly: string | null = null;
      const parser = createParser({
        onId: (id) => {
          idOnly = id;
        },
        onEvent: (message) => {
          idOnly = null;
          const event = readHubEvent(message.event, message.id, message.data);
          if (event) onEvent(event);
          else if (message.id) onPosition?.(message.id); // unreadable, but past it all the same
        },
      });
      const onText = (text: string) => {
        parser.feed(text);
        if (idOnly) {
          onPosition?.(idOnly);
          idOnly = null;
        }
      };
      return transport.stream(`events?${showsQuery(shows)}`, token, { lastEventId, signal, onOpen, onText });
    },
  };
}
