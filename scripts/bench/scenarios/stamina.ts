// Stamina: a long run of scans must not leave the page holding more memory than before.
// Heap is read after forced full collections, after a warm-up so JIT code and caches are in.
// The heap is also read halfway: growth that goes on in the second half is a leak's slope, while
// what settles early (the last optimised code, first-time caches) shows in the first half only.
import type { Page } from '@playwright/test';
import { scanMany, type Heap } from '../lab.ts';
import { doorMix, verdictCounts } from './verdict.ts';

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

export async function measureStamina(page: Page, heap: Heap, fresh: Iterator<string>, scans: number) {
  await scanMany(page, doorMix(fresh, WARM_UP_SCANS), 0);
  const before = await heap.retained();
  const started = performance.now();
  const half = Math.floor(scans / 2);
  const samples = await scanMany(page, doorMix(fresh, half), 0);
  const seconds = (performance.now() - started) / 1000;
  const middle = await heap.retained();
  const restStarted = performance.now();
  samples.push(...(await scanMany(page, doorMix(fresh, scans - half), 0)));
  const restSeconds = (performance.now() - restStarted) / 1000;
  const after = await heap.retained();
  const figures: StaminaFigures = {
    heapBeforeMB: before / MB,
    heapAfterMB: after / MB,
    growthMB: (after - before) / MB,
    secondHalfBytesPerScan: (after - middle) / (scans - half),
    scansPerSecond: scans / (seconds + restSeconds),
  };
  return { figures, counts: verdictCounts(samples) };
}
