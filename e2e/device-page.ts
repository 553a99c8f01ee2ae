// Page model of the device side of Kontrol: health, kiosk mode, "add a device", updates.
import { expect, type Locator, type Page } from '@playwright/test';

export class DevicePage {
  readonly updateBar: Locator;
  readonly offlineReady: Locator;
  readonly kioskUnlock: Locator;
  readonly pinGate: Locator;

  constructor(readonly page: Page) {
    this.updateBar = page.getByTestId('update-bar');
    this.offlineReady = page.getByTestId('offline-ready');
    this.kioskUnlock = page.getByTestId('kiosk-unlock');
    this.pinGate = page.getByRole('dialog');
  }

  async openHealth() {
    await this.page.goto('/#/device');
    await expect(this.page.getByRole('heading', { name: /Состояние устройства|Device health/ })).toBeVisible();
  }

  /** The version the running page was built as (device health). */
  async version(): Promise<string> {
    const row = this.page.getByTestId('health-version');
    await expect(row).toHaveAttribute('data-state', /.+/);
    return (await row.getAttribute('data-state')) ?? '';
  }

  /** Waits until a service worker serves this page: from now on it opens without the server. */
  async waitControlled() {
    await this.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    if (!(await this.page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await this.page.reload();
    await expect.poll(() => this.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  }

  async enableKiosk(pin: string) {
    await this.openHealth();
    await this.page.getByTestId('kiosk-new-pin').fill(pin);
    await this.page.getByTestId('kiosk-new-pin-repeat').fill(pin);
    await this.page.getByTestId('kiosk-enable').click();
    await expect(this.kioskUnlock).toBeVisible();
  }

  async enterPin(pin: string) {
    await this.kioskUnlock.click();
    await expect(this.pinGate).toBeVisible();
    await this.page.getByTestId('kiosk-pin').fill(pin);
    await this.page.getByTestId('kiosk-pin').press('Enter');
  }
}
