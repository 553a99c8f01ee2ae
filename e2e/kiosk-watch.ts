// Watches a locked kiosk from the very first frame of the next page load: everything the PIN
// guards must never be in the page, not even for the moment before the kiosk setting is read.
// A MutationObserver installed before any app script keeps every added node, so a control that
// was added and taken away again between two screenshots is still caught.
import type { Page } from '@playwright/test';

/** What a locked kiosk never shows: connection mode, refresh, the menu and its links, the kiosk switch, show toggles. */
export const GUARDED = [
  '[data-testid^="conn-mode-"]',
  '[data-testid="refresh"]',
  'nav[aria-label="main"]',
  '[data-testid="menu-toggle"]',
  'a[href^="#/search"]',
  'a[href^="#/history"]',
  'a[href^="#/shift"]',
  'a[href^="#/setup"]',
  '[data-testid="kiosk-disable"]',
  '[data-testid="kiosk-enable"]',
  '[data-testid^="show-active-"]',
];

declare global {
  interface Window {
    __guardedSeen?: string[];
  }
}

export class LockedKioskWatch {
  constructor(readonly page: Page) {}

  /** From the next navigation or reload on: record each guarded control the moment it is added. */
  async install() {
    await this.page.addInitScript((selectors: string[]) => {
      const seen: string[] = (window.__guardedSeen = []);
      const check = (node: Node) => {
        if (!(node instanceof Element)) return;
        for (const selector of selectors) {
          if (node.matches(selector) || node.querySelector(selector)) seen.push(selector);
        }
      };
      new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(check))).observe(document, { childList: true, subtree: true });
    }, GUARDED);
  }

  /** The guarded controls that were in the page at any moment since it loaded; null when the watch is not running. */
  async seen(): Promise<string[] | null> {
    return this.page.evaluate(() => (window.__guardedSeen ? [...new Set(window.__guardedSeen)] : null));
  }
}
