// Messages between the page and the barcode-list worker (barcodes.worker.ts).
import type { ShowId } from '../domain/types';
import type { ApiResult } from './errors';
import type { ApiTicket } from './types';

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
  /** Tickets go in slices: the page deserialises each message in one task, so no slice is long. */
  | { id: number; type: 'chunk'; tickets: ApiTicket[] }
  /** On success `result.value` is empty: the tickets came in the chunks before. */
  | { id: number; type: 'done'; result: ApiResult<ApiTicket[]>; timings: WorkerTiming[] };

export const CHUNK_SIZE = 2000;
