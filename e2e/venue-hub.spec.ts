// One venue, one live picture: two doors (two browser contexts, as two phones) on one show,
// joined through the venue hub of the app server. Admitted at door A, the same ticket is
// already_checked at door B within a second, naming A; B away while A admits three learns all
// three when it comes back (it resumes after the last event it stored).
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { DEMO_TOKEN, demo, SHOW } from './demo.ts';
import { DoorPage } from './door-page.ts';

test.use({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
test.beforeEach(async ({ request }) => demo(request).reset());

async function openDoor(browser: Browser, name: string): Promise<{ context: BrowserContext; door: DoorPage; name: string }> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const door = new DoorPage(await context.newPage());
  await door.page.goto(`/#/setup?token=${DEMO_TOKEN}&shows=${SHOW}&name=${encodeURIComponent(name)}`);
  await expect(door.stored).not.toHaveText('0', { timeout: 30_000 });
  return { context, door, name };
}

/** Which door IndexedDB names for each code, as the venue told this device ('' when not known). */
function venueAdmissions(door: DoorPage, codes: string[]): Promise<string[]> {
  return door.page.evaluate(
    ({ show, codes }) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('kontrol');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('admissions').objectStore('admissions');
          const found: string[] = [];
          let left = codes.length;
          codes.forEach((code, i) => {
            const read = store.get([show, code]);
            read.onsuccess = () => {
              const a = read.result as { source?: string; door?: string } | undefined;
              found[i] = a?.source === 'venue' ? (a.door ?? '') : '';
              if (--left === 0) {
                open.result.close();
                resolve(found);
              }
            };
          });
        };
      }),
    { show: SHOW, codes },
  );
}

/** The hub is joined after the door's quiet first seconds: wait until this door is live on it. */
async function untilLive(door: DoorPage) {
  await expect(door.page.getByTestId('venue-status')).toHaveAttribute('data-status', 'live', { timeout: 20_000 });
}

test('admitted at door A, the same ticket is already checked at door B within a second, naming A', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const codes = await demo(request).codes(SHOW);
  const run = String(Date.now() % 100_000);
  const a = await openDoor(browser, `Вход 1 (${run})`);
  const b = await openDoor(browser, `Вход 2 (${run})`);
  try {
    await Promise.all([untilLive(a.door), untilLive(b.door)]);
    const code = codes[500]!;
    await a.door.typeCode(code);
    await a.door.expectVerdict('valid', code);
    const admittedAt = Date.now();
    // B learns it from the hub: poll its stored admission, then scan.
    await expect(b.door.page.getByTestId('venue-learned')).toHaveAttribute('data-count', '1', { timeout: 5_000 });
    const learnedWithin = Date.now() - admittedAt;
    expect(learnedWithin).toBeLessThan(2_000);
    await b.door.typeCode(code);
    await b.door.expectVerdict('already_checked', code);
    await expect(b.door.verdict).toContainText(a.name);

    // The supervisor's picture on B: both doors, each by its name, live (the hub outlives the
    // demo's reset between tests, so earlier tests' devices may be listed too, quiet), and A's
    // admission counted for the venue — per show and by A's name — though B never admitted it.
    await b.door.page.goto('/#/venue');
    const devices = b.door.page.getByTestId('venue-device');
    await expect(devices.filter({ hasText: a.name }).filter({ hasText: 'на связи' })).toHaveCount(1, { timeout: 40_000 });
    await expect(devices.filter({ hasText: b.name }).filter({ hasText: 'на связи' })).toHaveCount(1, { timeout: 40_000 });
    const admitted = b.door.page.getByTestId('venue-admitted');
    await expect(admitted.getByTestId(`stats-show-${SHOW}`).getByTestId('stats-show-count')).toHaveText(/^1 \//);
    await expect(admitted.getByTestId('venue-door-count').filter({ hasText: a.name })).toHaveText(new RegExp(`${a.name.replace(/[()]/g, '\\$&')}\\s*1$`));
    await expect(admitted.getByTestId('venue-door-count')).toHaveCount(1);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('a door that was away learns every admission it missed when it comes back, once each', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const codes = await demo(request).codes(SHOW);
  const a = await openDoor(browser, 'Вход 1');
  const b = await openDoor(browser, 'Вход 2');
  try {
    await Promise.all([untilLive(a.door), untilLive(b.door)]);
    // B goes away (its app closed: no stream at all), A admits three, B opens again.
    await b.door.page.close();
    const missed = codes.slice(600, 603);
    for (const code of missed) {
      await a.door.typeCode(code);
      await a.door.expectVerdict('valid', code);
    }
    const back = new DoorPage(await b.context.newPage());
    await back.page.goto('/');
    // Scanned before it has caught up, B would admit them itself: wait until IndexedDB holds them
    // as the venue's (learned by this page, or by the closing one in its last moment).
    await expect.poll(() => venueAdmissions(back, missed), { timeout: 30_000 }).toEqual(missed.map(() => 'Вход 1'));
    for (const code of missed) {
      await back.typeCode(code);
      await back.expectVerdict('already_checked', code);
      await expect(back.verdict).toContainText('Вход 1');
    }
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
