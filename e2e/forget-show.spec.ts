// Removing a show from the device: undelivered check-ins of that show go only against their exact
// number, the other stored show keeps admitting and delivering, the last show leads to setup, and
// a locked kiosk offers no removal at all.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';
import { StaffScreensPage } from './staff-screens-page.ts';

/** «Джазовый вечер», the same evening as SHOW (both are today's, so this door admits both). */
const JAZZ = 1003;

test.beforeEach(async ({ request }) => demo(request).reset());

/** The shows panel of the scan screen, as staff use it. */
function showsPanel(page: Page) {
  return {
    row: (id: number) => page.getByTestId(`show-${id}`),
    remove: (id: number) => page.getByTestId(`forget-show-${id}`),
    confirmStep: (id: number) => page.getByTestId(`forget-show-confirm-${id}`),
    undelivered: (id: number) => page.getByTestId(`forget-show-undelivered-${id}`),
    count: (id: number) => page.getByTestId(`forget-show-count-${id}`),
    removed: page.getByTestId('show-removed'),
  };
}

test('a show with unsent check-ins goes only against their exact number; the other show still admits and delivers', async ({ page, context, request }) => {
  const qt = demo(request);
  const [nutcracker, jazz] = [await qt.codes(SHOW), await qt.codes(JAZZ)];
  const door = new DoorPage(page);
  const shows = showsPanel(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW, JAZZ]);
  await expect(door.stored).toHaveText(String(nutcracker.length + jazz.length), { timeout: 30_000 });

  await context.setOffline(true);
  for (const code of [nutcracker[100]!, nutcracker[101]!, jazz[5]!]) {
    await door.wedgeScan(code);
    await door.expectVerdict('valid', code);
  }
  await expect(door.pending).toHaveText('3');

  // The confirm step names the show and counts only its own unsent check-ins, in proper Russian.
  await shows.remove(SHOW).click();
  await expect(shows.confirmStep(SHOW)).toContainText('Убрать с устройства сеанс «Щелкунчик');
  await expect(shows.undelivered(SHOW)).toContainText('По этому сеансу не отправлено: 2 отметки. Они будут потеряны.');

  // The device's total is not this show's number: refused, nothing removed.
  await shows.count(SHOW).fill('3');
  await shows.confirmStep(SHOW).getByRole('button', { name: 'Удалить отметки и убрать сеанс' }).click();
  await expect(shows.confirmStep(SHOW).locator('.error[role="alert"]')).toHaveText('Число не совпадает: сейчас не отправлено 2 отметки');
  await expect(door.pending).toHaveText('3');
  await expect(shows.row(SHOW)).toBeVisible();
  // The step with its count, its field and its error is usable with a screen reader (axe, as a11y.spec).
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="shows-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await shows.count(SHOW).fill('2');
  await shows.confirmStep(SHOW).getByRole('button', { name: 'Удалить отметки и убрать сеанс' }).click();
  await expect(shows.row(SHOW)).toHaveCount(0);
  await expect(shows.removed).toContainText('убран с устройства; удалено неотправленных отметок: 2');
  await expect(door.pending).toHaveText('1');
  await expect(door.stored).toHaveText(String(jazz.length));

  // Its tickets are not found any more, also the ones admitted before; the other show admits.
  // Codes scanned above are typed: a scanner's re-read within the repeat window is no new scan.
  await door.wedgeScan(nutcracker[102]!);
  await door.expectVerdict('unknown', nutcracker[102]);
  await door.typeCode(nutcracker[100]!);
  await door.expectVerdict('unknown', nutcracker[100]);
  await door.wedgeScan(jazz[6]!);
  await door.expectVerdict('valid', jazz[6]);
  await door.typeCode(jazz[5]!);
  await door.expectVerdict('already_checked', jazz[5]);

  // Back online: the remaining show's check-ins arrive, the discarded ones never do.
  await context.setOffline(false);
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
  expect((await qt.received(JAZZ)).map((r) => r.barcode).sort()).toEqual([jazz[5]!, jazz[6]!].sort());
  expect(await qt.received(SHOW)).toEqual([]);

  // The scan log keeps the discarded admission, marked as taken back rather than delivered.
  const screens = new StaffScreensPage(page);
  await screens.openHistory();
  const discarded = screens.historyRow(nutcracker[101]!);
  await expect(discarded).toHaveAttribute('data-undone', 'true');
  await expect(discarded).not.toContainText('отправлено');
});

test('removing the last show leads to setup; a locked kiosk offers no removal', async ({ page, request }) => {
  const [code] = await demo(request).codes(JAZZ);
  const door = new DoorPage(page);
  const device = new DevicePage(page);
  const shows = showsPanel(page);
  await door.openSetupLink(DEMO_TOKEN, [JAZZ]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });

  await device.enableKiosk('4921');
  await door.wedgeScan(code!);
  await door.expectVerdict('valid', code);
  await expect(shows.remove(JAZZ)).toHaveCount(0);
  await device.enterPin('4921');
  await expect(page.getByRole('heading', { name: 'Состояние устройства' })).toBeVisible();
  await page.getByTestId('kiosk-disable').click();
  await page.goto('/#/');

  // Delivered: nothing to lose, so one confirmation is enough.
  await expect(door.pending).toHaveText('0', { timeout: 30_000 });
  await shows.remove(JAZZ).click();
  await expect(shows.confirmStep(JAZZ)).toContainText('Это последний сеанс на устройстве');
  await expect(shows.undelivered(JAZZ)).toHaveCount(0);
  await shows.confirmStep(JAZZ).getByRole('button', { name: 'Убрать', exact: true }).click();
  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.getByRole('heading', { name: 'Настройка устройства' })).toBeVisible();
  // The device keeps its token: the events are listed without pasting it again.
  await expect(page.getByTestId('token-stored')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Мероприятие' }).getByRole('radio').first()).toBeVisible({ timeout: 30_000 });
});
