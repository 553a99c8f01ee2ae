// The screens besides scanning load on demand. A door set up and then cut off on its very first
// visit must still open them; and when a screen's code truly cannot arrive, the door says so in
// its language and keeps scanning, instead of the whole app going blank.
import { expect, test } from '@playwright/test';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';
import { StaffScreensPage } from './staff-screens-page.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

test('set up and cut off on its first visit, the door still opens its other screens', async ({ page, context }) => {
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
  await expect(new DevicePage(page).offlineReady).toBeVisible({ timeout: 60_000 });
  // The service worker took this very page: a reload offline would come from its cache too.
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  await context.setOffline(true);
  const screens = new StaffScreensPage(page);
  await screens.openHistory();
  await expect(page.getByTestId('history-export')).toBeVisible();
  await screens.openStats();
  await expect(page.getByTestId('screen-load-failed')).toHaveCount(0);
  await screens.openSearch();
  await expect(page.getByTestId('screen-load-failed')).toHaveCount(0);
  await expect(page.getByRole('searchbox')).toBeVisible();
});

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('a screen whose code cannot load says so, scanning goes on, and «Повторить» loads it', async ({ page, request }) => {
    const code = (await demo(request).codes(SHOW))[0]!;
    // The history screen's chunk fails to arrive, as it would offline before anything was cached.
    const historyChunk = /\/assets\/HistoryScreen-[^/]*\.js$/;
    await page.route(historyChunk, (route) => route.abort('internetdisconnected'));
    const door = new DoorPage(page);
    await door.openSetupLink(DEMO_TOKEN, [SHOW]);
    await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });

    const screens = new StaffScreensPage(page);
    await screens.openHistory();
    const failed = page.getByTestId('screen-load-failed');
    await expect(failed.getByRole('alert')).toContainText('Этот экран не загрузился');
    // The header stayed: the door goes back to scanning and scans.
    await screens.openScan();
    await door.typeCode(code);
    await door.expectVerdict('valid', code);

    await page.unroute(historyChunk);
    await screens.openHistory();
    await expect(failed).toBeVisible();
    await failed.getByRole('button', { name: 'Повторить' }).click();
    await expect(failed).toHaveCount(0);
    await expect(page.getByTestId('history-row').first()).toContainText(code);
  });
});
