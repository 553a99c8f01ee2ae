// Delivery: admissions made offline, then the network comes back. Timed on the page's clock
// from the `online` event to the pending counter reaching 0 (the app deletes a record only after
// the server accepted it), then checked against what the demo Qtickets received.
import type { Browser, Page } from '@playwright/test';
import type { DoorServer } from '../server.ts';
import { demoAccepted, demoReset, newDoorContext, newDoorPage, scanMany, setupLink, waitReady } from '../lab.ts';
import type { ProbeState } from '../probe.ts';
import { verdictCounts } from './verdict.ts';

export interface DeliveryFigures {
  deliverMs: number;
  requests: number;
  /** Every other request the page made while delivering, by method and path shape. */
  others: Record<string, number>;
  /** From `online` to the first batch leaving, and the page's gap between one answer and the next batch (median). */
  firstPostMs: number;
  gapMedianMs: number;
  accepted: number;
  offlineScansPerSecond: number;
}

/** The outbox holds every offline admission (the count catches up a little after the last verdict). */
async function pendingReaches(page: Page, count: number, timeoutMs = 120_000): Promise<void> {
  try {
    await page.waitForFunction((n) => document.querySelector('[data-testid="pending-count"]')?.textContent?.trim() === String(n), count, {
      timeout: timeoutMs,
      polling: 200,
    });
  } catch (error) {
    const shown = await page.getByTestId('pending-count').textContent().catch(() => null);
    throw new Error(`pending count did not reach ${count} (the admissions made) within ${timeoutMs / 1000} s after the offline scans (it shows ${shown ?? 'nothing'})`, { cause: error });
  }
}

export async function measureDelivery(browser: Browser, server: DoorServer, codes: string[], expectedStored: number, cpuRate = 1): Promise<DeliveryFigures> {
  await demoReset(server.base);
  const context = await newDoorContext(browser, server.base, { expectedStored }, cpuRate);
  try {
    const page = await newDoorPage(context);
    await page.goto(setupLink());
    await waitReady(page);
    await context.setOffline(true);
    const started = performance.now();
    const samples = await scanMany(page, codes, 0);
    const offlineSeconds = (performance.now() - started) / 1000;
    // Only admissions wait in the outbox; any other verdict for a fresh code is worth seeing.
    const verdicts = verdictCounts(samples);
    const admitted = verdicts.valid ?? 0;
    if (admitted !== codes.length) console.error(`  delivery: ${codes.length} fresh codes scanned offline gave ${JSON.stringify(verdicts)}`);
    await pendingReaches(page, admitted);
    let requests = 0;
    const others: Record<string, number> = {};
    const posts: { sent: number; answered: number | null }[] = [];
    const byRequest = new Map<object, { sent: number; answered: number | null }>();
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/barcodes')) {
        requests++;
        const p = { sent: performance.now(), answered: null };
        posts.push(p);
        byRequest.set(r, p);
        return;
      }
      const shape = `${r.method()} ${new URL(r.url()).pathname.replace(/\/[^/]*\d[^/]*/g, '/:x')}`;
      others[shape] = (others[shape] ?? 0) + 1;
    });
    page.on('requestfinished', (r) => {
      const p = byRequest.get(r);
      if (p) p.answered = performance.now();
    });
    const onlineAt = performance.now();
    await context.setOffline(false);
    const handle = await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench: ProbeState }).__bench;
        return b.drainedAt !== null && b.onlineAt !== null ? b.drainedAt - b.onlineAt : null;
      },
      null,
      { timeout: 300_000, polling: 100 },
    );
    const deliverMs = (await handle.jsonValue()) as number;
    const gaps = posts.slice(1).map((p, i) => p.sent - (posts[i]?.answered ?? p.sent)).sort((a, b) => a - b);
    return {
      deliverMs,
      requests,
      others,
      firstPostMs: posts[0] ? Math.round(posts[0].sent - onlineAt) : -1,
      gapMedianMs: Math.round(gaps[Math.floor(gaps.length / 2)] ?? -1),
      accepted: await demoAccepted(server.base), offlineScansPerSecond: codes.length / offlineSeconds };
  } finally {
    await context.close();
  }
}
