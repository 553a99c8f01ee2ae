// Camera scanning through Chromium's fake camera: each test launches a browser on its own video.
import { expect, test, type Browser } from '@playwright/test';
import { ean13CheckDigit } from '../src/domain/code.ts';
import { latencies, launchWithVideo, median, openDoorWithCamera, probeOf } from './camera-page.ts';
import { DEMO_TOKEN, demo, SHOW } from './demo.ts';
import type { VideoSegment } from './fixtures/video/make-y4m.ts';

test.describe.configure({ timeout: 90_000 });

let codes: string[];
let browser: Browser | undefined;
test.beforeEach(async ({ request }) => {
  await demo(request).reset();
  codes = (await demo(request).codes(SHOW)).slice(40, 50);
});
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const blank = (seconds: number): VideoSegment => ({ code: '', symbology: 'none', seconds });

async function doorOn(segments: VideoSegment[]) {
  browser = await launchWithVideo(test.info().outputPath('camera.y4m'), segments);
  const page = await openDoorWithCamera(browser, `/#/setup?token=${DEMO_TOKEN}&shows=${SHOW}`);
  await expect(page.getByTestId('tickets-stored')).not.toHaveText('0', { timeout: 30_000 });
  await page.getByTestId('camera-start').click();
  // The decoder's wasm compiles on first start: slow on a loaded 2-core machine.
  await expect(page.locator('.camera')).toHaveAttribute('data-status', 'on', { timeout: 30_000 });
  return page;
}

test('a QR ticket is admitted', async () => {
  const page = await doorOn([{ code: codes[0]!, symbology: 'qr', seconds: 2 }, blank(4)]);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-barcode', codes[0]!);
});

test('a Code 128 ticket is admitted', async () => {
  const page = await doorOn([{ code: codes[1]!, symbology: 'code128', seconds: 2 }, blank(4)]);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-barcode', codes[1]!);
});

test('an EAN-13 print of a 12-digit code is admitted as that code', async () => {
  const code = codes[2]!;
  const page = await doorOn([{ code, symbology: 'ean13', seconds: 2 }, blank(4)]);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-barcode', `${code}${ean13CheckDigit(code)}`);
  await expect(page.getByTestId('verdict')).toContainText(code);
});

test('the same ticket held in view for 10 s is admitted exactly once, without flicker', async () => {
  const page = await doorOn([{ code: codes[3]!, symbology: 'qr', seconds: 3 }]);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid');
  const first = (await probeOf(page)).verdicts[0]!.at;
  await expect.poll(async () => page.evaluate(() => performance.now()), { timeout: 20_000 }).toBeGreaterThan(first + 10_000);
  expect((await probeOf(page)).verdicts).toHaveLength(1);
  // The verdict went back to "ready" after its 5 s, and the ticket still in view did not bring it back.
  await expect(page.getByTestId('verdict-idle')).toBeVisible();
  await expect(page.getByTestId('admitted-count')).toHaveText('1');
  await expect(page.getByTestId('pending-count')).toHaveText('0');
});

test('tickets in sequence give a verdict each, each soon after it appears', async () => {
  const sequence = codes.slice(4, 9);
  const page = await doorOn(sequence.flatMap((code, i): VideoSegment[] => [blank(1), { code, symbology: i % 2 ? 'code128' : 'qr', seconds: 1.5 }]));
  await expect.poll(async () => (await probeOf(page)).verdicts.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(sequence.length);
  const probe = await probeOf(page);
  const seen = probe.verdicts.slice(0, sequence.length);
  expect(seen.every((v) => v.verdict === 'valid')).toBe(true);
  expect(new Set(seen.map((v) => v.barcode)).size).toBe(sequence.length);
  const ms = latencies(probe).slice(0, sequence.length);
  // The 150 ms target is a benchmark figure (npm run bench prints it on a quiet machine); here we
  // only print it and guard against a loop that waits between attempts (@zxing/browser's 500 ms).
  console.log(`fake camera: first frame with a code → verdict on screen, ms: ${ms.map((x) => x.toFixed(0)).join(', ')}; median ${median(ms).toFixed(0)}`);
  expect(ms).toHaveLength(sequence.length);
  expect(median(ms)).toBeLessThan(1_000);
});

test('a video with no code gives no verdict at all', async () => {
  const page = await doorOn([blank(3)]);
  await expect.poll(async () => (await probeOf(page)).frames, { timeout: 20_000 }).toBeGreaterThan(50);
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  await expect(page.getByTestId('verdict-idle')).toBeVisible();
});
