// Supervisor decisions (issue 17 §4): with a supervisor PIN set, a steward scans, types and reads,
// but settings, undo and sign-out ask for the PIN; "admit anyway" on a denial takes the PIN and a
// reason and reaches Qtickets as a real check-in (or stays on the device where Qtickets cannot take
// it); history, numbers and the CSV say who was let in and why; a note on a scan is kept with it.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, LATER_TODAY_SHOW, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';
import { StaffScreensPage } from './staff-screens-page.ts';

const PIN = '5173';

test.beforeEach(async ({ request }) => demo(request).reset());

async function expectAccessible(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, screen).toEqual([]);
}

/** The supervisor sets a PIN on the device screen (no PIN yet: everyone is the supervisor), then hands the device back. */
async function setSupervisorPin(page: Page) {
  await page.goto('/#/device');
  await page.getByTestId('supervisor-new-pin').fill(PIN);
  await page.getByTestId('supervisor-new-pin-repeat').fill(PIN);
  await page.getByTestId('supervisor-pin-save').click();
  await expect(page.getByTestId('supervisor-pin-state')).toHaveText('PIN-код установлен. Сейчас: Старший.');
  await page.getByTestId('supervisor-lock').click();
  await expect(page.getByTestId('supervisor-only')).toBeVisible();
}

