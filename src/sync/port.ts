// What delivery needs from the network, in the door's terms. The adapter over src/api lives in
// api-port.ts; tests drive flush with fakes of this shape.
import type { ShowId } from '../domain/types.ts';

export interface CheckInItem {
  barcode: string;
  checked_at: string;
}

export type DeliveryAnswer =
  /** The server answered 2xx: everything sent and not refused is accepted. */
  | { ok: true; rejected: { barcode: string; reason: string }[] }
  /** Try again later: offline, timeout, 5xx, 429, a captive portal, a garbled answer. */
  | { ok: false; kind: 'retry'; message: string; status?: number; retryAfterMs?: number }
  /** The token was refused: nothing will get through until a person fixes it. */
  | { ok: false; kind: 'auth'; message: string; status: number }
  /** The server refused this request as such (4xx): something in the batch poisons it. */
  | { ok: false; kind: 'refused'; message: string; status?: number };

export interface DeliveryPort {
  postCheckIns(showId: ShowId, items: CheckInItem[]): Promise<DeliveryAnswer>;
}
