// Which shows a door admits, said plainly: a ticket of a show unticked here is "not selected on
// this device" (not "another date"), a door with nothing ticked says nothing can be admitted, and
// setup warns before it admits a show that is over.
import { expect, test, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, OTHER_SHOW, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';

/** The demo's past show: a concert thirty days ago. */
const PAST_SHOW = 1006;

/** The shows panel's tick: the stored choice answers a moment after the click. */
async function tick(page: Page, show: number, on: boolean) {
  const box = page.getByTestId(`show-active-${show}`);
  await box.click();
  await expect(box).toBeChecked({ checked: on });
}

test.beforeEach(async ({ request }) => {
  await demo(request).reset();
});

test('today unticked: its ticket says the show is not selected here; nothing ticked: nothing can be admitted', async ({ page, request }) => {
  const today = await demo(request).codes(SHOW);
  const tomorrow = await demo(request).codes(OTHER_SHOW);
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW, OTHER_SHOW]);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });

  // Counted: today's show only (one name), not tomorrow's 2,000 tickets.
  await expect(door.stored).toHaveText(String(today.length));
  await expect(page.getByTestId('counted-shows')).toContainText('Щелкунчик');
  await expect(page.getByTestId('counted-shows')).not.toContainText(';');

  // Both ticked: tomorrow's ticket is another date, named.
  await door.wedgeScan(tomorrow[0]!);
  await door.expectVerdict('wrong_show', tomorrow[0]);
  await expect(door.verdict).toHaveAttribute('data-show-selected', 'true');
  await expect(door.verdict.locator('.verdict-word')).toHaveText('Другая дата');

  // Today's show unticked: its ticket is not "another date" but a show not selected on this device.
  await tick(page, SHOW, false);
  await door.wedgeScan(today[0]!);
  await door.expectVerdict('wrong_show', today[0]);
  await expect(door.verdict).toHaveAttribute('data-show-selected', 'false');
  await expect(door.verdict.locator('.verdict-word')).toHaveText('Сеанс не выбран');
  await expect(door.verdict).toContainText('этот сеанс не отмечен на этом устройстве');
  await expect(door.verdict).toContainText('Щелкунчик');
  await expect(door.verdict).not.toContainText('Другая дата');

  // Nothing ticked: the screen says no ticket can be admitted, as an alert, not "ready".
  await tick(page, OTHER_SHOW, false);
  const idle = page.getByTestId('verdict-idle');
  await expect(idle).toHaveAttribute('data-idle', 'no-show', { timeout: 15_000 });
  await expect(idle.getByRole('alert')).toContainText('ни один билет не пройдёт');
  await expect(idle).not.toContainText('Готов к проверке');

  // Ticked again: ready again.
  await tick(page, SHOW, true);
  await expect(idle).toHaveAttribute('data-idle', 'ready');
  await expect(idle).toContainText('Готов к проверке');
});

test('a setup link naming a show that is over waits for a confirmation', async ({ page }) => {
  const door = new DoorPage(page);
  await door.openSetupLink(DEMO_TOKEN, [PAST_SHOW]);
  const warning = page.getByTestId('over-warning');
  await expect(warning).toContainText('Этот сеанс уже прошёл');
  await expect(warning).toContainText('Новогодний концерт');
  await expect(warning).toHaveAttribute('role', 'alert');
  // Nothing downloaded meanwhile: still on setup.
  await page.waitForTimeout(1_000);
  await expect(door.stored).toBeHidden();
  await page.getByTestId('over-continue').click();
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
});

test('picking a past show by hand needs a tick before it downloads; today’s show needs none', async ({ page }) => {
  await page.goto('/#/setup');
  await page.getByTestId('token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Проверить токен' }).click();
  await page.getByRole('radio', { name: /Новогодний концерт/ }).check();
  await page.getByTestId(`pick-show-${PAST_SHOW}`).check();
  await expect(page.getByTestId('over-warning')).toContainText('Этот сеанс уже прошёл');
  await expect(page.getByTestId('download')).toBeDisabled();
  await page.getByTestId('over-confirm').check();
  await expect(page.getByTestId('download')).toBeEnabled();

  await page.getByRole('radio', { name: /Щелкунчик/ }).check();
  await page.getByTestId(`pick-show-${SHOW}`).check();
  await expect(page.getByTestId('over-warning')).toBeHidden();
  await expect(page.getByTestId('download')).toBeEnabled();
});
