// Words that promise only what is there: "last delivery" once something was delivered, and a
// sign-out warning that names buttons on the screen beside it.
import { expect, test } from '@playwright/test';
import { DEMO_TOKEN, demo, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';
import { StaffScreensPage } from './staff-screens-page.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

test('"last delivery" appears only once a check-in was delivered; sign-out names only buttons it shows', async ({ page, context, request }) => {
  const codes = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  // Offline only once the door says it is ready for it: the shift screen is loaded on demand.
  await expect(new DevicePage(page).offlineReady).toBeVisible({ timeout: 60_000 });
  // The start-up pass reached the server with nothing to send: not a delivery.
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-status', 'idle');
  await context.setOffline(true);
  await door.typeCode(codes[0]!);
  await door.expectVerdict('valid', codes[0]);
  await expect(door.pending).toHaveText('1');
  await expect(page.getByTestId('last-delivery')).toHaveCount(0);
  await expect(page.getByTestId('sync-state')).not.toContainText('Последняя отправка');

  await context.setOffline(false);
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
  await context.setOffline(true);
  await door.typeCode(codes[1]!);
  await door.expectVerdict('valid', codes[1]);
  await expect(door.pending).toHaveText('1');
  await expect(page.getByTestId('last-delivery')).toContainText(/Последняя отправка: \d\d:\d\d/);

  // Sign-out with a check-in unsent: the buttons its words name are right there.
  const screens = new StaffScreensPage(page);
  await screens.openShift();
  await page.getByTestId('signout-button').click();
  const warning = page.getByTestId('signout').getByRole('alert');
  await expect(warning).toContainText('«Отправить сейчас»');
  await expect(warning).toContainText('«Скачать CSV»');
  await expect(page.getByTestId('signout').getByRole('button', { name: 'Отправить сейчас' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('signout').getByRole('button', { name: 'Скачать CSV' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^kontrol-history-.*\.csv$/);

  // Back online the door delivers by itself (a tap on «Отправить сейчас» would race it): once
  // nothing is unsent the warning goes and a plain sign-out is back.
  await context.setOffline(false);
  await expect(page.getByTestId('signout-button')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('signout').getByRole('alert')).toHaveCount(0);
  await screens.openScan();
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
});
