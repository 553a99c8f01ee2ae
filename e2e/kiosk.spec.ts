// Kiosk mode on a turnstile tablet: locked to the scan screen, the verdict clears itself,
// settings and leaving need the PIN, and wrong PINs slow down — even across a reload.
import { expect, test } from '@playwright/test';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';
import { LockedKioskWatch } from './kiosk-watch.ts';

const PIN = '4921';

test.beforeEach(async ({ page, request }) => {
  await demo(request).reset();
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
});

test('kiosk mode blocks settings without the PIN and accepts the right one', async ({ page, request }) => {
  const [code] = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  const device = new DevicePage(page);
  await device.enableKiosk(PIN);

  // Locked: the scan screen and nothing else, also after a reload and when typing an address.
  const nav = page.getByRole('navigation', { name: 'main' });
  await expect(nav).toBeHidden();
  await expect(page.getByTestId('refresh')).toBeHidden();
  await page.goto('/#/setup');
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('heading', { name: 'Настройка устройства' })).toBeHidden();
  await page.reload();
  await expect(device.kioskUnlock).toBeVisible();
  await expect(nav).toBeHidden();

  // Scanning works, and the verdict clears itself for the next guest.
  await door.wedgeScan(code!);
  await door.expectVerdict('valid', code);
  await expect(page.getByTestId('verdict-idle')).toBeVisible();

  // A wrong PIN is refused; the right one opens the device screen.
  await device.enterPin('0000');
  await expect(page.getByTestId('pin-error')).toHaveText('Неверный PIN-код');
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Отмена' }).click();
  await expect(device.pinGate).toBeHidden();
  await device.enterPin(PIN);
  await expect(page.getByRole('heading', { name: 'Состояние устройства' })).toBeVisible();
  await expect(nav).toBeVisible();

  // Unlocked staff can leave kiosk mode for good.
  await page.getByTestId('kiosk-disable').click();
  await page.goto('/#/');
  await expect(device.kioskUnlock).toBeHidden();
  await expect(page.getByTestId('refresh')).toBeVisible();
});

test('wrong PINs slow down exponentially, and a reload does not reset the delay', async ({ page }) => {
  // The tablet's clock stands still unless the test moves it: the waits are exact, not raced.
  const t0 = Date.now();
  await page.clock.setFixedTime(t0);
  const device = new DevicePage(page);
  await device.enableKiosk(PIN);
  const error = page.getByTestId('pin-error');
  const submit = device.pinGate.getByRole('button', { name: 'Открыть' });
  const pinField = page.getByTestId('kiosk-pin');
  // The field empties when a check is over: the same error text twice cannot tell that.
  const tryPin = async (pin: string) => {
    await pinField.fill(pin);
    await submit.click();
    await expect(pinField).toHaveValue('');
    await expect(submit).toHaveText('Открыть');
  };

  // Three free tries for fat fingers, then a wait.
  await device.enterPin('1111');
  await expect(error).toHaveText('Неверный PIN-код');
  await expect(pinField).toHaveValue('');
  await tryPin('2222');
  await expect(error).toHaveText('Неверный PIN-код');
  await tryPin('3333');
  await expect(error).toContainText('Повторите через 2 с');
  await page.getByTestId('kiosk-pin').fill(PIN);
  await expect(submit).toBeDisabled();
  // The wait runs out; the next wrong PIN doubles it.
  await page.clock.setFixedTime(t0 + 2_500);
  await expect(submit).toBeEnabled();
  await tryPin('4444');
  await expect(error).toContainText('Повторите через 4 с');

  // Reloading does not buy a fresh try: even the right PIN waits.
  await page.reload();
  await device.enterPin(PIN);
  await expect(error).toContainText('Слишком много попыток');
  await expect(page.getByRole('navigation', { name: 'main' })).toBeHidden();
  // Once the wait is over, the right PIN opens it.
  await page.clock.setFixedTime(t0 + 7_000);
  await page.getByTestId('kiosk-pin').fill(PIN);
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByRole('heading', { name: 'Состояние устройства' })).toBeVisible();
});

test('a locked kiosk never shows what the PIN guards, not even while it starts', async ({ page }) => {
  const door = new DoorPage(page);
  const device = new DevicePage(page);
  const watch = new LockedKioskWatch(page);
  await device.enableKiosk(PIN);
  // Staff who unlocked it stand on the device screen, where kiosk mode is turned off: a reload
  // there comes back locked, and that screen must not show while the kiosk setting is read.
  await device.enterPin(PIN);
  await expect(page.getByTestId('kiosk-disable')).toBeVisible();
  await watch.install();

  for (const reloadedOn of ['the device screen', 'the scan screen']) {
    await page.reload();
    await expect(device.kioskUnlock).toBeVisible();
    await expect(page).toHaveURL(/#\/$/);
    await expect(page.getByTestId('manual-code')).toBeVisible();
    await expect(door.stored).not.toHaveText('0');
    expect(await watch.seen(), `reloaded on ${reloadedOn}`).toEqual([]);
  }
});
