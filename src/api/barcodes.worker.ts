// Fetches, parses, checks and packs a show's barcode list off the page's thread. At 100,000
// tickets JSON.parse and validation take about a second of CPU; on the page that second would
// hold up every scan made during a periodic refresh. The page gets packs (domain/ticket-pack.ts),
// not 100,000 objects: taking those in made the page's collector pause 50-60 ms mid-refresh.
import { transferablesOf } from '../domain/ticket-pack.ts';
import type { BarcodesMessage, BarcodesRequest, WorkerTiming } from './barcodes-protocol.ts';
import { createQticketsClient } from './qtickets.ts';

declare const self: DedicatedWorkerGlobalScope;

const client = createQticketsClient();
const post = (message: BarcodesMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

function takeTimings(): WorkerTiming[] {
  const timings = performance
    .getEntriesByType('measure')
    .filter((m) => m.name.startsWith('kontrol:'))
    .map((m): WorkerTiming => ({ name: m.name, startEpochMs: performance.timeOrigin + m.startTime, durationMs: m.duration }));
  // The requests, as Resource Timing sees them here (the page's own timeline never sees a worker's fetch).
  for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    if (!r.name.includes('/barcodes')) continue;
    timings.push({ name: 'kontrol:pull:network', startEpochMs: performance.timeOrigin + r.startTime, durationMs: r.responseEnd - r.startTime, bytes: r.encodedBodySize });
  }
  performance.clearMeasures();
  performance.clearResourceTimings();
  return timings;
}

self.addEventListener('message', async (event: MessageEvent<BarcodesRequest>) => {
  const { id, token, showId, maxPages } = event.data;
  const result = await client.getShowList(token, showId, maxPages === undefined ? {} : { maxPages });
  if (result.ok) {
    for (const pack of result.value) post({ id, type: 'pack', pack }, transferablesOf(pack));
    post({ id, type: 'done', result: { ...result, value: [] }, timings: takeTimings() });
  } else post({ id, type: 'done', result, timings: takeTimings() });
});
