// The next guest is greeted by "ready", not by the previous guest's verdict: a verdict goes back
// to ready after a few seconds on a phone as on a kiosk, and the door chooses how many.
import { expect, test, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';

let codes: string[];

test.beforeEach(async ({ request }) => {
  await demo(request).reset();
  codes = await demo(request).codes(SHOW);
});

async function openDoor(page: Page) {
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  return door;
}

/** How long the verdict of the scan just made stayed on screen, as the test could see it. */
async function verdictShownForMs(page: Page, door: DoorPage, timeout: number): Promise<number> {
  await expect(door.verdict).toBeVisible();
  const shownAt = Date.now();
  await expect(page.getByTestId('verdict-idle')).toBeVisible({ timeout });
  return Date.now() - shownAt;
}

test('on a phone the verdict goes back to "ready" after 5 s by default', async ({ page }) => {
  const door = await openDoor(page);
  await door.wedgeScan(codes[0]!);
  await door.expectVerdict('valid', codes[0]);
  const shown = await verdictShownForMs(page, door, 15_000);
  // 5 s less what the test took to see the verdict appear.
  expect(shown).toBeGreaterThan(4_000);
  await expect(page.getByTestId('verdict-idle')).toContainText('Готов к проверке');
});

test('the door chooses how long a verdict stays; the folded settings say whether they are open', async ({ page }) => {
  const door = await openDoor(page);
  const panel = page.getByTestId('scan-settings');
  const toggle = panel.getByRole('button', { name: 'Настройки сканирования' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByTestId('verdict-seconds')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const seconds = panel.getByLabel('Результат на экране, затем «Готов к проверке», с');
  await expect(seconds).toHaveValue('5');
  await seconds.selectOption('10');

  // Kept across a reload (a device setting), and obeyed.
  await page.reload();
  await page.getByTestId('scan-settings').getByRole('button', { name: 'Настройки сканирования' }).click();
  await expect(page.getByTestId('verdict-seconds')).toHaveValue('10');
  door.resetScanCounter();
  await door.wedgeScan(codes[1]!);
  await door.expectVerdict('valid', codes[1]);
  await page.waitForTimeout(7_000);
  await door.expectVerdict('valid', codes[1]);
  await expect(page.getByTestId('verdict-idle')).toBeVisible({ timeout: 8_000 });

  // The other folded panels say so too.
  for (const id of ['entrance-filter', 'stats-details']) {
    const other = page.getByTestId(id).getByRole('button').first();
    await expect(other).toHaveAttribute('aria-expanded', 'false');
    await other.click();
    await expect(other).toHaveAttribute('aria-expanded', 'true');
  }
});
