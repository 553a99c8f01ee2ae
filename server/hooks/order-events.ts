// A Qtickets webhook (X-Event-Type + an Order) → what the doors need to know, per ticket:
//
//   checked     `checked_basket` (or, on a `checked` event without one, baskets with `checked_at`):
//               admitted elsewhere (Qtickets' own scanner, another vendor's device)
//   unchecked   `unchecked_basket`: the ticket is usable again
//   revoked     a basket with `refunded_at` or `deleted_at`, or every basket of an order with
//               `deleted_at` (any event type: `refunded`, `deleted`, `updated`…)
//   listed      on `created` / `payed`, the live baskets of a paid order: a new valid ticket.
//               An unpaid order (a reservation) lists nothing: its tickets do not let anyone in.
//
// A revoked ticket is only revoked: a refund wins over a scan or a sale in the same order.
// Only the show, the code and the times leave this module — never a name, e-mail or phone.
import type { HubFactKind } from '../../src/domain/hub-protocol.ts';
import { isDateTime } from '../hub/protocol.ts';

export type FactKind = HubFactKind;

export interface TicketFact {
  kind: FactKind;
  showId: number;
  code: string;
  checkedAt: string | null;
}

interface Basket {
  id: unknown;
  showId: number;
  code: string;
  checkedAt: string | null;
  gone: boolean;
}

const isDict = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** PHP serialises a list with holes as an object with numeric keys. */
function list(x: unknown): unknown[] {
  if (Array.isArray(x)) return x;
  if (isDict(x) && Object.keys(x).length > 0 && Object.keys(x).every((k) => /^\d+$/.test(k))) return Object.values(x);
  return [];
}

const present = (x: unknown) => x !== undefined && x !== null && x !== false && x !== '' && x !== 0;
const truthy = (x: unknown) => x === true || x === 1 || x === '1' || x === 'true';

function basketOf(raw: unknown, orderGone: boolean): Basket | null {
  if (!isDict(raw)) return null;
  const showId = typeof raw.show_id === 'string' && /^\d+$/.test(raw.show_id) ? Number(raw.show_id) : raw.show_id;
  if (typeof showId !== 'number' || !Number.isSafeInteger(showId) || showId <= 0) return null;
  const barcode = raw.barcode;
  const code = typeof barcode === 'number' && Number.isSafeInteger(barcode) ? String(barcode) : typeof barcode === 'string' ? barcode.trim() : '';
  // eslint-disable-next-line no-control-regex -- a code with control characters is no code
  if (code === '' || code.length > 256 || /[\u0000-\u001f\u007f]/.test(code)) return null;
  return {
    id: raw.id,
    showId,
    code,
    checkedAt: isDateTime(raw.checked_at) ? raw.checked_at : null,
    gone: orderGone || present(raw.refunded_at) || present(raw.deleted_at),
  };
}

/** The Order: the payload itself or its `data`. */
function orderOf(payload: Record<string, unknown>): Record<string, unknown> {
  return isDict(payload.data) && ('baskets' in payload.data || 'id' in payload.data) ? payload.data : payload;
}

/**
 * `checked_basket` / `unchecked_basket` as one basket, a list of them, or basket ids of the
 * order; looked for beside the Order and inside it.
 */
function marked(name: string, payload: Record<string, unknown>, order: Record<string, unknown>, baskets: Basket[], orderGone: boolean): Basket[] | null {
  const raw = payload[name] ?? order[name];
  if (raw === undefined || raw === null) return null;
  const items = isDict(raw) && !Object.keys(raw).every((k) => /^\d+$/.test(k)) ? [raw] : Array.isArray(raw) || isDict(raw) ? list(raw) : [raw];
  const out: Basket[] = [];
  for (const item of items) {
    if (isDict(item)) {
      const basket = basketOf(item, orderGone);
      if (basket) out.push(basket);
    } else {
      const byId = baskets.find((b) => b.id !== undefined && String(b.id) === String(item));
      if (byId) out.push(byId);
    }
  }
  return out;
}

/** Null when the payload is no Order at all. */
export function factsOfWebhook(eventType: string, payload: unknown, receivedAt: Date): TicketFact[] | null {
  if (!isDict(payload)) return null;
  const order = orderOf(payload);
  const type = eventType.trim().toLowerCase();
  const orderGone = present(order.deleted_at);
  const baskets = list(order.baskets).flatMap((b) => basketOf(b, orderGone) ?? []);
  const facts = new Map<string, TicketFact>();
  const add = (kind: FactKind, b: Basket, checkedAt: string | null) => {
    const key = `${b.showId}\u0000${b.code}`;
    // A refund wins over a scan or a sale of the same ticket in the same webhook.
    if (facts.get(key)?.kind === 'revoked') return;
    facts.set(key, { kind, showId: b.showId, code: b.code, checkedAt });
  };

  for (const b of baskets) if (b.gone) add('revoked', b, b.checkedAt);

  const checked = marked('checked_basket', payload, order, baskets, orderGone);
  const unchecked = marked('unchecked_basket', payload, order, baskets, orderGone);
  const scanTime = (b: Basket) => b.checkedAt ?? receivedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const b of checked ?? []) if (!b.gone) add('checked', b, scanTime(b));
  for (const b of unchecked ?? []) if (!b.gone) add('unchecked', b, null);
  if (type === 'checked' && checked === null && unchecked === null) {
    for (const b of baskets) if (!b.gone && b.checkedAt !== null) add('checked', b, b.checkedAt);
  }
  if ((type === 'created' || type === 'payed') && truthy(order.payed)) {
    for (const b of baskets) if (!b.gone) add('listed', b, b.checkedAt);
  }
  return [...facts.values()];
}
