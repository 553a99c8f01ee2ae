// The request worker: the door's GETs and POSTs (delivery, the double-entry question, the venue
// hub's shares and heartbeats) run here, not on the page's thread. On a phone-speed CPU the
// fetch calls, the reading and JSON.parse of their answers and their timers took about 15 ms of
// the page's thread per admission, landing on the next guest's verdict in a queue.
import { hostTransport } from './transport-host.ts';
import type { TransportReply, TransportRequest } from './transport-protocol.ts';
import { createTransport } from './transport.ts';

declare const self: DedicatedWorkerGlobalScope;

const serve = hostTransport(
  (message: TransportReply) => self.postMessage(message),
  (baseUrl) => createTransport({ baseUrl }),
);

self.addEventListener('message', (event: MessageEvent<TransportRequest>) => void serve(event.data));
