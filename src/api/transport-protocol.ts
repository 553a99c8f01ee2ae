// Messages between the page and the request worker (transport.worker.ts), which runs the
// transport's GETs and POSTs off the page's thread.
import type { TransportResult } from './transport.ts';

export type TransportRequest =
  | { id: number; type: 'call'; method: 'get' | 'post'; baseUrl: string; path: string; token: string; payload: unknown }
  /** The caller's AbortSignal fired: the worker cancels the fetch (the page has already answered "aborted"). */
  | { id: number; type: 'abort' };

export interface TransportReply {
  id: number;
  result: TransportResult;
}
