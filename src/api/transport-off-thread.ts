// The transport with its GETs and POSTs moved to the request worker (transport.worker.ts) where
// module workers exist; streams (the venue hub's, open for hours) and environments without
// workers (tests) keep the transport on this thread. One worker serves every base URL.
import { fail } from './errors.ts';
import type { TransportReply, TransportRequest } from './transport-protocol.ts';
import { createTransport, type CallOptions, type Transport, type TransportResult } from './transport.ts';

export function offThreadTransports(): (baseUrl: string) => Transport {
  if (typeof Worker === 'undefined') return (baseUrl) => createTransport({ baseUrl });
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, (result: TransportResult) => void>();

  function start(): Worker {
    const w = new Worker(new URL('./transport.worker.ts', import.meta.url), { type: 'module', name: 'kontrol-requests' });
    w.onmessage = (event: MessageEvent<TransportReply>) => {
      const { id, result } = event.data;
      waiting.get(id)?.(result);
      waiting.delete(id);
    };
    // A worker that cannot start or dies fails the calls it had, as a network failure each
    // caller already retries; the next call starts a new one.
    w.onerror = (event) => {
      event.preventDefault();
      const failed = fail({ kind: 'network', message: `request worker: ${event.message || 'failed'}` });
      for (const settle of waiting.values()) settle(failed);
      waiting.clear();
      w.terminate();
      if (worker === w) worker = null;
    };
    return w;
  }

  /** The worker, started on first use; null where it cannot start (the call then stays here). */
  function running(): Worker | null {
    try {
      return (worker ??= start());
    } catch {
      return null;
    }
  }

  function call(local: Transport, method: 'get' | 'post', baseUrl: string, path: string, token: string, payload: unknown, options: CallOptions): Promise<TransportResult> {
    const { signal } = options;
    if (signal?.aborted) return Promise.resolve(fail({ kind: 'aborted' }));
    const w = running();
    if (!w) return method === 'get' ? local.get(path, token, payload, options) : local.post(path, token, payload, options);
    const id = nextId++;
    const request: TransportRequest = { id, type: 'call', method, baseUrl, path, token, payload };
    return new Promise<TransportResult>((resolve) => {
      const onAbort = () => {
        // Answered here at once, as the in-thread transport does; the worker cancels its fetch.
        waiting.delete(id);
        w.postMessage({ id, type: 'abort' } satisfies TransportRequest);
        resolve(fail({ kind: 'aborted' }));
      };
      waiting.set(id, (result) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      w.postMessage(request);
    });
  }

  return (baseUrl) => {
    const local = createTransport({ baseUrl });
    return {
      get: (path, token, params, options = {}) => call(local, 'get', baseUrl, path, token, params, options),
      post: (path, token, body, options = {}) => call(local, 'post', baseUrl, path, token, body, options),
      stream: (path, token, options) => local.stream(path, token, options),
    };
  };
}
