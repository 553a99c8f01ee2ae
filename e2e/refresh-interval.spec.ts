// The periodic list pull: whole minutes 1–60 or off, each chosen on purpose. 0.1 min (downloads
// without pause) and an emptied field (silently off) are refused with a reason.
import { expect, test } from '@playwright/test';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';
import { StaffScreensPage } from './staff-screens-page.ts';

test.beforeEach(async ({ request }) => {
  await demo(request).reset();
});

test('the refresh interval takes 1–60 minutes, refuses anything else with a message, and turns off only when told', async ({ page }) => {
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
  const screens = new StaffScreensPage(page);
  await screens.openShift();
  const minutes = page.getByTestId('refresh-minutes');
  const error = page.getByTestId('refresh-minutes-error');
  await expect(page.getByTestId('refresh-auto')).toBeChecked();
  await expect(minutes).toHaveValue('5');

  for (const bad of ['0.1', '', '0', '61', 'часто']) {
    await screens.setRefreshMinutes(bad);
    await expect(error, bad).toHaveText('Введите целое число минут от 1 до 60. Осталось прежнее: каждые 5 мин.');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(minutes).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('refresh-auto'), `${JSON.stringify(bad)} does not turn it off`).toBeChecked();
  }

  await screens.setRefreshMinutes('15');
  await expect(error).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('refresh-minutes')).toHaveValue('15');

  // Off is its own choice, said plainly, and kept.
  await page.getByTestId('refresh-auto').click();
  await expect(page.getByTestId('refresh-auto')).not.toBeChecked();
  await expect(page.getByTestId('refresh-off')).toContainText('Автообновление выключено');
  await expect(page.getByTestId('refresh-minutes')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('refresh-auto')).not.toBeChecked();
  await page.getByTestId('refresh-auto').click();
  await expect(page.getByTestId('refresh-minutes')).toHaveValue('5');
});
