// Page model of the door: what staff do (scan, type, refresh) and what they read.
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';

/** What a US-layout keyboard (a scanner's usual setting) sends for one key of a code. */
function scannerKey(key: string): { key: string; code: string; windowsVirtualKeyCode: number; text?: string } {
  if (key === 'Enter') return { key, code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' };
  if (key === 'Tab') return { key, code: 'Tab', windowsVirtualKeyCode: 9 };
  if (key === ' ') return { key, code: 'Space', windowsVirtualKeyCode: 32, text: key };
  if (key === '-') return { key, code: 'Minus', windowsVirtualKeyCode: 189, text: key };
  if (/^\d$/.test(key)) return { key, code: `Digit${key}`, windowsVirtualKeyCode: key.charCodeAt(0), text: key };
  if (/^[A-Z]$/i.test(key)) return { key, code: `Key${key.toUpperCase()}`, windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0), text: key };
  throw new Error(`scannerRead: no key for ${JSON.stringify(key)}`);
}

const setupHash = (token: string, shows: number[]) => `#/setup?token=${encodeURIComponent(token)}&shows=${shows.join(',')}`;

export class DoorPage {
  readonly verdict: Locator;
  readonly pending: Locator;
  readonly stored: Locator;
  private scans = 0;
  private cdp: CDPSession | undefined;

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

  /**
   * A hardware scanner's keystrokes, wherever focus is (a scanner clicks nothing): the code at
   * scanner speed, then its suffix. Returns without waiting: a read may rightly give no scan.
   * keyboard.type() waits a round trip per key, 30–80 ms on a busy machine: slower than any
   * scanner. These are sent at once, like a scanner's keys queued by the OS, and are trusted
   * keys with their defaults (a Space scrolls, a Tab moves focus, a field takes characters).
   */
  async scannerRead(code: string, suffix: 'Enter' | 'Tab' = 'Enter') {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const cdp = this.cdp;
    await Promise.all(
      [...code, suffix].flatMap((key) => {
        const down = scannerKey(key);
        const { text: _text, ...up } = down;
        return [cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...down }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...up })];
      }),
    );
  }

  /** scannerRead, then the verdict of the scan it made. */
  async scannerScan(code: string, suffix: 'Enter' | 'Tab' = 'Enter') {
    await this.scannerRead(code, suffix);
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

  /**
   * Each word of the verdict heading as laid out: on how many lines it lies (a word broken inside,
   * "ПРОХО/ДИТЕ", lies on two) and whether all of it is inside the viewport.
   */
  async verdictWords(): Promise<{ word: string; lines: number; inView: boolean }[]> {
    return this.verdict.locator('.verdict-word').evaluate((heading) => {
      const words: { word: string; lines: number; inView: boolean }[] = [];
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.top))).size;
          const inView = rects.every((r) => r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth);
          words.push({ word: m[0], lines, inView });
        }
      }
      return words;
    });
  }

  async pendingCount(): Promise<number> {
    return Number(await this.pending.textContent());
  }

  /** After a reload the scan counter of the page starts again from zero. */
  resetScanCounter() {
    this.scans = 0;
  }
}
