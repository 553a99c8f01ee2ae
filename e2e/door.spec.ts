import { expect, test } from '@playwright/test';
import { DEMO_TOKEN, demo, OTHER_SHOW, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

test('setup link → download → every verdict → offline admissions survive a reload → all delivered', async ({ page, context, request }) => {
  const qt = demo(request);
  const codes = await qt.codes(SHOW);
  const otherCodes = await qt.codes(OTHER_SHOW);
  const door = new DoorPage(page);

  await door.openSetupLink(DEMO_TOKEN, [SHOW, OTHER_SHOW]);
  // The token leaves the address bar at once.
  await expect(page).not.toHaveURL(/token=/);
  // Tomorrow's show is on the device but not in today's count.
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  await expect(page.getByTestId('counted-shows')).toContainText('Щелкунчик');
  await expect(page.getByTestId(`show-${OTHER_SHOW}`)).toContainText('список загружен');
  expect(page.url()).not.toContain(DEMO_TOKEN);

  // This door admits for the first show only: the other becomes "wrong date".
  // The box follows IndexedDB (a live query), a few ms after the click.
  await page.getByTestId(`show-active-${OTHER_SHOW}`).click();
  await expect(page.getByTestId(`show-active-${OTHER_SHOW}`)).not.toBeChecked();
  await expect(door.stored).toHaveText(String(codes.length));

  const [first, second, refunded] = codes;
  await door.wedgeScan(first!);
  await door.expectVerdict('valid', first);
  await expect(door.verdict).toContainText('Проходите');
  // Typed, not scanned: a scanner's read of the same code within the repeat window is the same read.
  await door.typeCode(first!);
  await door.expectVerdict('already_checked', first);
  await door.typeCode(`  ${second}  `);
  await door.expectVerdict('valid', second);
  await door.typeCode('000000000000');
  await door.expectVerdict('unknown', '000000000000');
  await door.wedgeScan(otherCodes[0]!);
  await door.expectVerdict('wrong_show', otherCodes[0]);
  await door.typeCode('<script>alert(1)</script>');
  await door.expectVerdict('unknown', '<script>alert(1)</script>');

  // A refund at the box office reaches the door on refresh.
  await qt.refund(SHOW, refunded!);
  await page.getByTestId('refresh').click();
  await expect(page.getByText(/Список обновлён/)).toBeVisible();
  await door.wedgeScan(refunded!);
  await door.expectVerdict('revoked', refunded);

  // Online admissions are delivered promptly.
  await expect(door.pending).toHaveText('0');

  // The service worker must control the page before the network goes.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  door.resetScanCounter();

  await context.setOffline(true);
  const offline = codes.slice(10, 30);
  for (const code of offline) {
    await door.wedgeScan(code);
    await door.expectVerdict('valid', code);
  }
  await expect(door.pending).toHaveText('20');
  await expect(page.getByTestId('sync-state')).toContainText('Нет сети');

  await page.reload();
  door.resetScanCounter();
  await expect(door.pending).toHaveText('20');
  await door.wedgeScan(offline[3]!);
  await door.expectVerdict('already_checked', offline[3]);

  await context.setOffline(false);
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });

  const received = await qt.received(SHOW);
  const expected = [first!, second!, ...offline].sort();
  expect([...new Set(received.map((r) => r.barcode))].sort()).toEqual(expected);
  for (const r of received) {
    expect(r.checked_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(r.via).toBe('batch');
  }
  expect(await qt.received(OTHER_SHOW)).toEqual([]);
});

test('deliveries survive 503s, HTML pages and broken JSON', async ({ page, request }) => {
  const qt = demo(request);
  const codes = await qt.codes(SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });

  await qt.fault('503', 2, 'barcodes-post');
  await door.wedgeScan(codes[0]!);
  await door.expectVerdict('valid');
  await expect(door.pending).toHaveText('1');
  await qt.fault('html200', 1, 'barcodes-post');
  await door.wedgeScan(codes[1]!);
  await qt.fault('badjson', 1, 'barcodes-post');
  await door.wedgeScan(codes[2]!);
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
  const delivered = new Set((await qt.received(SHOW)).map((r) => r.barcode));
  expect([...delivered].sort()).toEqual(codes.slice(0, 3).sort());
});

test('a wrong token gets an alert naming the HTTP status', async ({ page }) => {
  await page.goto('/#/setup');
  await page.getByTestId('token').fill('not-the-token');
  await page.getByRole('button', { name: 'Проверить токен' }).click();
  await expect(page.getByRole('alert')).toContainText('401');
});

test('an unknown show in a setup link gets an alert naming it', async ({ page }) => {
  await new DoorPage(page).openSetupLink(DEMO_TOKEN, [999999]);
  await expect(page.getByRole('alert')).toContainText('999999');
});

test('the token check and the event list work by hand, then scanning starts', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  await page.goto('/#/setup');
  await page.getByTestId('token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Проверить токен' }).click();
  // By name: the list puts upcoming events first, so which one comes first depends on the hour.
  await page.getByRole('radio', { name: /Щелкунчик/ }).check();
  await page.getByTestId(`pick-show-${SHOW}`).check();
  await page.getByTestId('download').click();
  const door = new DoorPage(page);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  await page.getByRole('button', { name: 'EN' }).click();
  await door.wedgeScan(codes[5]!);
  await expect(door.verdict).toContainText('Admit');
});
