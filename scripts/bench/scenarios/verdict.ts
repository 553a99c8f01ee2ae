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
  /** p95 of the warm scans that admitted (the write path), and of the unknown codes (asked of Qtickets online since issue 17). */
  warmAdmitP95: number;
  warmUnknownP95: number;
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

/** Unknown codes: a fresh one each time (the same code twice within the repeat window is one read). */
const UNKNOWN_BASE = 870_000_000_001;
/**
 * A repeat comes from a second person (a shared screenshot), never within the scanner's repeat
 * window (3 s: the door treats that as the same read, issue 21). Repeats are drawn from codes
 * admitted at least this many scans earlier: ≥ 6 s even at the stamina run's full speed.
 */
const REPEAT_DISTANCE = 400;

/**
 * The door's mix: 90 % first admissions, 5 % repeats of an admitted ticket, 5 % unknown. Stateful
 * across calls, so bursts and runs continue one door's evening (until a repeat is possible, its
 * slot is a first admission: the slowest path).
 */
export class DoorMix {
  private readonly admitted: string[] = [];
  private scans = 0;
  private unknowns = 0;

  constructor(private readonly fresh: Iterator<string>) {}

  take(count: number): string[] {
    const out: string[] = [];
    for (let k = 0; k < count; k++, this.scans++) {
      const i = this.scans;
      const old = this.admitted.length - REPEAT_DISTANCE;
      if (i % 20 === 7 && old > 0) out.push(this.admitted[(i * 7) % old] as string);
      else if (i % 20 === 13) out.push(String(UNKNOWN_BASE + this.unknowns++));
      else {
        const next = this.fresh.next();
        if (next.done) throw new Error('ran out of demo codes');
        this.admitted.push(next.value);
        out.push(next.value);
      }
    }
    return out;
  }
}

export function verdictCounts(samples: ScanSample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.verdict] = (counts[s.verdict] ?? 0) + 1;
  return counts;
}

/** Reloads the door, waits for scan-ready (and `delayMs` more) and makes the first scan: a cold verdict. */
export async function reopenAndScan(page: Page, mix: DoorMix, delayMs = 0): Promise<ScanSample | undefined> {
  await page.reload();
  await waitReady(page);
  if (delayMs > 0) await page.waitForTimeout(delayMs);
  const [sample] = await scanMany(page, mix.take(1), 0);
  return sample;
}

export async function measureVerdicts(page: Page, fresh: Iterator<string>, plan: VerdictPlan) {
  const mix = new DoorMix(fresh);
  const cold: number[] = [];
  for (let i = 0; i < plan.coldScans; i++) {
    const sample = await reopenAndScan(page, mix);
    if (sample) cold.push(sample.ms);
    process.stdout.write(`  cold ${i + 1}/${plan.coldScans}: ${sample?.ms.toFixed(1)} ms\r`);
  }
  const warm = await scanMany(page, mix.take(plan.warmScans), plan.gapMs);
  const refresh = page.getByTestId('refresh');
  await refresh.click();
  const during: number[] = [];
  // Small bursts until the button is enabled again: the pull (fetch, parse, store, swap) is over.
  while (during.length < 2000) {
    const burst = await scanMany(page, mix.take(10), plan.gapMs);
    during.push(...burst.map((s) => s.ms));
    if (await refresh.isEnabled()) break;
  }
  const ms = warm.map((s) => s.ms);
  const figures: VerdictFigures = {
    warmP50: quantile(ms, 0.5),
    warmP95: quantile(ms, 0.95),
    warmAdmitP95: quantile(warm.filter((s) => s.verdict === 'valid').map((s) => s.ms), 0.95),
    warmUnknownP95: quantile(warm.filter((s) => s.verdict === 'unknown').map((s) => s.ms), 0.95),
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
