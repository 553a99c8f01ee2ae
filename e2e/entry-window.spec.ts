// The show's entry window: a ticket of a show whose doors open later today is "too early", with
// the venue time it admits from; the supervisor widens the tolerance and it admits; in warn mode
// it admits with a warning; history and the CSV say which.
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_TOKEN, demo, LATER_TODAY_SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';
import { StaffScreensPage } from './staff-screens-page.ts';

test.beforeEach(async ({ request }) => demo(request).reset());

/** The show's open_date as the app reads it, through the same gateway. */
async function openDate(request: APIRequestContext, showId: number): Promise<string> {
  const json = encodeURIComponent(JSON.stringify({ perPage: 100 }));
  const res = await request.get(`/api/rest/v1/events?json=${json}`, { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } });
  const events = ((await res.json()) as { data: { shows: { id: number; open_date: string }[] }[] }).data;
  const show = events.flatMap((e) => e.shows).find((s) => s.id === showId);
  if (!show) throw new Error(`show ${showId} not listed`);
  return show.open_date;
}

/** An instant as the door writes it in Moscow time (the demo venue's offset), whatever the test
 *  machine's zone: hh:mm when it falls on the venue's today, "dd.mm hh:mm" when it does not (the
 *  demo's doors open three hours after start, so late in the evening they open tomorrow). */
function moscowTime(epochMs: number): string {
  const wall = (ms: number) => new Date(ms + 3 * 3600_000).toISOString();
  const at = wall(epochMs);
  const hhmm = at.slice(11, 16);
  if (at.slice(0, 10) === wall(Date.now()).slice(0, 10)) return hhmm;
  return `${at.slice(8, 10)}.${at.slice(5, 7)} ${hhmm}`;
}

test('too early before the window, admitted inside it once the tolerance is widened; warn mode admits with a warning', async ({ page, request }) => {
  const qt = demo(request);
  const codes = await qt.codes(LATER_TODAY_SHOW);
  const door = new DoorPage(page);
  const screens = new StaffScreensPage(page);
  const opens = Date.parse(await openDate(request, LATER_TODAY_SHOW));
  expect(opens - Date.now()).toBeGreaterThan(2 * 3600_000); // the default hour of tolerance does not reach it

  await door.openSetupLink(DEMO_TOKEN, [LATER_TODAY_SHOW]);
  await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
  const [early, inside, warned] = codes;

  await door.typeCode(early!);
  await door.expectVerdict('too_early', early);
  await expect(door.verdict).toContainText('Рано');
  // Doors minus the default 60 min, in the venue's time.
  await expect(door.verdict).toContainText(`Вход с ${moscowTime(opens - 3600_000)}`);
  await expect(door.pending).toHaveText('0');

  // The supervisor lets the queue in four hours before the doors.
  await screens.openShift();
  await page.getByTestId('entry-window-early').fill('240');
  await page.getByTestId('entry-window-early').press('Enter');
  await expect(page.getByTestId('entry-window-early')).toHaveValue('240');
  await screens.openScan();
  door.resetScanCounter();
  await door.typeCode(inside!);
  await door.expectVerdict('valid', inside);
  await expect(door.verdict).not.toHaveAttribute('data-warning');

  // A bad tolerance is refused in words, not stored.
  await screens.openShift();
  await page.getByTestId('entry-window-early').fill('1,5');
  await page.getByTestId('entry-window-early').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Целое число минут' })).toBeVisible();
  // Back to an hour, but early guests are let in with a warning.
  await page.getByTestId('entry-window-early').fill('60');
  await page.getByTestId('entry-window-early').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Целое число минут' })).toHaveCount(0);
  await page.getByTestId('entry-window-early-warn').click();
  await expect(page.getByTestId('entry-window-early-warn')).toHaveAttribute('aria-pressed', 'true');
  await screens.openScan();
  door.resetScanCounter();
  await door.typeCode(warned!);
  await door.expectVerdict('valid', warned);
  await expect(door.verdict).toHaveAttribute('data-warning', 'too_early');
  await expect(door.verdict).toContainText(`Раньше времени: вход с ${moscowTime(opens - 3600_000)}`);

  // Both admissions reach Qtickets; the early refusal does not.
  await expect.poll(async () => (await qt.received(LATER_TODAY_SHOW)).map((r) => r.barcode).sort()).toEqual([inside!, warned!].sort());

  await screens.openHistory();
  await expect(screens.historyRow(early!)).toHaveAttribute('data-verdict', 'too_early');
  await expect(screens.historyRow(warned!)).toHaveAttribute('data-warning', 'too_early');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('history-export').click();
  const text = (await readFile(await (await downloading).path())).toString('utf8');
  expect(text).toContain(`="${early}";Рано;`);
  expect(text).toContain(`="${warned}";Проходите (раньше времени);`);
  expect(text).toContain(`="${inside}";Проходите;`);
});
