// Search says when it shows only the first 50 of many, with the number in proper Russian, and
// marks tickets already admitted before anyone taps "admit".
import { expect, test } from '@playwright/test';
import { DEMO_TOKEN, demo, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';
import { StaffScreensPage } from './staff-screens-page.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

/** "из N билета" for 1, 21, 31…; "из N билетов" otherwise (11–14 too). */
const genitive = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? 'билета' : 'билетов');

test('a broad search says "first 50 of N"; an admitted ticket is marked in the results', async ({ page, request }) => {
  const codes = await demo(request).codes(SHOW);
  const door = new DoorPage(page);
  const screens = new StaffScreensPage(page);
  await door.openSetupLink(DEMO_TOKEN, [SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  const admitted = codes[7]!;
  await door.wedgeScan(admitted);
  await door.expectVerdict('valid', admitted);

  await screens.openSearch();
  const count = page.getByTestId('search-count');
  // Two digits every code of a big list holds somewhere: far more than a page.
  await screens.search(admitted.slice(0, 2));
  await expect(count).toContainText('Показаны первые 50 из');
  const text = (await count.textContent()) ?? '';
  const total = Number(/из ([\d\u202f]+)/.exec(text)?.[1]?.replace(/\u202f/g, ''));
  expect(total).toBeGreaterThan(50);
  expect(text).toBe(`Показаны первые 50 из ${total.toLocaleString('ru-RU').replace(/\u00a0/g, '\u202f')} ${genitive(total)} — уточните запрос`);
  await expect(page.getByTestId('search-result')).toHaveCount(50);

  // The whole code: one ticket, said as such, and marked as already admitted with the time.
  await screens.search(admitted);
  await expect(count).toHaveText('Найдено: 1 билет');
  await expect(screens.searchResult(admitted)).toHaveAttribute('data-admitted', 'true');
  await expect(screens.searchResult(admitted)).toContainText(/уже прошёл в \d\d:\d\d/);
  await screens.search(codes[8]!);
  await expect(screens.searchResult(codes[8]!)).toHaveAttribute('data-admitted', 'false');
  await expect(screens.searchResult(codes[8]!)).not.toContainText('уже прошёл');

  // English says it too.
  await screens.search(admitted.slice(0, 2));
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(count).toContainText(/^Showing the first 50 of [\d,]+ tickets — narrow the search$/);
});
