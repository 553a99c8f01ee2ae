// "Add a device": the QR code of the setup link, decoded with our own decoder, sets up a fresh
// browser — configured, downloading, and in kiosk mode behind the PIN it carries.
import { expect, test } from '@playwright/test';
import zxing from '@zxing/library';
import { PNG } from 'pngjs';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';

// The same reader our zxing-js engine (src/scanner/engines/zxing-js.ts) runs: QR hint, hybrid
// binarizer, decodeWithState. The engine module itself cannot be loaded here: Node's ESM loader
// sees no named exports in @zxing/library's CommonJS build, so the spec takes the default export.
async function decodeQr(png: Buffer): Promise<string | null> {
  const { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } = zxing;
  const image = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0, p = 0; i < luminance.length; i++, p += 4) {
    luminance[i] = (image.data[p]! * 306 + image.data[p + 1]! * 601 + image.data[p + 2]! * 117) >> 10;
  }
  const reader = new MultiFormatReader();
  reader.setHints(new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]]]));
  try {
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, image.width, image.height)))).getText();
  } catch {
    return null;
  }
}

test('the provisioning QR decodes to a setup link that configures a fresh browser in kiosk mode', async ({ page, browser, request, baseURL }) => {
  const codes = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });

  await new DevicePage(page).openHealth();
  await page.getByTestId('add-device').click();
  await expect(page.getByRole('heading', { name: 'Добавить устройство' })).toBeVisible();
  await page.getByTestId('provision-kiosk').check();
  await page.getByTestId('provision-pin').fill('2468');
  await page.getByTestId('provision-toggle').click();
  // Said plainly, next to the code: it carries the token.
  await expect(page.getByTestId('provision-warning')).toContainText('QR-код содержит токен API');
  const qr = page.getByTestId('provision-qr');
  await expect(qr).toBeVisible();

  const link = await decodeQr(await qr.screenshot());
  expect(link).not.toBeNull();
  const url = new URL(link!);
  expect(url.origin).toBe(new URL(baseURL!).origin);
  // Token and PIN only in the fragment: browsers never send it to a server.
  expect(url.pathname + url.search).not.toContain(DEMO_TOKEN);
  expect(url.hash).toMatch(/^#\/setup\?/);

  // Hiding the code takes one tap.
  await page.getByTestId('provision-toggle').click();
  await expect(qr).toBeHidden();

  // A phone that opens the link lands configured, downloading, locked to the scan screen.
  const phone = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  try {
    const tablet = await phone.newPage();
    await tablet.goto(link!);
    await expect(tablet).not.toHaveURL(/token=|pin=/);
    const tabletDoor = new DoorPage(tablet);
    await expect(tabletDoor.stored).toHaveText(String(codes.length), { timeout: 30_000 });
    expect(tablet.url()).not.toContain(DEMO_TOKEN);
    const tabletDevice = new DevicePage(tablet);
    await expect(tabletDevice.kioskUnlock).toBeVisible();
    await tabletDoor.wedgeScan(codes[7]!);
    await tabletDoor.expectVerdict('valid', codes[7]);
    await tabletDevice.enterPin('2468');
    await expect(tablet.getByRole('heading', { name: 'Состояние устройства' })).toBeVisible();
  } finally {
    await phone.close();
  }
});

test('without a configured device there is no QR to show', async ({ page }) => {
  await page.goto('/#/device/add');
  await expect(page.getByRole('alert')).toContainText('Сначала настройте это устройство');
  await expect(page.getByTestId('provision-toggle')).toBeHidden();
});
