// Fetches, parses and checks a show's barcode list off the page's thread. At 100,000 tickets
// JSON.parse and validation take about a second of CPU; on the page that second would hold up
// every scan made during a periodic refresh.
import { CHUNK_SIZE, type BarcodesMessage, type BarcodesRequest, type WorkerTiming } from './barcodes-protocol';
import { createQticketsClient } from './qtickets';

const client = createQticketsClient();
const post = (message: BarcodesMessage) => (self as unknown as Worker).postMessage(message);

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
  const result = await client.getShowBarcodes(token, showId, maxPages === undefined ? {} : { maxPages });
  if (result.ok) {
    for (let i = 0; i < result.value.length; i += CHUNK_SIZE) post({ id, type: 'chunk', tickets: result.value.slice(i, i + CHUNK_SIZE) });
    post({ id, type: 'done', result: { ...result, value: [] }, timings: takeTimings() });
  } else post({ id, type: 'done', result, timings: takeTimings() });
});
