// One point of the scaling curve: a fresh profile opens a setup link for every show of the demo's
// festival (N tickets over several shows, as one device holds a festival) and is measured from the
// link to scan-ready, with the page's and the barcode worker's heap sampled throughout; then a run
// of wedge scans across those shows gives the verdict p95 at that size. A point that cannot be
// reached within the time limit is a result too: the error says what the screen showed.
import type { Browser } from '@playwright/test';
import type { DoorServer } from '../server.ts';
import { quantile } from '../stats.ts';
import { FIRST_PLAIN_CODE, scanMany } from '../lab.ts';
import { WorkerHeapSampler } from '../worker-heap.ts';
import { openDoor, type DownloadFigures } from './download.ts';
import { DoorMix } from './verdict.ts';

export interface ScaleFigures {
  /** Setup link → scan-ready. */
  linkMs: number;
  /** Start of the first pull → scan-ready. */
  pullMs: number;
  /** Last byte of the last list → scan-ready. */
  afterAnswerMs: number;
  pagePeakMB: number;
  /** Page heap at scan-ready after full collections: what the door keeps. */
  pageKeptMB: number;
  /** Peak of the barcode worker's heap (NaN if the worker was never seen). */
  workerPeakMB: number;
  idbMB: number;
  answerMB: number;
  verdictP95: number;
  verdictScans: number;
}

export interface ScalePoint {
  tickets: number;
  shows: number;
  rate: number;
  figures?: ScaleFigures;
  /** Why the point has no figures: not scan-ready in time, a crash, an error. */
  failure?: string;
  /** What the download's own figures were, for bench-results/scale.json. */
  download?: DownloadFigures;
}

export interface ScalePlan {
  scans: number;
  gapMs: number;
  readyTimeoutMs: number;
}

const MB = 2 ** 20;

/** Plain codes of every show, taken in turn, so scans cross the shows the device holds. */
function interleaved(codesByShow: string[][]): Iterator<string> {
  const plain = codesByShow.map((codes) => codes.slice(FIRST_PLAIN_CODE));
  return (function* () {
    for (let i = 0; ; i++) {
      let any = false;
      for (const codes of plain) {
        const code = codes[i];
        if (code !== undefined) {
          any = true;
          yield code;
        }
      }
      if (!any) return;
    }
  })();
}

export async function measureScalePoint(
  browser: Browser,
  server: DoorServer,
  showIds: number[],
  codesByShow: string[][],
  rate: number,
  plan: ScalePlan,
): Promise<{ figures: ScaleFigures; download: DownloadFigures }> {
  const expected = codesByShow.reduce((s, c) => s + c.length, 0);
  const workerHeap = await WorkerHeapSampler.start(browser);
  let workerPeak: number;
  let door;
  try {
    door = await openDoor(browser, server, expected, { cpuRate: rate, shows: showIds, readyTimeoutMs: plan.readyTimeoutMs });
  } finally {
    workerPeak = await workerHeap.stop();
  }
  try {
    const kept = await door.heap.retained();
    const samples = await scanMany(door.page, new DoorMix(interleaved(codesByShow)).take(plan.scans), plan.gapMs);
    const d = door.figures;
    const figures: ScaleFigures = {
      linkMs: d.linkMs,
      pullMs: d.totalMs,
      afterAnswerMs: d.afterAnswerMs,
      pagePeakMB: d.peakHeapMB,
      pageKeptMB: kept / MB,
      workerPeakMB: workerPeak > 0 ? workerPeak / MB : NaN,
      idbMB: d.idbMB,
      answerMB: d.answerMB,
      verdictP95: quantile(
        samples.map((s) => s.ms),
        0.95,
      ),
      verdictScans: samples.length,
    };
    return { figures, download: d };
  } finally {
    await door.heap.detach();
    await door.context.close();
  }
}
