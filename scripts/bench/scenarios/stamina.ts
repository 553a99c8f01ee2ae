// Stamina: a long run of scans must not leave the page holding more memory than before.
// Heap is read after forced full collections, after a warm-up so JIT code and caches are in.
// The heap is also read halfway: growth that goes on in the second half is a leak's slope, while
// what settles early (the last optimised code, first-time caches) shows in the first half only.
// Each reading waits until the door is quiet (every check-in delivered, the double-entry
// questions answered or timed out): on a loaded machine a backlog of deliveries and requests in
// flight at the moment of reading moved the figure by up to 1 MB between runs.
import type { Page } from '@playwright/test';
import { scanMany, type Heap } from '../lab.ts';
import { DoorMix, verdictCounts } from './verdict.ts';

export interface StaminaFigures {
  heapBeforeMB: number;
  heapAfterMB: number;
  growthMB: number;
  /** Growth over the second half of the run, per scan: what a longer night keeps adding. */
  secondHalfBytesPerScan: number;
  scansPerSecond: number;
}

const MB = 2 ** 20;
/**
 * Scans before the first reading. V8 was still compiling optimised code for the scan path after
 * 100 scans (about 1 MB of code in the next 400, seen in heap snapshots), which is no memory the
 * door keeps per scan.
 */
export const WARM_UP_SCANS = 500;

/** The double-entry question after an admission gives up after 1.5 s (src/sync/double-entry.ts). */
const QUESTIONS_DONE_MS = 2000;

async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="pending-count"]')?.textContent?.trim() === '0', null, {
    timeout: 60_000,
    polling: 100,
  });
  await page.waitForTimeout(QUESTIONS_DONE_MS);
}

async function retainedWhenQuiet(page: Page, heap: Heap): Promise<number> {
  await quiet(page);
  return heap.retained();
}

export async function measureStamina(page: Page, heap: Heap, fresh: Iterator<string>, scans: number) {
  const mix = new DoorMix(fresh);
  await scanMany(page, mix.take(WARM_UP_SCANS), 0);
  const before = await retainedWhenQuiet(page, heap);
  const started = performance.now();
  const half = Math.floor(scans / 2);
  const samples = await scanMany(page, mix.take(half), 0);
  const seconds = (performance.now() - started) / 1000;
  const middle = await retainedWhenQuiet(page, heap);
  const restStarted = performance.now();
  samples.push(...(await scanMany(page, mix.take(scans - half), 0)));
  const restSeconds = (performance.now() - restStarted) / 1000;
  const after = await retainedWhenQuiet(page, heap);
  const figures: StaminaFigures = {
    heapBeforeMB: before / MB,
    heapAfterMB: after / MB,
    growthMB: (after - before) / MB,
    secondHalfBytesPerScan: (after - middle) / (scans - half),
    scansPerSecond: scans / (seconds + restSeconds),
  };
  return { figures, counts: verdictCounts(samples) };
}
