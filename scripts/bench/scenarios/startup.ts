// Start-up: what the first visit downloads (JS and CSS the page asks for, compressed as sent and
// raw) and how long the scan screen takes to be ready with the list stored: warm (the service
// worker serves the shell) and cold (service worker and caches wiped, IndexedDB kept).
import type { Browser, Page } from '@playwright/test';
import type { DoorServer } from '../server.ts';
import { Heap, newDoorContext, newDoorPage, setupLink, waitReady } from '../lab.ts';

export interface StartupBytes {
  jsGzipKB: number;
  jsRawKB: number;
  cssGzipKB: number;
  cssRawKB: number;
}

export interface StartupFiles {
  files: { url: string; type: string; encoded: number; raw: number }[];
}

const KB = 1024;

/** A full reload of the scan screen; the probe's clock starts again at navigation. */
async function openScreen(page: Page): Promise<number> {
  await page.reload();
  return waitReady(page);
}

export async function measureStartup(browser: Browser, server: DoorServer, expectedStored: number, loads: number, cpuRate = 1) {
  const context = await newDoorContext(browser, server.base, { expectedStored }, cpuRate);
  try {
    const page = await newDoorPage(context);
    const files: StartupFiles['files'] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      const type = res.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      pending.push(
        (async () => {
          const sizes = await res.request().sizes();
          const body = await res.body().catch(() => Buffer.alloc(0));
          files.push({ url: new URL(res.url()).pathname, type, encoded: sizes.responseBodySize, raw: body.length });
        })(),
      );
    });
    // First visit: the setup screen, before any camera engine is asked for.
    await page.goto('/#/setup');
    await page.getByRole('button').first().waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    page.removeAllListeners('response');
    const firstLoad = [...files];

    // A new document: the app reads a setup link only when it loads.
    await page.goto('about:blank');
    await page.goto(setupLink());
    await waitReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < loads; i++) {
      warm.push(await openScreen(page));
    }
    const heap = await Heap.of(page);
    for (let i = 0; i < loads; i++) {
      await heap.clearCaches(new URL(server.base).origin);
      cold.push(await openScreen(page));
    }
    await heap.detach();
    const sum = (type: string, key: 'encoded' | 'raw') => firstLoad.filter((f) => f.type === type).reduce((s, f) => s + f[key], 0) / KB;
    const bytes: StartupBytes = {
      jsGzipKB: sum('script', 'encoded'),
      jsRawKB: sum('script', 'raw'),
      cssGzipKB: sum('stylesheet', 'encoded'),
      cssRawKB: sum('stylesheet', 'raw'),
    };
    return { bytes, files: firstLoad, warm, cold };
  } finally {
    await context.close();
  }
}
