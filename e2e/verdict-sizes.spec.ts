// The verdict read at every size a door uses — phones, a tablet upright, a kiosk tablet on its
// side, a desktop — in Russian and English: its words whole (never "ПРОХО/ДИТЕ") and inside the
// screen after every scan, even when staff had scrolled to the bottom of the page before it.
import { expect, test, type Page } from '@playwright/test';
import { demo, DEMO_TOKEN, SHOW } from './demo.ts';
import { DevicePage } from './device-page.ts';
import { DoorPage } from './door-page.ts';

const SIZES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];
const NOT_A_TICKET = '4000000000006';

/** Where staff leave it after ticking shows or reading refused records; nothing focused. */
async function scrollToBottom(page: Page) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
}

async function expectWordsWholeAndInView(door: DoorPage, label: string) {
  const words = await door.verdictWords();
  expect(words.length, `${label}: the verdict has words`).toBeGreaterThan(0);
  for (const w of words) {
    expect(w.lines, `${label}: "${w.word}" on one line`).toBe(1);
    expect(w.inView, `${label}: "${w.word}" inside the screen`).toBe(true);
  }
}

/** The three verdicts a door sees most, each scanned with the page scrolled to its bottom. */
async function sweep(page: Page, door: DoorPage, admit: string, used: string, label: string) {
  const cases: [string, string][] = [
    [admit, 'valid'],
    [used, 'already_checked'],
    [NOT_A_TICKET, 'unknown'],
  ];
  for (const [code, kind] of cases) {
    await scrollToBottom(page);
    // A scanner's keys: no click, which would scroll the page on its own.
    await door.scannerScan(code);
    await door.expectVerdict(kind, code);
    await expectWordsWholeAndInView(door, `${label} ${kind}`);
  }
}

async function switchToEnglish(page: Page, door: DoorPage) {
  await page.evaluate(() => localStorage.setItem('kontrol.locale', 'en'));
  await page.reload();
  door.resetScanCounter();
  await expect(page.getByTestId('verdict-idle')).toContainText('Ready');
}

test.beforeEach(async ({ request }) => {
  await demo(request).reset();
});

for (const size of SIZES) {
  for (const kiosk of [false, true]) {
    const where = `${size.width}×${size.height}${kiosk ? ' locked kiosk' : ''}`;
    test(`${where}: verdict words whole and in view after each scan, ru and en`, async ({ page, request }) => {
      const codes = await demo(request).codes(SHOW);
      await page.setViewportSize(size);
      const door = new DoorPage(page);
      await door.openSetupLink(DEMO_TOKEN, [SHOW]);
      await expect(door.stored).toHaveText(String(codes.length), { timeout: 30_000 });
      if (kiosk) await new DevicePage(page).enableKiosk('4921');
      // A ticket admitted before the sweep, so "already used" is a first read for the scanner.
      await door.typeCode(codes[1]!);
      await door.expectVerdict('valid', codes[1]);

      await sweep(page, door, codes[0]!, codes[1]!, `${where} ru`);
      await switchToEnglish(page, door);
      await sweep(page, door, codes[2]!, codes[0]!, `${where} en`);
    });
  }
}
