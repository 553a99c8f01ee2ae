// Page model of the door: what staff do (scan, type, refresh) and what they read.
import { expect, type Locator, type Page } from '@playwright/test';

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

  async openSetupLink(token: string, shows: number[]) {
    await this.page.goto(`/#/setup?token=${encodeURIComponent(token)}&shows=${shows.join(',')}`);
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
