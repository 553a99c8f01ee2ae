// Download: the setup link opened in a fresh profile, from the link to scan-ready, split by the
// app's own user-timing marks (src/api/qtickets.ts, src/sync/pull.ts), the Navigation, Paint and
// Resource Timing of the page, and the Resource Timing the barcode worker re-marks on the page.
// The first visit is read as consecutive steps whose durations add up to link → scan-ready:
//   page load (navigation → DOMContentLoaded: HTML, JS, CSS fetched and run)
//   → app start (DOMContentLoaded → the first API request leaves)
//   → setup calls (first API request → the first list request: token check, events, shows)
//   → list transfer (list request → its last byte; requests of several shows counted end to end)
//   → read + JSON.parse, validation, packing (in the worker)
//   → hand-over (worker done → the IndexedDB write starts: packs cross to the page)
//   → IndexedDB write → stored → count on screen.
// Several shows are pulled one after the other; their steps are summed, and the gaps between
// them (the next show's request) fall into "list transfer".
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { DoorServer } from '../server.ts';
import { Heap, newDoorContext, newDoorPage, setupLink, waitReady } from '../lab.ts';
import type { ProbeState } from '../probe.ts';

export interface DownloadFigures {
  /** The setup link opened (navigation start) → scan-ready: the "setup link → scan-ready". */
  linkMs: number;
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
  /** Packing the tickets for the page (domain/ticket-pack.ts). */
  packMs: number;
  /** replaceShowTickets: the IndexedDB transaction. */
  storeMs: number;
  /** Stored → the count on screen. */
  screenMs: number;
  peakHeapMB: number;
  idbMB: number;
  answerMB: number;
}

/** The first visit's steps, each in ms; they add up to `DownloadFigures.linkMs`. */
export interface FirstVisitFigures {
  pageLoadMs: number;
  appStartMs: number;
  setupCallsMs: number;
  transferMs: number;
  parseMs: number;
  validateMs: number;
  packMs: number;
  handOverMs: number;
  storeMs: number;
  screenMs: number;
  /** From the link: first contentful paint of the document (whatever screen it is). */
  firstPaintMs: number;
  /** From the link: the frame that first shows the scan screen. */
  scanScreenPaintMs: number;
}

export interface DoorSession {
  context: BrowserContext;
  page: Page;
  heap: Heap;
  figures: DownloadFigures;
  visit: FirstVisitFigures;
}

export interface OpenOptions {
  /** 1 = host speed; 4 = the page's main thread throttled 4x (lab.ts). */
  cpuRate?: number;
  /** Shows on the setup link (default: show 1001). */
  shows?: readonly number[];
  readyTimeoutMs?: number;
  /** Called once the page exists, before the link is opened (e.g. to sample the worker's heap). */
  beforeOpen?: (page: Page) => Promise<void>;
}

interface Span {
  start: number;
  end: number;
}

interface Timings {
  pull: Span[];
  fetch: Span[];
  parse: number;
  pack: number;
  store: Span[];
  list: (Span & { bytes: number })[];
  firstApiStart: number;
  domContentLoaded: number;
  firstPaint: number;
  scanScreenPaint: number;
}

const MB = 2 ** 20;

/** Opens the setup link in a fresh browser profile and measures the download of its shows. */
export async function openDoor(browser: Browser, server: DoorServer, expectedStored: number, options: OpenOptions = {}): Promise<DoorSession> {
  const context = await newDoorContext(browser, server.base, { expectedStored }, options.cpuRate ?? 1);
  try {
    const page = await newDoorPage(context);
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
    await options.beforeOpen?.(page);
    // The CDP session belongs to the tab, not the document: the sampler sees the whole first load.
    const heap = await Heap.of(page);
    const opened = page.goto(setupLink(options.shows)).then(() => waitReady(page, options.readyTimeoutMs));
    const { value: readyAt, peak } = await heap.peakDuring(opened);
    const t = await page.evaluate(readTimings);
    const usage = await page.evaluate(async () => {
      const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
      return e.usageDetails?.indexedDB ?? e.usage ?? NaN;
    });
    const sum = (spans: Span[]) => spans.reduce((s, x) => s + (x.end - x.start), 0);
    const pullStart = Math.min(...t.pull.map((p) => p.start));
    const pullEnd = Math.max(...t.pull.map((p) => p.end));
    const listStart = Math.min(...t.list.map((r) => r.start));
    const lastByte = Math.max(...t.list.map((r) => r.end));
    const fetchEnd = Math.max(...t.fetch.map((f) => f.end));
    const storeMs = sum(t.store);
    const jsonMs = fetchEnd - lastByte;
    const figures: DownloadFigures = {
      linkMs: readyAt,
      totalMs: readyAt - pullStart,
      afterAnswerMs: readyAt - lastByte,
      networkMs: sum(t.list),
      jsonMs,
      validateMs: t.parse,
      packMs: t.pack,
      storeMs,
      screenMs: readyAt - pullEnd,
      peakHeapMB: peak / MB,
      idbMB: usage / MB,
      answerMB: t.list.reduce((s, r) => s + r.bytes, 0) / MB,
    };
    // Consecutive boundaries on the page's clock, so the steps add up to linkMs exactly.
    const workerDone = fetchEnd + t.parse + t.pack;
    const storeStart = pullEnd - storeMs;
    const visit: FirstVisitFigures = {
      pageLoadMs: t.domContentLoaded,
      appStartMs: t.firstApiStart - t.domContentLoaded,
      setupCallsMs: listStart - t.firstApiStart,
      transferMs: lastByte - listStart,
      parseMs: jsonMs,
      validateMs: t.parse,
      packMs: t.pack,
      handOverMs: storeStart - workerDone,
      storeMs,
      screenMs: readyAt - pullEnd,
      firstPaintMs: t.firstPaint,
      scanScreenPaintMs: t.scanScreenPaint,
    };
    return { context, page, heap, figures, visit };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Runs in the page. */
function readTimings(): Timings {
  const spans = (name: string) => performance.getEntriesByName(name, 'measure').map((m) => ({ start: m.startTime, end: m.startTime + m.duration }));
  const total = (name: string) => performance.getEntriesByName(name, 'measure').reduce((s, m) => s + m.duration, 0);
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const api = resources.filter((r) => r.name.includes('/api/'));
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const probe = (window as unknown as { __bench: ProbeState }).__bench;
  return {
    pull: spans('kontrol:pull'),
    fetch: spans('kontrol:pull:fetch'),
    parse: total('kontrol:pull:parse'),
    pack: total('kontrol:pull:pack'),
    store: spans('kontrol:pull:store'),
    // The app fetches the list in a worker and re-marks the worker's Resource Timing here.
    list: [
      ...api.filter((r) => r.name.includes('/barcodes')).map((r) => ({ start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize })),
      ...performance
        .getEntriesByName('kontrol:pull:network', 'measure')
        .map((m) => ({ start: m.startTime, end: m.startTime + m.duration, bytes: (m as PerformanceMeasure).detail?.bytes ?? 0 })),
    ],
    firstApiStart: Math.min(...api.map((r) => r.startTime), ...performance.getEntriesByName('kontrol:pull:network', 'measure').map((m) => m.startTime)),
    domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    scanScreenPaint: probe.scanScreenPaintAt ?? NaN,
  };
}
