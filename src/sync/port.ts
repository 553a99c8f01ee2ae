// What delivery needs from the network, in the door's terms. The adapter over src/api lives in
// api-port.ts; tests drive flush with fakes of this shape.
import type { BatchOutcome } from '../api/index.ts';
import type { ShowId } from '../domain/types.ts';

export interface CheckInItem {
  barcode: string;
  checked_at: string;
}

/** Why a request failed, for the person: the UI words it in their language. */
export type DeliveryProblem = 'network' | 'timeout' | 'server' | 'rate' | 'answer' | 'refused' | 'no_token';

export type DeliveryAnswer =
  /** The server answered: what the answer proves code by code (a sent code in neither list is unconfirmed). */
  | { ok: true; outcome: BatchOutcome }
  /** Try again later: offline, timeout, 5xx, 429, 3xx, 404/405/409/410 without detail, HTML, a garbled answer. */
  | { ok: false; kind: 'retry'; problem: DeliveryProblem; message: string; status?: number; retryAfterMs?: number }
  /** The token was refused (401): nothing will get through until a person fixes it. */
  | { ok: false; kind: 'auth'; message: string; status: number }
  /** 403 for this show: the token may not write to it. Other shows go on. */
  | { ok: false; kind: 'forbidden'; message: string; status: number }
  /** 413: send fewer records at once. */
  | { ok: false; kind: 'too_large'; message: string; status: number };

/** What the server holds for one code (`GET /shows/{id}/barcode/{code}`). */
export type ReadBack =
  | { kind: 'held'; checkedAt: string }
  /** The server does not hold it checked: `checked_at: null`, or it does not know the code. */
  | { kind: 'absent' }
  /** No answer we can use now: ask again later. */
  | { kind: 'unknown'; message: string }
  | { kind: 'auth'; message: string; status: number };

export interface DeliveryPort {
  postCheckIns(showId: ShowId, items: CheckInItem[]): Promise<DeliveryAnswer>;
  readBack(showId: ShowId, code: string): Promise<ReadBack>;
}
