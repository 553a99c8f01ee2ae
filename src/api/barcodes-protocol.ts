// Messages between the page and the barcode-list worker (barcodes.worker.ts).
import type { PackedTickets } from '../domain/ticket-pack.ts';
import type { ShowId } from '../domain/types.ts';
import type { ApiResult } from './errors.ts';

export interface BarcodesRequest {
  id: number;
  token: string;
  showId: ShowId;
  maxPages?: number;
}

/** A user-timing measure taken in the worker, on the epoch clock so the page can re-mark it. */
export interface WorkerTiming {
  name: string;
  startEpochMs: number;
  durationMs: number;
  /** For the request itself (`kontrol:pull:network`): bytes as sent, compressed. */
  bytes?: number;
}

export type BarcodesMessage =
  /** One pack per message (its arrays transferred): a few values for the page to take in. */
  | { id: number; type: 'pack'; pack: PackedTickets }
  /** On success `result.value` is empty: the packs came in the messages before. */
  | { id: number; type: 'done'; result: ApiResult<PackedTickets[]>; timings: WorkerTiming[] };