test('an override with the PIN and a reason reaches Qtickets, and history, numbers and the CSV say why', async ({ page, request }) => {
  const qt = demo(request);
  const [early] = await qt.codes(LATER_TODAY_SHOW);
  const door = new DoorPage(page);
  const screens = new StaffScreensPage(page);
  await door.openSetupLink(DEMO_TOKEN, [LATER_TODAY_SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
  await setSupervisorPin(page);
  await page.goto('/#/');

  // Doors open in three hours: the rules say "too early".
  await door.typeCode(early!);
  await door.expectVerdict('too_early', early);
  await page.getByTestId('override-offer').click();
  const dialog = page.getByTestId('override-dialog');
  await expect(dialog).toContainText(`Билет ${early}: Рано`);

  // No reason: said in words. A wrong PIN: refused, nothing recorded.
  await page.getByTestId('override-pin').fill('0000');
  await page.getByTestId('override-submit').click();
  await expect(dialog.getByRole('alert')).toHaveText('Выберите причину');
  await page.getByTestId('override-reason-vip').check();
  await page.getByTestId('override-text').fill('с артистом');
  await page.getByTestId('override-submit').click();
  await expect(dialog.getByRole('alert')).toHaveText('Неверный PIN-код');
  await expect(door.pending).toHaveText('0');

  await page.getByTestId('override-pin').fill(PIN);
  await page.getByTestId('override-submit').click();
  await expect(dialog).toBeHidden();
  await expect(door.verdict).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('verdict-override')).toHaveText('Пропуск по решению старшего: Гость VIP — с артистом');
  await expect(page.getByTestId('verdict-override')).toHaveAttribute('data-delivery', 'qtickets');

  // A real check-in: Qtickets holds it.
  await expect.poll(async () => (await qt.received(LATER_TODAY_SHOW)).filter((r) => r.accepted).map((r) => r.barcode)).toEqual([early]);
  await expect(door.pending).toHaveText('0');

  // The same ticket again (still "too early": the window is the answer before "already used");
  // the supervisor, still unlocked, lets them in once more, on this device only — Qtickets keeps
  // the first check-in and hears nothing new.
  // Typed by hand: the override's verdict counted as the panel's second (scan ids count up per verdict shown).
  await page.getByTestId('manual-code').fill(early!);
  await page.getByTestId('manual-code').press('Enter');
  await expect(door.verdict).toHaveAttribute('data-scan-id', '3');
  await door.expectVerdict('too_early', early);
  await page.getByTestId('override-offer').click();
  await expect(page.getByTestId('override-pin')).toHaveCount(0);
  await page.getByTestId('override-reason-other').check();
  await page.getByTestId('override-submit').click();
  await expect(page.getByTestId('override-dialog').getByRole('alert')).toHaveText('Для «Другое» напишите, почему пропускаете');
  await page.getByTestId('override-text').fill('вышел за паспортом');
  await page.getByTestId('override-submit').click();
  await expect(page.getByTestId('verdict-override')).toHaveAttribute('data-delivery', 'local');
  await expect(page.getByTestId('verdict-override')).toContainText('только на этом устройстве');

  await screens.openStats();
  const overrides = page.getByTestId('stats-overrides');
  await expect(overrides.locator('[data-reason="vip"] .stat-count')).toHaveText('1');
  await expect(overrides.locator('[data-reason="other"] .stat-count')).toHaveText('1');
  // Let in, so not among those turned away.
  await expect(page.locator('[data-testid="stats-denials"] [data-kind="too_early"] .stat-count')).toHaveText('0');

  await screens.openHistory();
  const rows = screens.historyRow(early!);
  await expect(rows.filter({ has: page.locator('[data-delivery="qtickets"]') })).toContainText('Пропущен старшим: Гость VIP — с артистом');
  await expect(rows.filter({ has: page.locator('[data-delivery="local"]') })).toContainText('Пропущен старшим: Другое — вышел за паспортом (только на этом устройстве)');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('history-export').click();
  const csv = (await readFile(await (await downloading).path())).toString('utf8');
  const header = csv.replace('\uFEFF', '').split('\r\n')[0]!.split(';');
  expect(header.slice(-2)).toEqual(['Решение старшего', 'Заметка']);
  expect(csv).toContain(`="${early}";Рано;`);
  expect(csv).toMatch(/;отправлено;;Гость VIP — с артистом;\r\n/);
  expect(csv).toContain(';Другое — вышел за паспортом (только на этом устройстве);');
});

test('a steward cannot reach settings, undo or sign-out without the PIN; a note on a scan shows in the history', async ({ page, request, context }) => {
  // A code other specs do not scan: the venue hub keeps admissions across demo resets.
  const code = (await demo(request).codes(SHOW))[137];
  const door = new DoorPage(page);
  const screens = new StaffScreensPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
  await setSupervisorPin(page);

  // Typing the address is no way round: each supervisor screen says so and shows nothing of itself.
  for (const screen of ['/#/shift', '/#/device', '/#/setup']) {
    await page.goto(screen);
    await expect(page.getByTestId('supervisor-only')).toContainText('Только для старшего');
  }
  await expect(page.getByTestId('signout')).toHaveCount(0);
  await page.goto('/#/');
  await expect(page.getByTestId('shows-panel')).toHaveCount(0);
  // Offline, so the admission is still in the outbox and can be undone.
  await context.setOffline(true);

  // A steward scans and writes a note on the scan.
  await door.typeCode(code!);
  await door.expectVerdict('valid', code);
  await page.getByTestId('note-add').click();
  await page.getByTestId('note-text').fill('  без браслета ');
  await page.getByTestId('note-save').click();
  await expect(page.getByTestId('note-saved')).toHaveText('Заметка сохранена: без браслета');

  await screens.openHistory();
  const row = screens.historyRow(code!);
  await expect(row.getByTestId('history-note')).toHaveText('Заметка: без браслета');

  // Undo asks the PIN; cancelled, nothing is undone.
  await row.getByRole('button', { name: 'Отменить проход' }).click();
  const confirm = row.getByRole('group').getByRole('button', { name: 'Отменить проход' });
  await confirm.click();
  await expect(page.getByTestId('pin-gate')).toBeVisible();
  await page.getByTestId('pin-gate').getByRole('button', { name: 'Отмена' }).click();
  await expect(page.getByTestId('pin-gate')).toBeHidden();
  await expect(row).not.toHaveAttribute('data-undone', 'true');

  // With the PIN the supervisor undoes it, and sign-out opens to them.
  await confirm.click();
  await page.getByTestId('kiosk-pin').fill(PIN);
  await page.getByTestId('kiosk-pin').press('Enter');
  await expect(row).toHaveAttribute('data-undone', 'true');
  await screens.openShift();
  await expect(page.getByTestId('signout')).toBeVisible();
});

test('the supervisor-only screen, "admit anyway" and the note pass axe', async ({ page, request }) => {
  const [code] = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
  await setSupervisorPin(page);
  await expectAccessible(page, 'supervisor only');
  await page.goto('/#/');
  await door.typeCode(code!);
  await door.typeCode(code!);
  await door.expectVerdict('already_checked', code);
  await page.getByTestId('override-offer').click();
  await page.getByTestId('override-submit').click();
  await expect(page.getByTestId('override-error')).toBeVisible();
  await expectAccessible(page, 'admit anyway (no reason yet)');
  await page.getByTestId('override-dialog').getByRole('button', { name: 'Отмена' }).click();
  await page.getByTestId('note-add').click();
  await expect(page.getByTestId('note-dialog')).toBeVisible();
  await expectAccessible(page, 'note');
});
