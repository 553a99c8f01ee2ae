// The browser side of the bench: Debian chromium with the project's flags, contexts with the
// probe installed, pages with the CPU slowed as a phone's, and the JS heap read through the
// DevTools protocol.
//
// CPU throttling (`Emulation.setCPUThrottlingRate`, what Lighthouse uses for a mid-range phone)
// slows one thread: the page's main thread, where every verdict is decided. It cannot reach the
// app's dedicated workers (the barcode-list worker, the decoder): a worker's own DevTools target
// answers `Operation is only supported for pages, not workers` (Chromium's
// InspectorEmulationAgent::AssertPage), and a busy loop in a worker runs at host speed while the
// page is throttled. Checked on Chromium 156 by `npx tsx scripts/bench/throttle-check.ts`, which
// says so again the day this changes. So at 4x the worker's share of a download (read, JSON.parse,
// validation, packing) runs at host speed; the table marks those figures and adds an estimate
// with the worker's own time scaled by the rate. The service worker is not throttled either.
// The page's throttle outlives navigations and reloads (also checked there) as long as the
// session that set it stays attached, so it is held for the page's life.
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

/** The CPU rate each door context's pages run at (1 = the host's speed). */
const cpuRates = new WeakMap<BrowserContext, number>();
/** Kept referenced: detaching the session that set the throttle would lift it. */
const throttles = new WeakMap<Page, CDPSession>();

export async function newDoorContext(browser: Browser, base: string, probe: ProbeOptions, cpuRate = 1): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, locale: 'ru-RU', timezoneId: 'Europe/Moscow', serviceWorkers: 'allow' });
  cpuRates.set(context, cpuRate);
  // tsx keeps function names with a `__name` helper that does not exist in the page.
  await context.addInitScript({ content: `globalThis.__name = (f) => f;\n(${installProbe.toString()})(${JSON.stringify(probe)});` });
  return context;
}

/** A page of a door context, its main thread slowed to the context's CPU rate before it loads anything. */
export async function newDoorPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const rate = cpuRates.get(context) ?? 1;
  if (rate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    throttles.set(page, cdp);
  }
  return page;
}

export const setupLink = (show: number | readonly number[] = SHOW) => `/#/setup?token=${encodeURIComponent(DEMO_TOKEN)}&shows=${[show].flat().join(',')}`;

/**
 * Resolves with performance.now() of the page at scan-ready. Fails at once when the setup screen
 * shows an error (the download gave up and waits for a person), instead of at the time limit.
 */
export async function waitReady(page: Page, timeoutMs = 180_000): Promise<number> {
  let outcome: number | string;
  try {
    const handle = await page.waitForFunction(
      () => {
        const readyAt = (window as unknown as { __bench: ProbeState }).__bench.readyAt;
        if (readyAt !== null) return readyAt;
        const problem = location.hash.startsWith('#/setup') ? document.querySelector('p[role="alert"].error')?.textContent : null;
        return problem ? `the setup screen shows: ${problem}` : null;
      },
      null,
      { timeout: timeoutMs, polling: 100 },
    );
    outcome = (await handle.jsonValue()) as number | string;
  } catch (error) {
    // Say what the door showed instead of Playwright's bare timeout.
    const screen = await page
      .evaluate(() => {
        const stored = document.querySelector('[data-testid="tickets-stored"]')?.getAttribute('data-count');
        const text = (document.querySelector('main') ?? document.body)?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300);
        return `stored ${stored ?? '—'}; on screen: ${text ?? '(nothing)'}`;
      })
      .catch(() => 'the page did not answer');
    throw new Error(`not scan-ready within ${Math.round(timeoutMs / 1000)} s (${screen}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  }
  if (typeof outcome === 'string') throw new Error(`not scan-ready: ${outcome}`);
  return outcome;
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
