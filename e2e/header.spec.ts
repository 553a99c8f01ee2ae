// The header on a phone held in one hand: one line, the verdict right under it, the links behind
// one menu button that works by touch and by keyboard; on a wide screen every link stays in view.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';
import { HeaderPage } from './header-page.ts';

const PHONE = { width: 375, height: 667 };
test.use({ viewport: PHONE });

let codes: string[];

async function openDoor(page: Page) {
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  return door;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, 'on screen').not.toBeNull();
  return b!;
}

test.beforeEach(async ({ request }) => {
  await demo(request).reset();
  codes = await demo(request).codes(SHOW);
});

test('on a 375 × 667 phone the header is one line and the verdict sits in the top of the screen', async ({ page }) => {
  const door = await openDoor(page);
  const header = new HeaderPage(page);
  await expect(header.nav).toBeHidden();
  await expect(header.status).toHaveText(/Онлайн/);
  expect((await box(header.header)).height, 'one line of 48 px targets').toBeLessThanOrEqual(64);
  const idleTop = (await box(page.getByTestId('verdict-idle'))).y;

  await door.wedgeScan(codes[0]!);
  await door.expectVerdict('valid', codes[0]);
  const verdict = await box(door.verdict);
  expect(verdict.y, 'verdict top within the first 40% of the screen').toBeLessThan(PHONE.height * 0.4);
  // The whole verdict — icon, word, seat — is readable without scrolling.
  expect(verdict.y + verdict.height).toBeLessThanOrEqual(PHONE.height);
  // It does not jump when the "send now" button or a sync line appears after the admission.
  expect(verdict.y).toBe(idleTop);
  // The admission counts are still on the first screen, right under it.
  expect((await box(page.getByTestId('admitted-count'))).y).toBeLessThan(PHONE.height);
  await expect(page.getByTestId('admitted-count')).toHaveText('1');
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // The narrowest common phone: the word stays whole on one line, not "ПРОХОДИТ / Е".
  await page.setViewportSize({ width: 360, height: 640 });
  const word = door.verdict.locator('.verdict-word');
  await expect(word).toHaveText(/Проходите/i);
  const lines = await word.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
  expect(lines).toBeLessThan(1.5);
  expect((await box(door.verdict)).y).toBeLessThan(640 * 0.4);
});

test('the menu opens by touch, navigates, and closes on navigation, outside taps and a new scan', async ({ page }) => {
  const door = await openDoor(page);
  const header = new HeaderPage(page);
  const menu = header.menuButton;
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  expect((await box(menu)).height).toBeGreaterThanOrEqual(48);
  expect((await box(menu)).width).toBeGreaterThanOrEqual(48);

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(header.nav.getByRole('link')).toHaveCount(8); // scan, search, history, numbers, shift, venue, setup, device
  for (const link of await header.nav.getByRole('link').all()) expect((await box(link)).height).toBeGreaterThanOrEqual(48);
  await expect(header.link(/^Проверка$/)).toHaveAttribute('aria-current', 'page');
  await header.link(/^История$/).click();
  await expect(page).toHaveURL(/#\/history$/);
  await expect(page.getByRole('heading', { name: 'История сканирований' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(header.nav).toBeHidden();

  // A tap beside the open menu folds it without doing anything else.
  await menu.click();
  await expect(header.nav).toBeVisible();
  await page.mouse.click(PHONE.width / 2, PHONE.height - 20);
  await expect(header.nav).toBeHidden();
  await expect(page).toHaveURL(/#\/history$/);

  // The language lives in the menu on a phone and still switches.
  await header.openMenu();
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(header.link(/^Scan$/)).toBeVisible();
  await header.link(/^Scan$/).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');

  // A ticket scanned while the menu is open: the menu gives way to the verdict.
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(header.nav).toBeVisible();
  await door.wedgeScan(codes[1]!);
  await door.expectVerdict('valid', codes[1]);
  await expect(header.nav).toBeHidden();
  await expect(door.verdict).toContainText('Admit');
});

test('the menu works from the keyboard: Enter opens, Tab walks the links, Escape closes', async ({ page }) => {
  await openDoor(page);
  const header = new HeaderPage(page);
  const menu = header.menuButton;
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(header.link(/^Проверка$/)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(header.link(/^Поиск$/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/search$/);
  await expect(header.nav).toBeHidden();
  // Focus comes back to the button, not lost at the top of the page.
  await expect(menu).toBeFocused();

  await page.keyboard.press('Space');
  await expect(header.nav).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(header.nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(page).toHaveURL(/#\/search$/);
});

test('a wide screen keeps every link in the header and has no menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDoor(page);
  const header = new HeaderPage(page);
  await expect(header.menuButton).toBeHidden();
  await expect(header.nav.getByRole('link')).toHaveCount(8); // scan, search, history, numbers, shift, venue, setup, device
  for (const link of await header.nav.getByRole('link').all()) await expect(link).toBeVisible();
  await expect(header.status).toBeVisible();
  await header.link(/^Сводка$/).click();
  await expect(page).toHaveURL(/#\/stats$/);
});
