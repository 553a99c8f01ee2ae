// Page model of the app header: the connection word, and the links — in view on a wide screen,
// behind the menu button on a phone.
import { expect, type Locator, type Page } from '@playwright/test';

export class HeaderPage {
  readonly header: Locator;
  readonly nav: Locator;
  readonly menuButton: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator('header.app-header');
    this.nav = page.getByRole('navigation', { name: 'main' });
    this.menuButton = page.getByRole('button', { name: /^(Меню|Menu)$/ });
    this.status = page.getByTestId('header-status');
  }

  /** Opens the menu when the screen is narrow enough to have one; a wide screen shows the links already. */
  async openMenu() {
    await expect(this.header).toBeVisible();
    if (!(await this.menuButton.isVisible())) return;
    if ((await this.menuButton.getAttribute('aria-expanded')) !== 'true') await this.menuButton.click();
    await expect(this.nav).toBeVisible();
  }

  link(name: RegExp): Locator {
    return this.nav.getByRole('link', { name });
  }

  async go(name: RegExp) {
    await this.openMenu();
    await this.link(name).click();
  }
}
