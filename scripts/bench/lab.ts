// The browser side of the bench: Debian chromium with the project's flags, contexts with the
// probe installed, and the JS heap read through the DevTools protocol.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { installProbe, type ProbeOptions, type ProbeState } from './probe.ts';

export const DEMO_TOKEN = 'demo-kontrol-token';
export const SHOW = 1001;
/** Codes before this index are the demo's special tickets (checked elsewhere, refunded): scans use the rest. */
export const FIRST_PLAIN_CODE = 30;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function newDoorContext(browser: Browser, base: string, probe: ProbeOptions): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, locale: 'ru-RU', timezoneId: 'Europe/Moscow', serviceWorkers: 'allow' });
  // tsx keeps function names with a `__name` helper that does not exist in the page.
  await context.addInitScript({ content: `globalThis.__name = (f) => f;\n(${installProbe.toString()})(${JSON.stringify(probe)});` });
  return context;
}

export const setupLink = (show = SHOW) => `/#/setup?token=${encodeURIComponent(DEMO_TOKEN)}&shows=${show}`;

/** Resolves with performance.now() of the page at scan-ready. */
export async function waitReady(page: Page, timeoutMs = 180_000): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __bench: ProbeState }).__bench.readyAt, null, {
    timeout: timeoutMs,
    polling: 100,
  });
  return (await handle.jsonValue()) as number;
}

export async function scanMany(page: Page, codes: string[], gapMs: number) {
  return page.evaluate(
    ([c, g]) => (window as unknown as { __bench: ProbeState }).__bench.scanMany(c, g),
    [codes, gapMs] as const,
  );
}

export class Heap {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(page: Page): Promise<Heap> {
    return new Heap(await page.context().newCDPSession(page));
  }

  async used(): Promise<number> {
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    return usedSize;
  }

  /** After a full collection: what the page really keeps. */
  async retained(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    return this.used();
  }

  /**
   * Samples the heap while `work` runs. DevTools interrupts running JS for this call, so long
   * parses are seen too; a peak shorter than the interval can still slip between two samples.
   */
  async peakDuring<T>(work: Promise<T>, intervalMs = 20): Promise<{ value: T; peak: number }> {
    let peak = 0;
    let done = false;
    const sampler = (async () => {
      while (!done) {
        try {
          peak = Math.max(peak, await this.used());
        } catch {
          return; // page navigated or closed
        }
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    })();
    try {
      const value = await work;
      return { value, peak };
    } finally {
      done = true;
      await sampler;
    }
  }

  async clearCaches(origin: string): Promise<void> {
    await this.cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' });
    await this.cdp.send('Network.clearBrowserCache');
  }

  detach(): Promise<void> {
    return this.cdp.detach().catch(() => undefined);
  }
}

export async function demoCodes(base: string, show = SHOW): Promise<string[]> {
  const res = await fetch(new URL(`/demo/state/barcodes?show=${show}`, base));
  if (!res.ok) throw new Error(`demo codes: HTTP ${res.status}`);
  return (await res.json()) as string[];
}

export async function demoReset(base: string): Promise<void> {
  const res = await fetch(new URL('/demo/control/reset', base), { method: 'POST' });
  if (!res.ok) throw new Error(`demo reset: HTTP ${res.status}`);
}

export async function demoAccepted(base: string, show = SHOW): Promise<number> {
  const res = await fetch(new URL(`/demo/state/checkins?show=${show}`, base));
  const list = (await res.json()) as { accepted: boolean }[];
  return list.filter((c) => c.accepted).length;
}
