// Late sales: a ticket sold after the door pulled its list is found online (the panel says it is
// checking, then admits and the check-in reaches Qtickets); offline it is "not found" with the
// list's age; a server that does not answer in time leaves it "not found" and says so.
import { expect, test } from '@playwright/test';
import { DEMO_TOKEN, demo, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';
import { StaffScreensPage } from './staff-screens-page.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

test('a late ticket: unanswered, then found online and admitted; offline it is denied with the list’s age', async ({ page, context, request }) => {
  const qt = demo(request);
  const codes = await qt.codes(SHOW);
  const door = new DoorPage(page);
  const screens = new StaffScreensPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });

  const late = await qt.sell(SHOW);
  expect(codes).not.toContain(late);

  // Qtickets does not answer this once: the panel says it is checking, then that nobody answered.
  const silence = '**/api/rest/v1/shows/*/barcode/*';
  let held = 0;
  await context.route(silence, () => void (held += 1)); // never answered: only the door's own limit ends the wait
  await door.typeCode(late);
  await door.expectVerdict('unknown', late);
  await expect(door.verdict).toContainText('Проверяем на сервере…');
  await expect(door.verdict).toHaveAttribute('data-server', 'unreachable', { timeout: 5_000 });
  await expect(door.verdict).toContainText(/Сервер не ответил\. Список от \d\d:\d\d — билет может быть новее/);
  await expect(door.pending).toHaveText('0');
  expect(held).toBe(1);
  await context.unroute(silence);

  // Answered: the ticket is admitted like a listed one, and its check-in reaches Qtickets.
  await door.typeCode(late);
  await expect(door.verdict).toHaveAttribute('data-verdict', 'valid', { timeout: 5_000 });
  await expect(door.verdict).toContainText('Проходите');
  await expect.poll(async () => (await qt.received(SHOW)).map((r) => r.barcode)).toContain(late);
  // Its show's list is pulled again in the background: the late ticket is on it now.
  await expect(door.stored).toHaveText(String(codes.length + 1), { timeout: 15_000 });
  await door.typeCode(late);
  await door.expectVerdict('already_checked', late);

  // Another sale, after that pull.
  const later = await qt.sell(SHOW);

  // Offline: not asked; the person at the door is told how old the list is.
  await context.setOffline(true);
  await door.typeCode(later);
  await door.expectVerdict('unknown', later);
  await expect(door.verdict).toHaveAttribute('data-server', 'offline');
  await expect(door.verdict).toContainText(/Список от \d\d:\d\d — билет может быть новее/);
  // A garbage read never waits for the network, online or not.
  await context.setOffline(false);
  await door.typeCode('https://example.org/promo');
  await door.expectVerdict('unknown');
  await expect(door.verdict).not.toHaveAttribute('data-server');

  // Back online, the later ticket is found too.
  await door.typeCode(later);
  await expect(door.verdict).toHaveAttribute('data-verdict', 'valid', { timeout: 5_000 });

  // One scan, one line: the history holds the late admission once, as an admission.
  await screens.openHistory();
  await expect(screens.historyRow(later)).toHaveCount(2);
  await expect(screens.historyRow(later).first()).toHaveAttribute('data-verdict', 'valid');
});
