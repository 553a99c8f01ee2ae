// A setup link does the same whether it opens the app or arrives while the app is open (pasted
// into the address bar, so only the hash changes; or captured by an installed app's window):
// the device ends on the scan screen with the link's show stored, and the token is left neither
// in the address bar nor anywhere Back can reach.
import { expect, test, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, OTHER_SHOW, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

/** One step Back within the page (a same-document entry); the address it lands on. */
const backOnce = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        addEventListener('popstate', () => resolve(location.href), { once: true });
        history.back();
      }),
  );

async function expectScanScreenWith(door: DoorPage, show: number, tickets: number) {
  await expect(door.stored).toHaveText(String(tickets), { timeout: 30_000 });
  await expect(door.page).toHaveURL(/#\/$/);
  await expect(door.page.getByTestId('manual-code')).toBeVisible();
  await expect(door.page.getByTestId(`show-active-${show}`)).toBeChecked();
}

test('a setup link that opens the app sets it up and leaves no token behind', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expectScanScreenWith(door, SHOW, codes.length);
  expect(page.url()).not.toContain(DEMO_TOKEN);
  // The entry the link opened was replaced, not kept: Back finds setup without the token.
  expect(await backOnce(page)).not.toContain(DEMO_TOKEN);
});

test('a setup link that arrives while the app is open on the scan screen does the same', async ({ page, request }) => {
  const qt = demo(request);
  const codes = await qt.codes(SHOW);
  const otherCodes = await qt.codes(OTHER_SHOW);
  // Different sizes, so the count on screen tells which list the door holds.
  expect(codes.length).not.toBe(otherCodes.length);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [OTHER_SHOW]);
  await expectScanScreenWith(door, OTHER_SHOW, otherCodes.length);

  const before = { url: page.url(), entries: await page.evaluate(() => history.length) };
  // A mark on this document: still there afterwards means no page load happened in between.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await door.arriveSetupLink(DEMO_TOKEN, [SHOW]);

  // The link's show is downloaded and becomes the one this door admits.
  await expectScanScreenWith(door, SHOW, codes.length);
  await expect(page.getByTestId(`show-active-${OTHER_SHOW}`)).not.toBeChecked();
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  expect(page.url()).not.toContain(DEMO_TOKEN);

  // Back through every entry the link added, to where the app stood: none holds the token.
  const added = (await page.evaluate(() => history.length)) - before.entries;
  expect(added).toBeGreaterThan(0);
  for (let step = 0; step < added; step++) expect(await backOnce(page)).not.toContain(DEMO_TOKEN);
  expect(page.url()).toBe(before.url);
});

test('a kiosk link without a PIN says the PIN is missing, and locks nothing', async ({ page }) => {
  await page.goto(`/#/setup?token=${DEMO_TOKEN}&shows=${SHOW}&kiosk=1`);
  const problem = page.getByTestId('setup-link-problem');
  await expect(problem).toHaveAttribute('role', 'alert');
  await expect(problem).toContainText('В ссылке для киоска нет PIN-кода');
  await expect(problem).not.toContainText('token и shows');
  await expect(page).not.toHaveURL(/token=/);
  await page.goto(`/#/setup?token=${DEMO_TOKEN}&shows=${SHOW}&kiosk=1&pin=12`);
  await expect(page.getByTestId('setup-link-problem')).toContainText('4–8 цифр');
});
