// POST /hooks/qtickets: Qtickets webhooks → the venue hub, live (mounted only when
// QTICKETS_WEBHOOK_SECRET is set; app.ts answers 404 otherwise).
//
// Nothing changes unless the raw body carries the organiser's signature (signature.ts): unsigned
// or wrongly signed → 401. A signed Order becomes ticket facts (order-events.ts), and each fact goes
// to the room of every organiser whose devices hold that show — rooms the token check has proved
// can read it, since a token joins a show's room only after Qtickets listed the show for it. Show
// ids are Qtickets-wide, so a show's facts reach only its own organiser's rooms; baskets of shows
// no device holds are dropped. 200 means taken (stored, or deliberately dropped); a store that
// fails answers 503, and Qtickets delivers again (up to 10 times). A delivered-again webhook
// changes nothing: each fact's nonce is made of the body's hash, so the log takes it once.
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { fail, GATEWAY_RESPONSE_HEADERS } from '../gateway-errors.ts';
import { BodyTooLargeError, readBody, sendJson } from '../http-util.ts';
import { createInFlightCap } from '../in-flight.ts';
import type { HubFactData } from '../../src/domain/hub-protocol.ts';
import type { NewEvent } from '../hub/protocol.ts';
import type { HubStore } from '../hub/store.ts';
import { factsOfWebhook, type TicketFact } from './order-events.ts';
import { signatureMatches } from './signature.ts';

export const WEBHOOK_PATH = '/hooks/qtickets';

export interface WebhookOptions {
  secret: string;
  store: HubStore;
  log: (line: string) => void;
  /** An order of a few hundred tickets with every basket's fields is well under this. */
  maxBodyBytes?: number;
  now?: () => Date;
}

export const DEFAULT_WEBHOOK_MAX_BODY = 1024 * 1024;
/** Webhooks come one order at a time; more at once than this is not Qtickets. */
const MAX_IN_FLIGHT = 32;

export function createQticketsWebhook(options: WebhookOptions) {
  const maxBody = options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY;
  // One key: the cap is for the endpoint as a whole (webhooks carry no token to tell apart).
  const inFlight = createInFlightCap({ total: MAX_IN_FLIGHT, perKey: MAX_IN_FLIGHT });

  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (req.method !== 'POST') {
      req.resume();
      return fail(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST', { headers: { Allow: 'POST' } });
    }
    if (inFlight.refusal('') !== null) {
      req.resume();
      return fail(res, 503, 'GATEWAY_BUSY', 'Too many webhooks at once', { headers: { 'Retry-After': '2' } });
    }
    res.on('close', inFlight.take(''));
    take(req, res).catch((err: unknown) => {
      options.log(`hooks: webhook not taken: ${err instanceof Error ? err.message : String(err)}`);
      fail(res, 503, 'HUB_UNAVAILABLE', 'The webhook could not be stored; deliver it again', { headers: { 'Retry-After': '5' } });
    });
  };

  async function take(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return fail(res, 413, 'PAYLOAD_TOO_LARGE', `Body is larger than ${maxBody} bytes`, { headers: { Connection: 'close' } });
      return fail(res, 400, 'BAD_REQUEST', 'Could not read the body');
    }
    if (!signatureMatches(options.secret, raw, req.headers['x-signature'])) {
      return fail(res, 401, 'UNAUTHORIZED', 'X-Signature is missing or does not match the body');
    }
    const model = req.headers['x-model-name'];
    if (typeof model === 'string' && model.trim() !== '' && model.trim().toLowerCase() !== 'order') {
      return sendJson(res, 200, { taken: true, events: 0 }, GATEWAY_RESPONSE_HEADERS);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return fail(res, 400, 'BAD_REQUEST', 'The body is not JSON');
    }
    const eventType = typeof req.headers['x-event-type'] === 'string' ? req.headers['x-event-type'] : '';
    const facts = factsOfWebhook(eventType, payload, options.now?.() ?? new Date());
    if (facts === null) return fail(res, 400, 'BAD_REQUEST', 'The body is not an Order');

    const bodyHash = createHash('sha256').update(raw).digest('hex').slice(0, 32);
    let events = 0;
    for (const [showId, ofShow] of groupByShow(facts)) {
      const organisers = await options.store.organisersOf(showId);
      for (const org of organisers) {
        await options.store.append(org, ofShow.map((fact) => eventOf(fact, bodyHash)));
        events += ofShow.length;
      }
    }
    options.log(`hooks: ${eventType || '(no type)'}: ${facts.length} ticket(s), ${events} event(s) to rooms`);
    sendJson(res, 200, { taken: true, events }, GATEWAY_RESPONSE_HEADERS);
  }
}

function groupByShow(facts: TicketFact[]): Map<number, TicketFact[]> {
  const byShow = new Map<number, TicketFact[]>();
  for (const fact of facts) byShow.set(fact.showId, [...(byShow.get(fact.showId) ?? []), fact]);
  return byShow;
}

function eventOf(fact: TicketFact, bodyHash: string): NewEvent {
  return {
    kind: fact.kind,
    showId: fact.showId,
    nonce: `hook:${bodyHash}:${fact.kind}:${fact.showId}:${fact.code}`,
    data: JSON.stringify({ showId: fact.showId, code: fact.code, checkedAt: fact.checkedAt, source: 'webhook' } satisfies HubFactData),
  };
}
