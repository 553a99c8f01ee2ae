// Download: from the start of the show's pull to scan-ready, split by the app's own user-timing
// marks (src/api/qtickets.ts, src/sync/pull.ts) and the Resource Timing of the barcodes request.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { DoorServer } from '../server.ts';
import { Heap, newDoorContext, setupLink, waitReady } from '../lab.ts';

export interface DownloadFigures {
  /** Pull start → scan-ready (the count is on screen). */
  totalMs: number;
  /** Last byte of the answer → scan-ready: the target's "after the answer arrives". */
  afterAnswerMs: number;
  /** Request start → last byte (gateway + demo + transfer). */
  networkMs: number;
  /** Last byte → JSON parsed (response.text() and JSON.parse). */
  jsonMs: number;
  /** Validation into typed tickets (valibot or its fast path). */
  validateMs: number;
  /** replaceShowTickets: the IndexedDB transaction. */
  storeMs: number;
  /** Stored → the count on screen. */
  screenMs: number;
  peakHeapMB: number;
  idbMB: number;
  answerMB: number;
}

export interface DoorSession {
  context: BrowserContext;
  page: Page;
  heap: Heap;
  figures: DownloadFigures;
}

interface Timings {
  pull: { start: number; end: number };
  fetch: { start: number; end: number }[];
  parse: number;
  store: number;
  resources: { start: number; end: number; bytes: number }[];
}

const MB = 2 ** 20;

/** Opens the setup link in a fresh browser profile and measures the download of show 1001. */
export async function openDoor(browser: Browser, server: DoorServer, expectedStored: number): Promise<DoorSession> {
  const context = await newDoorContext(browser, server.base, { expectedStored });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  // The CDP session belongs to the tab, not the document: the sampler sees the whole first load.
  const heap = await Heap.of(page);
  const { value: readyAt, peak } = await heap.peakDuring(page.goto(setupLink()).then(() => waitReady(page)));
  const t = await page.evaluate((): Timings => {
    const one = (name: string) => performance.getEntriesByName(name, 'measure').at(-1);
    const pull = one('kontrol:pull');
    return {
      pull: { start: pull?.startTime ?? NaN, end: pull ? pull.startTime + pull.duration : NaN },
      fetch: performance.getEntriesByName('kontrol:pull:fetch', 'measure').map((m) => ({ start: m.startTime, end: m.startTime + m.duration })),
      parse: performance.getEntriesByName('kontrol:pull:parse', 'measure').reduce((s, m) => s + m.duration, 0),
      store: one('kontrol:pull:store')?.duration ?? NaN,
      // The app fetches the list in a worker and re-marks the worker's Resource Timing here.
      resources: [
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.includes('/barcodes'))
          .map((r) => ({ start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize })),
        ...performance
          .getEntriesByName('kontrol:pull:network', 'measure')
          .map((m) => ({ start: m.startTime, end: m.startTime + m.duration, bytes: (m as PerformanceMeasure).detail?.bytes ?? 0 })),
      ],
    };
  });
  const usage = await page.evaluate(async () => {
    const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
    return e.usageDetails?.indexedDB ?? e.usage ?? NaN;
  });
  const lastByte = Math.max(...t.resources.map((r) => r.end));
  const network = t.resources.reduce((s, r) => s + (r.end - r.start), 0);
  const fetchEnd = Math.max(...t.fetch.map((f) => f.end));
  const figures: DownloadFigures = {
    totalMs: readyAt - t.pull.start,
    afterAnswerMs: readyAt - lastByte,
    networkMs: network,
    jsonMs: fetchEnd - lastByte,
    validateMs: t.parse,
    storeMs: t.store,
    screenMs: readyAt - t.pull.end,
    peakHeapMB: peak / MB,
    idbMB: usage / MB,
    answerMB: t.resources.reduce((s, r) => s + r.bytes, 0) / MB,
  };
  return { context, page, heap, figures };
}
