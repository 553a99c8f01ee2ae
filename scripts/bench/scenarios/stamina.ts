// Stamina: a long run of scans must not leave the page holding more memory than before.
// Heap is read after forced full collections, after a warm-up so JIT code and caches are in.
import type { Page } from '@playwright/test';
import { scanMany, type Heap } from '../lab.ts';
import { doorMix, verdictCounts } from './verdict.ts';

export interface StaminaFigures {
  heapBeforeMB: number;
  heapAfterMB: number;
  growthMB: number;
  scansPerSecond: number;
}

const MB = 2 ** 20;

export async function measureStamina(page: Page, heap: Heap, fresh: Iterator<string>, scans: number) {
  await scanMany(page, doorMix(fresh, 100), 0);
  const before = await heap.retained();
  const started = performance.now();
  const samples = await scanMany(page, doorMix(fresh, scans), 0);
  const seconds = (performance.now() - started) / 1000;
  const after = await heap.retained();
  const figures: StaminaFigures = {
    heapBeforeMB: before / MB,
    heapAfterMB: after / MB,
    growthMB: (after - before) / MB,
    scansPerSecond: scans / seconds,
  };
  return { figures, counts: verdictCounts(samples) };
}
