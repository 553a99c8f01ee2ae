// The client with getShowList moved to a worker (barcodes.worker.ts) where workers exist;
// everything else, and environments without module workers (tests), use the client as it is.
import type { PackedTickets } from '../domain/ticket-pack.ts';
import type { ShowId } from '../domain/types.ts';
import type { BarcodesMessage, BarcodesRequest } from './barcodes-protocol.ts';
import type { ApiResult } from './errors.ts';
import { lazyWorker } from './lazy-worker.ts';
import type { ListOptions, QticketsClient } from './qtickets.ts';

interface PendingPull {
  packs: PackedTickets[];
  resolve: (result: ApiResult<PackedTickets[]>) => void;
}

export function withBarcodesOffThread(client: QticketsClient): QticketsClient {
  if (typeof Worker === 'undefined') return client;
  const worker = lazyWorker<BarcodesMessage, PendingPull>({
    start: () => new Worker(new URL('./barcodes.worker.ts', import.meta.url), { type: 'module', name: 'kontrol-barcodes' }),
    name: 'barcode worker',
    onMessage: (message, call) => {
      if (message.type === 'pack') {
        call.packs.push(message.pack);
        return;
      }
      worker.forget(message.id);
      // The worker's own user timing, re-marked here so `npm run bench` still sees the split.
      for (const t of message.timings) {
        const start = t.startEpochMs - performance.timeOrigin;
        performance.measure(t.name, { start, end: start + t.durationMs, detail: t.bytes === undefined ? null : { bytes: t.bytes } });
      }
      call.resolve(message.result.ok ? { ...message.result, value: call.packs } : message.result);
    },
    onLost: (call, failure) => call.resolve(failure),
  });

  function getShowList(token: string, showId: ShowId, options: ListOptions = {}): Promise<ApiResult<PackedTickets[]>> {
    // A caller's AbortSignal cannot cross to the worker: such calls stay on this thread.
    if (options.signal) return client.getShowList(token, showId, options);
    return new Promise((resolve) => {
      const id = worker.send({ packs: [], resolve }, (id): BarcodesRequest => ({ id, token, showId, ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }) }));
      // No worker could start: the pull stays on this thread.
      if (id === null) resolve(client.getShowList(token, showId, options));
    });
  }

  return { ...client, getShowList };
}
