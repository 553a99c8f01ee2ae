// Reliability in the real browser: a browser closed in the middle of a delivery delivers the rest
// when it opens again; two tabs deliver one batch at a time and never the same record twice;
// IndexedDB refusing a write shows "valid but NOT recorded" as an alert, and nothing crashes;
// hostile scanner input is shown as text, never run.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, DEMO_PORT } from '../playwright.config.ts';
import { DEMO_TOKEN, demo, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';
import { readOutbox } from './outbox.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

const BASE = `http://127.0.0.1:${DEMO_PORT}`;

async function setUp(door: DoorPage, listed: number) {
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(listed), { timeout: 30_000 });
}


test('a browser closed in the middle of a delivery delivers the rest when it opens again', async ({ request }) => {
  const qt = demo(request);
  const codes = await qt.codes(SHOW);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kontrol-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      baseURL: BASE,
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
    });
  let context: BrowserContext | null = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const door = new DoorPage(page);
    await setUp(door, codes.length);

    await context.setOffline(true);
    const admitted = codes.slice(40, 70);
    for (const code of admitted) {
      await door.wedgeScan(code);
      await door.expectVerdict('valid', code);
    }
    await expect(door.pending).toHaveText(String(admitted.length));
    const queued = await readOutbox(page);
    expect(queued.map((q) => q.code).sort()).toEqual([...admitted].sort());

    // The server will hold the next delivery without answering: the browser dies while it waits.
    await qt.fault('timeout', 5, 'barcodes-post');
    const inFlight = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes(`/api/rest/v1/shows/${SHOW}/barcodes`));
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await inFlight;
    await context.close();
    context = null;

    await qt.fault('none');
    context = await launch();
    const again = context.pages()[0] ?? (await context.newPage());
    await again.goto('/');
    const reopened = new DoorPage(again);
    // The counts read IndexedDB a moment after the first paint: the list must be there first.
    await expect(reopened.stored).toHaveText(String(codes.length), { timeout: 30_000 });
    await expect(reopened.pending).toHaveText('0', { timeout: 30_000 });

    const received = await qt.received(SHOW);
    const times = new Map(queued.map((q) => [q.code, q.checkedAt]));
    expect([...new Set(received.map((r) => r.barcode))].sort()).toEqual([...admitted].sort());
    for (const r of received) expect(r.checked_at).toBe(times.get(r.barcode));
  } finally {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('two tabs deliver one batch at a time and never the same check-in twice', async ({ context, request }) => {
  // 120 codes typed into two tabs: past the default minute when the 2-core machine is busy.
  test.setTimeout(120_000);
  const qt = demo(request);
  const codes = await qt.codes(SHOW);
  // Every delivery POST of both tabs, as the browser timed it (one clock; the requests are made by
  // each tab's request worker, which the browser context sees as it sees the pages).
  const deliveries: [number, number][] = [];
  context.on('requestfinished', (r) => {
    if (r.method() !== 'POST' || !r.url().includes('/barcodes')) return;
    const t = r.timing();
    deliveries.push([t.startTime, t.startTime + t.responseEnd]);
  });
  const first = new DoorPage(await context.newPage());
  await setUp(first, codes.length);
  const second = new DoorPage(await context.newPage());
  await second.page.goto('/');
  await expect(second.stored).toHaveText(String(codes.length));

  await context.setOffline(true);
  const batchA = codes.slice(100, 160);
  const batchB = codes.slice(200, 260);
  for (const code of batchA) await first.typeCode(code);
  for (const code of batchB) await second.typeCode(code);
  await expect(first.pending).toHaveText(String(batchA.length + batchB.length));
  await expect(second.pending).toHaveText(String(batchA.length + batchB.length));

  // Both tabs see the network come back at the same moment and both try to deliver.
  await context.setOffline(false);
  await Promise.all([first.page, second.page].map((p) => p.evaluate(() => window.dispatchEvent(new Event('online')))));
  await expect(first.pending).toHaveText('0', { timeout: 30_000 });
  await expect(second.pending).toHaveText('0');
  await expect.poll(async () => (await qt.received(SHOW)).length).toBe(batchA.length + batchB.length);

  const received = await qt.received(SHOW);
  const barcodes = received.map((r) => r.barcode);
  expect(barcodes).toHaveLength(new Set(barcodes).size); // nothing sent twice
  expect([...barcodes].sort()).toEqual([...batchA, ...batchB].sort());

  // One delivery at a time across the tabs: no two requests were ever in flight together.
  deliveries.sort((a, b) => a[0] - b[0]);
  expect(deliveries.length).toBeGreaterThanOrEqual(2); // 120 records: at least two batches of ≤ 100
  for (let i = 1; i < deliveries.length; i++) expect(deliveries[i]![0]).toBeGreaterThanOrEqual(deliveries[i - 1]![1]);
});

test('IndexedDB refusing the write: the door says valid but NOT recorded, as an alert, and goes on', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  // Chromium cannot be made to run out of disk on cue: make the outbox refuse writes, as a full
  // disk or a private window would, whenever the page sets a flag.
  await page.addInitScript(() => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'outbox' && localStorage.getItem('kontrol-test-disk-full') === '1') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return add.apply(this, args);
    };
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const door = new DoorPage(page);
  await setUp(door, codes.length);

  await page.evaluate(() => localStorage.setItem('kontrol-test-disk-full', '1'));
  const [refused, later] = [codes[300]!, codes[301]!];
  await door.typeCode(refused);
  await door.expectVerdict('valid', refused);
  await expect(door.verdict).toHaveAttribute('data-recorded', 'false');
  const alert = page.getByRole('alert').filter({ hasText: 'Не сохранено' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('запишите номер вручную');
  await expect(door.pending).toHaveText('0');

  // Disk space is back: the door records again, and the unrecorded ticket was not marked used.
  await page.evaluate(() => localStorage.removeItem('kontrol-test-disk-full'));
  await door.typeCode(later);
  await door.expectVerdict('valid', later);
  await expect(door.verdict).toHaveAttribute('data-recorded', 'true');
  await door.typeCode(refused);
  await expect(door.verdict).toHaveAttribute('data-recorded', 'true');
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('hostile scanner input is shown as text and never runs', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  await setUp(door, codes.length);
  const hostile: [raw: string, shown: string][] = [
    ['<img src=x onerror="window.__pwned=1">', '<img src=x onerror="window.__pwned=1">'],
    ['"><svg/onload=window.__pwned=2>', '"><svg/onload=window.__pwned=2>'],
    ['\u202Eexe.gnp 🎫 مرحبا\u200B', 'exe.gnp 🎫 مرحبا'], // the bidi override and zero-width space are dropped
    ['9'.repeat(2000), '9'.repeat(256)], // a runaway burst is cut
  ];
  for (const [raw, shown] of hostile) {
    await door.typeCode(raw);
    await door.expectVerdict('unknown', shown);
    await expect(door.verdict).toContainText(shown);
  }
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
});
