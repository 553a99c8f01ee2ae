// The client with getShowList moved to a worker (barcodes.worker.ts) where workers exist;
// everything else, and environments without module workers (tests), use the client as it is.
import type { PackedTickets } from '../domain/ticket-pack.ts';
import type { ShowId } from '../domain/types.ts';
import type { BarcodesMessage, BarcodesRequest } from './barcodes-protocol.ts';
import { fail, type ApiResult } from './errors.ts';
import type { ListOptions, QticketsClient } from './qtickets.ts';

export function withBarcodesOffThread(client: QticketsClient): QticketsClient {
  if (typeof Worker === 'undefined') return client;
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { packs: PackedTickets[]; resolve: (r: ApiResult<PackedTickets[]>) => void }>();

  function start(): Worker {
    const w = new Worker(new URL('./barcodes.worker.ts', import.meta.url), { type: 'module', name: 'kontrol-barcodes' });
    w.onmessage = (event: MessageEvent<BarcodesMessage>) => {
      const message = event.data;
      const call = waiting.get(message.id);
      if (!call) return;
      if (message.type === 'pack') {
        call.packs.push(message.pack);
        return;
      }
      waiting.delete(message.id);
      // The worker's own user timing, re-marked here so `npm run bench` still sees the split.
      for (const t of message.timings) {
        const start = t.startEpochMs - performance.timeOrigin;
        performance.measure(t.name, { start, end: start + t.durationMs, detail: t.bytes === undefined ? null : { bytes: t.bytes } });
      }
      call.resolve(message.result.ok ? { ...message.result, value: call.packs } : message.result);
    };
    // A worker that cannot start or dies fails the pulls it had; the next pull starts a new one.
    w.onerror = (event) => {
      event.preventDefault();
      for (const call of waiting.values()) call.resolve(fail({ kind: 'network', message: `barcode worker: ${event.message || 'failed'}` }));
      waiting.clear();
      w.terminate();
      worker = null;
    };
    return w;
  }

  function getShowList(token: string, showId: ShowId, options: ListOptions = {}): Promise<ApiResult<PackedTickets[]>> {
    // A caller's AbortSignal cannot cross to the worker: such calls stay on this thread.
    if (options.signal) return client.getShowList(token, showId, options);
    worker ??= start();
    const id = nextId++;
    const request: BarcodesRequest = { id, token, showId, ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }) };
    return new Promise((resolve) => {
      waiting.set(id, { packs: [], resolve });
      worker?.postMessage(request);
    });
  }

  return { ...client, getShowList };
}
