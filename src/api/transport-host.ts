// The worker's side of the request worker, without the worker: takes the page's requests, runs
// them through a real transport (one per base URL: the Qtickets gateway and the venue hub) and
// posts each result back. Kept apart from transport.worker.ts so a test can run it in-process.
import type { TransportReply, TransportRequest } from './transport-protocol.ts';
import type { Transport } from './transport.ts';

export function hostTransport(reply: (message: TransportReply) => void, make: (baseUrl: string) => Transport): (request: TransportRequest) => Promise<void> {
  const transports = new Map<string, Transport>();
  const running = new Map<number, AbortController>();
  const transportFor = (baseUrl: string) => {
    let transport = transports.get(baseUrl);
    if (!transport) transports.set(baseUrl, (transport = make(baseUrl)));
    return transport;
  };
  return async (request) => {
    if (request.type === 'abort') {
      running.get(request.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    const transport = transportFor(request.baseUrl);
    const options = { signal: controller.signal };
    try {
      const result =
        request.method === 'get'
          ? await transport.get(request.path, request.token, request.payload, options)
          : await transport.post(request.path, request.token, request.payload, options);
      reply({ id: request.id, result });
    } finally {
      running.delete(request.id);
    }
  };
}
