// Every screen through axe-core: no serious or critical violations (contrast AA, names, roles,
// labels), in Russian and in English, with verdicts and dialogs on screen.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, LATER_TODAY_SHOW, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';
import { HeaderPage } from './header-page.ts';

async function expectAccessible(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, screen).toEqual([]);
}

test.beforeEach(async ({ request }) => demo(request).reset());

test('setup, scan with every kind of verdict, device health and add-a-device pass axe', async ({ page, request }) => {
  test.setTimeout(120_000); // nine axe runs
  const qt = demo(request);
  const codes = await qt.codes(SHOW);
  await page.goto('/#/setup');
  await expectAccessible(page, 'setup (empty)');

  const door = new DoorPage(page);
  await page.goto('about:blank'); // a setup link is read on load, not on a hash change
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  await expectAccessible(page, 'scan (idle)');
  await door.wedgeScan(codes[0]!);
  await door.expectVerdict('valid');
  await expectAccessible(page, 'scan (admit)');
  await door.typeCode(codes[0]!); // a scanner's re-read within the repeat window is no new scan
  await door.expectVerdict('already_checked');
  await expectAccessible(page, 'scan (already used)');
  await door.typeCode('000000000000');
  await door.expectVerdict('unknown');
  await expectAccessible(page, 'scan (not found)');

  const device = new DevicePage(page);
  await device.openHealth();
  await expect(page.getByTestId('health-version')).toHaveAttribute('data-state', /.+/);
  await expectAccessible(page, 'device health');
  await page.getByTestId('add-device').click();
  await page.getByTestId('provision-toggle').click();
  await expect(page.getByTestId('provision-qr')).toBeVisible();
  await expectAccessible(page, 'add a device (QR shown)');

  await page.getByRole('button', { name: 'EN' }).click();
  await device.openHealth();
  await expectAccessible(page, 'device health (en)');
  await page.goto('/#/');
  door.resetScanCounter(); // the scan screen was left and opened again
  await door.typeCode('000000000000');
  await expect(door.verdict).toContainText('Not found');
  await expectAccessible(page, 'scan (en, not found)');
});

test('the locked kiosk and its PIN dialog pass axe', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  const device = new DevicePage(page);
  await device.enableKiosk('1357');
  await expectAccessible(page, 'kiosk (idle)');
  await door.wedgeScan(codes[1]!);
  await door.expectVerdict('valid');
  await expectAccessible(page, 'kiosk (admit)');
  await device.enterPin('0000');
  await expect(page.getByTestId('pin-error')).toBeVisible();
  await expectAccessible(page, 'kiosk PIN dialog (wrong PIN)');
});

test('a phone: the one-line header, its open menu and the verdict under it pass axe', async ({ page, request }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  const codes = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  await door.wedgeScan(codes[2]!);
  await door.expectVerdict('valid');
  await expectAccessible(page, 'phone scan (admit)');
  const header = new HeaderPage(page);
  await header.openMenu();
  await expect(header.menuButton).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'phone menu (open)');
});

test('the entry window: "too early", an admission with a warning and the shift settings pass axe', async ({ page, request }) => {
  const codes = await demo(request).codes(LATER_TODAY_SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [LATER_TODAY_SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  await door.typeCode(codes[0]!);
  await door.expectVerdict('too_early');
  await expectAccessible(page, 'scan (too early)');
  await new HeaderPage(page).go(/^(Смена|Shift)$/);
  await page.getByTestId('entry-window-early').fill('x');
  await page.getByTestId('entry-window-early').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Целое число минут' })).toBeVisible();
  await expectAccessible(page, 'shift (entry window, a refused value)');
  await page.getByTestId('entry-window-early').fill('60');
  await page.getByTestId('entry-window-early').press('Enter');
  await page.getByTestId('entry-window-early-warn').click();
  await expect(page.getByTestId('entry-window-early-warn')).toHaveAttribute('aria-pressed', 'true');
  await new HeaderPage(page).go(/^(Проверка|Scan)$/);
  door.resetScanCounter();
  await door.typeCode(codes[1]!);
  await expect(door.verdict).toHaveAttribute('data-warning', 'too_early');
  await expectAccessible(page, 'scan (admitted with a warning)');
});
