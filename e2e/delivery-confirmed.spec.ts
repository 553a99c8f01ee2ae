// Delivered means Qtickets holds it, in the real browser against the demo Qtickets: a batch that
// is answered with a 2xx that records nothing (or only half, or says "error") keeps the check-ins
// pending until a read-back proves the server holds them; once the server behaves, every admission
// arrives with its original time, and nothing is called rejected.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_TOKEN, demo, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';
import { readOutbox } from './outbox.ts';

test.use({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
test.beforeEach(async ({ request }) => demo(request).reset());


/** Admits `codes` offline, then lets the network back with the demo misbehaving `times` times. */
async function admitOfflineThenMisbehave(page: Page, request: Parameters<typeof demo>[0], fault: string, times: number, count: number) {
  const qt = demo(request);
  const codes = (await qt.codes(SHOW)).slice(200, 200 + count);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
  await page.context().setOffline(true);
  for (const code of codes) {
    await door.wedgeScan(code);
    await door.expectVerdict('valid', code);
  }
  const queued = await readOutbox(page);
  expect(queued).toHaveLength(count);
  await qt.fault(fault, times, 'barcodes-post');
  await page.context().setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  return { qt, door, queued };
}

async function expectAllHeldWithTheirTimes(qt: ReturnType<typeof demo>, queued: { code: string; checkedAt: string }[]) {
  const accepted = (await qt.received(SHOW)).filter((r) => r.accepted);
  const times = new Map(queued.map((q) => [q.code, q.checkedAt]));
  expect([...new Set(accepted.map((r) => r.barcode))].sort()).toEqual([...times.keys()].sort());
  for (const r of accepted) expect(r.checked_at).toBe(times.get(r.barcode));
}

test('a 2xx that records nothing keeps every check-in pending until the server really holds it', async ({ page, request }) => {
  const { qt, door, queued } = await admitOfflineThenMisbehave(page, request, 'ok-nothing', 1, 12);
  // The first answer was {"status":"ok"} and the demo recorded nothing: still pending, not "Всё отправлено".
  await expect.poll(async () => (await qt.received(SHOW)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
  await expect(page.getByTestId('rejected-count')).toHaveText('0');
  await expectAllHeldWithTheirTimes(qt, queued);
});

test('a 2xx that recorded only half: the other half is read back, sent again and arrives', async ({ page, request }) => {
  const { qt, door, queued } = await admitOfflineThenMisbehave(page, request, 'half', 1, 10);
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
  await expect(page.getByTestId('rejected-count')).toHaveText('0');
  await expectAllHeldWithTheirTimes(qt, queued);
});

test('a server that keeps answering "error" is an alert in Russian, and delivery resumes when it heals', async ({ page, request }) => {
  const { qt, door, queued } = await admitOfflineThenMisbehave(page, request, 'error200', 3, 4);
  const alert = page.getByTestId('delivery-alert');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('Отметки не удаётся отправить');
  await expect(door.pending).toHaveText('4');
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
  await expect(alert).toBeHidden();
  await expectAllHeldWithTheirTimes(qt, queued);
});

test('an empty list where thousands were listed keeps the old list until the supervisor decides', async ({ page, request }) => {
  const qt = demo(request);
  const codes = await qt.codes(SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  await qt.fault('empty-list', 1);
  await page.getByTestId('refresh').click();
  const held = page.getByTestId('held-pull');
  await expect(held).toBeVisible({ timeout: 30_000 });
  await expect(held).toHaveAttribute('role', 'alert');
  await expect(held).toContainText('Qtickets прислал 0 билетов');
  // The old list still decides: a listed ticket admits, it is not "cancelled".
  await door.typeCode(codes[300]!);
  await door.expectVerdict('valid', codes[300]);
  await expect(door.stored).toHaveText(String(codes.length));
  await held.getByRole('button', { name: 'Оставить прежний список' }).click();
  await expect(held).toBeHidden();
});
