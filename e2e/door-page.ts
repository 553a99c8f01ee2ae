// Page model of the door: what staff do (scan, type, refresh) and what they read.
import { expect, type Locator, type Page } from '@playwright/test';

const setupHash = (token: string, shows: number[]) => `#/setup?token=${encodeURIComponent(token)}&shows=${shows.join(',')}`;

export class DoorPage {
  readonly verdict: Locator;
  readonly pending: Locator;
  readonly stored: Locator;
  private scans = 0;

  constructor(readonly page: Page) {
    this.verdict = page.getByTestId('verdict');
    this.pending = page.getByTestId('pending-count');
    this.stored = page.getByTestId('tickets-stored');
  }

  /** The setup link opens the app (a fresh page load). */
  async openSetupLink(token: string, shows: number[]) {
    await this.page.goto(`/${setupHash(token, shows)}`);
  }

  /**
   * The setup link arrives in the open app as a same-document navigation: pasted into the address
   * bar (only the hash changes) or captured by an installed app's window. No page load happens.
   */
  async arriveSetupLink(token: string, shows: number[]) {
    await this.page.evaluate((hash) => {
      location.hash = hash;
    }, setupHash(token, shows));
  }

  /** A keyboard-wedge scanner: fast keystrokes and Enter, with no field focused. */
  async wedgeScan(code: string) {
    await this.page.locator('body').click({ position: { x: 1, y: 1 } }).catch(() => undefined);
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
    return this.nextVerdict();
  }

  async typeCode(code: string) {
    await this.page.getByTestId('manual-code').fill(code);
    await this.page.getByTestId('manual-code').press('Enter');
    return this.nextVerdict();
  }

  /** Waits for the verdict of the scan just made (scan ids count up per scan). */
  private async nextVerdict() {
    this.scans += 1;
    await expect(this.verdict).toHaveAttribute('data-scan-id', String(this.scans));
    return this.verdict;
  }

  async expectVerdict(kind: string, code?: string) {
    await expect(this.verdict).toHaveAttribute('data-verdict', kind);
    if (code) await expect(this.verdict).toHaveAttribute('data-barcode', code);
  }

  async pendingCount(): Promise<number> {
    return Number(await this.pending.textContent());
  }

  /** After a reload the scan counter of the page starts again from zero. */
  resetScanCounter() {
    this.scans = 0;
  }
}
