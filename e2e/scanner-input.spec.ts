// Hardware scanners as they really behave at a door (issue 21): a double read, a Tab suffix, a
// code printed in groups, a scan while the kiosk PIN dialog has focus. In a Russian browser.
import { expect, test, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';

test.use({ locale: 'ru-RU' });

/** The repeat window a fresh device has (scanner settings: 3 s, for camera and scanner alike). */
const REPEAT_WINDOW_MS = 3_000;

test.beforeEach(async ({ page, request }) => {
  await demo(request).reset();
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
});

const activeElement = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? null);

test('a double read 300 ms apart keeps the admission; the same code after the window is a repeat', async ({ page, request }) => {
  const qt = demo(request);
  const [code] = await qt.codes(SHOW);
  const door = new DoorPage(page);

  const firstRead = Date.now();
  await door.scannerScan(code!);
  await page.waitForTimeout(Math.max(0, firstRead + 300 - Date.now()));
  await door.scannerRead(code!);
  const secondRead = Date.now();
  await door.expectVerdict('valid', code);
  await expect(door.verdict).toContainText('Проходите');
  // Long enough for a second scan to have shown its verdict (they take tens of ms): none did.
  await page.waitForTimeout(1_000);
  await expect(door.verdict).toHaveAttribute('data-scan-id', '1');
  await door.expectVerdict('valid', code);

  // One check-in, delivered once.
  await expect(door.pending).toHaveText('0');
  expect((await qt.received(SHOW)).filter((r) => r.barcode === code)).toHaveLength(1);

  // The window counts from the last read; after it, the same code is a repeat as always.
  await page.waitForTimeout(Math.max(0, secondRead + REPEAT_WINDOW_MS + 200 - Date.now()));
  await door.scannerScan(code!);
  await door.expectVerdict('already_checked', code);
  expect((await qt.received(SHOW)).filter((r) => r.barcode === code)).toHaveLength(1);
});

test('Tab-ended codes get their verdict and leave focus alone; an Enter-ended one follows', async ({ page, request }) => {
  const [a, b, c] = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  const focusedBefore = await activeElement(page);

  await door.scannerScan(a!, 'Tab');
  await door.expectVerdict('valid', a);
  expect(await activeElement(page)).toBe(focusedBefore);
  await door.scannerScan(b!, 'Tab');
  await door.expectVerdict('valid', b);
  expect(await activeElement(page)).toBe(focusedBefore);
  await door.scannerScan(c!, 'Enter');
  await door.expectVerdict('valid', c);
  await expect(door.pending).toHaveText('0');
});

test('a code printed in groups is found, from a scanner without scrolling and typed by hand', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const codes = await demo(request).codes(SHOW);
  const [spaced, dashed] = codes.filter((c) => /^\d{12}$/.test(c));
  const grouped = (code: string, sep: string) => code.match(/\d{4}/g)!.join(sep);
  const door = new DoorPage(page);
  // The scan screen is taller than the phone: a Space that scrolled would move it.
  expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true);
  const scrolled = await page.evaluate(() => scrollY);

  await door.scannerScan(grouped(spaced!, ' '));
  await door.expectVerdict('valid', spaced);
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);

  await door.typeCode(grouped(dashed!, '-'));
  await door.expectVerdict('valid', dashed);
});

test('a scan while the kiosk PIN dialog is open gets its verdict; the PIN field keeps its digits', async ({ page, request }) => {
  const PIN = '4921';
  const [code] = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  const device = new DevicePage(page);
  await device.enableKiosk(PIN);
  await page.goto('/#/');
  await expect(page.getByTestId('manual-code')).toBeVisible();

  await device.kioskUnlock.click();
  await expect(device.pinGate).toBeVisible();
  const pinField = page.getByTestId('kiosk-pin');
  await expect(pinField).toBeFocused();
  // Half a PIN typed by a person, then a guest's ticket under the scanner.
  await pinField.pressSequentially(PIN.slice(0, 2), { delay: 120 });
  await door.scannerScan(code!);
  await door.expectVerdict('valid', code);
  await expect(pinField).toHaveValue(PIN.slice(0, 2));
  await expect(pinField).toBeFocused();
  await expect(page.getByTestId('pin-error')).toBeHidden();

  // The person finishes their PIN: it is right, so nothing else went into the field.
  await pinField.pressSequentially(PIN.slice(2), { delay: 120 });
  await pinField.press('Enter');
  await expect(page.getByRole('heading', { name: 'Состояние устройства' })).toBeVisible();
});
