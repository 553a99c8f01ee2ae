// Installable and self-updating, on the production build: manifest and icons, the service
// worker keeping the app alive without its server, and version 1 → version 2 only on a tap.
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { buildVersion, DIST, OWN_PORT, startAppServer, type AppServer } from './app-server.ts';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';

const pngSize = (body: Buffer) => {
  const png = PNG.sync.read(body);
  return `${png.width}x${png.height}`;
};

test('the manifest and icons pass Chromium’s installability checks', async ({ page, request }) => {
  await page.goto('/');
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({
    name: expect.stringContaining('Контроль'),
    short_name: 'Контроль',
    description: expect.any(String),
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  for (const want of [{ sizes: '192x192', purpose: 'any' }, { sizes: '512x512', purpose: 'any' }, { sizes: '512x512', purpose: 'maskable' }]) {
    const icon = icons.find((i) => i.sizes === want.sizes && i.purpose === want.purpose && i.type === 'image/png');
    expect(icon, `${want.sizes} ${want.purpose}`).toBeDefined();
    const res = await request.get(icon!.src);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(pngSize(await res.body())).toBe(want.sizes);
  }
  // The maskable icon is full-bleed: no transparent corner for the launcher's mask to reveal.
  const maskable = PNG.sync.read(await (await request.get(icons.find((i) => i.purpose === 'maskable')!.src)).body());
  expect(maskable.data[3]).toBe(255);
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(pngSize(await (await request.get(apple!)).body())).toBe('180x180');
  const favicon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect((await request.get(favicon!)).ok()).toBe(true);

  const cdp = await page.context().newCDPSession(page);
  const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
  expect(manifestErrors).toEqual([]);
  // Playwright's contexts are incognito profiles, where Chromium never installs anything: that
  // one error is about the test browser, every other would be about the app.
  await expect
    .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'))
    .toEqual([]);
});

test('device health shows the stored list and warns when the clock is more than two minutes off', async ({ page, request }) => {
  await demo(request).reset();
  const codes = await demo(request).codes(SHOW);
  // This phone's clock runs ten minutes fast.
  await page.clock.setFixedTime(Date.now() + 10 * 60_000);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  const device = new DevicePage(page);
  await device.openHealth();
  await expect(page.getByTestId('health-tickets')).toContainText(`${codes.length.toLocaleString('ru-RU').replace(/\u00a0/g, '\u202f')} билет`);
  await expect(page.getByTestId('health-pending')).toContainText('0 отметок');
  await expect(page.getByTestId('health-clock').getByRole('alert')).toContainText('спешат на 10 мин');
  await expect(page.getByTestId('health-storage')).toContainText(/занято .* из /);
  await expect(page.getByTestId('health-camera')).not.toBeEmpty();
});

test.describe('with a server the spec stops', () => {
  test.use({ baseURL: `http://127.0.0.1:${OWN_PORT}` });
  let server: AppServer | undefined;
  test.afterEach(async () => server?.stop());

  async function setUp(page: Page) {
    const door = new DoorPage(page);
    await new DoorPage(page).openSetupLink(DEMO_TOKEN, [SHOW]);
    await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
    return door;
  }

  test('after the server process is stopped, a reload still opens the app with its data', async ({ page, request }) => {
    // A fresh server brotli-compresses every file on its first request: the first precache is slow.
    test.setTimeout(120_000);
    server = await startAppServer(DIST);
    const door = await setUp(page);
    const device = new DevicePage(page);
    // The first install says so.
    await expect(device.offlineReady).toContainText('Готово к работе без сети', { timeout: 60_000 });
    // Device health agrees at once, on this very page (not "загружается…" until a reload).
    await device.openHealth();
    await expect(page.getByTestId('health-sw')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('health-sw')).not.toContainText('загружается');
    await page.goto('/#/');
    await device.waitControlled();
    const stored = await door.stored.textContent();
    const code = (await demo(request).codes(SHOW))[3]!;

    await server.stop();
    await page.reload();
    await expect(door.stored).toHaveText(stored!);
    door.resetScanCounter();
    await door.wedgeScan(code);
    await door.expectVerdict('valid', code);
    await expect(door.pending).toHaveText('1');
    await device.openHealth();
    await expect(page.getByTestId('health-sw')).toHaveAttribute('data-state', 'ready');
  });

  test('version 1 → version 2 shows the update bar, never over a verdict, and switches only on tap', async ({ page, request }) => {
    test.setTimeout(240_000);
    const v2 = `e2e-v2-${Date.now()}`;
    const v2Dir = path.join(tmpdir(), `kontrol-e2e-v2-${OWN_PORT}`);
    await buildVersion(v2, v2Dir);

    server = await startAppServer(DIST);
    const door = await setUp(page);
    const device = new DevicePage(page);
    await device.waitControlled();
    await device.openHealth();
    const v1 = await device.version();
    expect(v1).not.toBe(v2);
    await server.stop();

    server = await startAppServer(v2Dir);
    await page.goto('/#/');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect(device.updateBar).toBeVisible({ timeout: 30_000 });

    // A verdict on screen hides the bar; it comes back once the verdict has been read.
    const code = (await demo(request).codes(SHOW))[4]!;
    door.resetScanCounter();
    await door.wedgeScan(code);
    await expect(device.updateBar).toBeHidden();
    await expect(device.updateBar).toBeVisible();

    // Nothing switched by itself: still version 1 until the tap.
    await device.openHealth();
    expect(await device.version()).toBe(v1);
    await expect(page.getByTestId('health-sw')).toHaveAttribute('data-state', 'update_waiting');
    await device.updateBar.getByRole('button').click();
    await expect(page.getByTestId('health-version')).toHaveAttribute('data-state', v2, { timeout: 30_000 });
    await expect(device.updateBar).toBeHidden();
    // The data survived the update: the admission made under version 1 is still known.
    await page.goto('/#/');
    door.resetScanCounter();
    await door.wedgeScan(code);
    await door.expectVerdict('already_checked', code);
  });
});
