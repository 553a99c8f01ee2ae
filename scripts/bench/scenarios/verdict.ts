// Verdict latency: Enter of a wedge scan → the new verdict in the DOM (and the next frame).
// Cold: the first scan after the app was opened anew (the door reopened, nothing warm in memory).
// Warm: a run of scans at a steady pace, mostly admissions (the slowest path: a write
// transaction), with repeats and unknown codes among them.
// During a pull: the same pace while the door refreshes its 100,000-ticket list (issue 5: a pull
// never blocks or slows scanning); scans go on until the refresh has finished.
import type { Page } from '@playwright/test';
import { quantile } from '../stats.ts';
import { scanMany, waitReady } from '../lab.ts';
import type { ScanSample } from '../probe.ts';

export interface VerdictFigures {
  warmP50: number;
  warmP95: number;
  warmMax: number;
  warmFrameP95: number;
  coldP50: number;
  coldP95: number;
  coldMax: number;
  pullP95: number;
  pullMax: number;
  /** Scans made while the refresh ran. */
  pullScans: number;
}

export interface VerdictPlan {
  warmScans: number;
  coldScans: number;
  gapMs: number;
}

export const UNKNOWN_CODE = '870000000001';

/** The door's mix: 90 % first admissions, 5 % repeats of an admitted ticket, 5 % unknown. */
export function doorMix(fresh: Iterator<string>, count: number): string[] {
  const out: string[] = [];
  const admitted: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 20 === 7 && admitted.length > 0) out.push(admitted[(i * 7) % admitted.length] as string);
    else if (i % 20 === 13) out.push(UNKNOWN_CODE);
    else {
      const next = fresh.next();
      if (next.done) throw new Error('ran out of demo codes');
      admitted.push(next.value);
      out.push(next.value);
    }
  }
  return out;
}

export function verdictCounts(samples: ScanSample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.verdict] = (counts[s.verdict] ?? 0) + 1;
  return counts;
}

/** Reloads the door, waits for scan-ready (and `delayMs` more) and makes the first scan: a cold verdict. */
export async function reopenAndScan(page: Page, fresh: Iterator<string>, delayMs = 0): Promise<ScanSample | undefined> {
  await page.reload();
  await waitReady(page);
  if (delayMs > 0) await page.waitForTimeout(delayMs);
  const [sample] = await scanMany(page, doorMix(fresh, 1), 0);
  return sample;
}

export async function measureVerdicts(page: Page, fresh: Iterator<string>, plan: VerdictPlan) {
  const cold: number[] = [];
  for (let i = 0; i < plan.coldScans; i++) {
    const sample = await reopenAndScan(page, fresh);
    if (sample) cold.push(sample.ms);
    process.stdout.write(`  cold ${i + 1}/${plan.coldScans}: ${sample?.ms.toFixed(1)} ms\r`);
  }
  const warm = await scanMany(page, doorMix(fresh, plan.warmScans), plan.gapMs);
  const refresh = page.getByTestId('refresh');
  await refresh.click();
  const during: number[] = [];
  // Small bursts until the button is enabled again: the pull (fetch, parse, store, swap) is over.
  while (during.length < 2000) {
    const burst = await scanMany(page, doorMix(fresh, 10), plan.gapMs);
    during.push(...burst.map((s) => s.ms));
    if (await refresh.isEnabled()) break;
  }
  const ms = warm.map((s) => s.ms);
  const figures: VerdictFigures = {
    warmP50: quantile(ms, 0.5),
    warmP95: quantile(ms, 0.95),
    warmMax: Math.max(...ms),
    warmFrameP95: quantile(warm.map((s) => s.frameMs), 0.95),
    coldP50: quantile(cold, 0.5),
    coldP95: quantile(cold, 0.95),
    coldMax: Math.max(...cold),
    pullP95: quantile(during, 0.95),
    pullMax: Math.max(...during),
    pullScans: during.length,
  };
  return { figures, counts: verdictCounts(warm) };
}
