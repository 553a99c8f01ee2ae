// The transport with its GETs and POSTs moved to the request worker (transport.worker.ts) where
// module workers exist; streams (the venue hub's, open for hours) and environments without
// workers (tests) keep the transport on this thread. One worker serves every base URL.
import { fail } from './errors.ts';
import { lazyWorker } from './lazy-worker.ts';
import type { TransportReply, TransportRequest } from './transport-protocol.ts';
import { createTransport, type CallOptions, type Transport, type TransportResult } from './transport.ts';

export function offThreadTransports(): (baseUrl: string) => Transport {
  if (typeof Worker === 'undefined') return (baseUrl) => createTransport({ baseUrl });
  const worker = lazyWorker<TransportReply, (result: TransportResult) => void>({
    start: () => new Worker(new URL('./transport.worker.ts', import.meta.url), { type: 'module', name: 'kontrol-requests' }),
    name: 'request worker',
    onMessage: ({ id, result }, settle) => {
      worker.forget(id);
      settle(result);
    },
    onLost: (settle, failure) => settle(failure),
  });

  function call(local: Transport, method: 'get' | 'post', baseUrl: string, path: string, token: string, payload: unknown, options: CallOptions): Promise<TransportResult> {
    const { signal } = options;
    if (signal?.aborted) return Promise.resolve(fail({ kind: 'aborted' }));
    return new Promise<TransportResult>((resolve) => {
      let id: number | null = null;
      const onAbort = () => {
        // Answered here at once, as the in-thread transport does; the worker cancels its fetch.
        if (id !== null) {
          worker.forget(id);
          worker.post({ id, type: 'abort' } satisfies TransportRequest);
        }
        resolve(fail({ kind: 'aborted' }));
      };
      id = worker.send(
        (result: TransportResult) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
        (id): TransportRequest => ({ id, type: 'call', method, baseUrl, path, token, payload }),
      );
      // No worker could start: the call stays on this thread.
      if (id === null) resolve(method === 'get' ? local.get(path, token, payload, options) : local.post(path, token, payload, options));
      else signal?.addEventListener('abort', onAbort, { once: true });
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
