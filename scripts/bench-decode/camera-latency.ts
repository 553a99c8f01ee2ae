// End-to-end check of the camera loop in real Chromium with a fake camera: writes a short y4m
// of three tickets (QR, Code 128, EAN-13) into test-results/, opens camera.html (the scanner
// alone, no app) and reports which codes were read and how long after the first frame that
// showed each code onCode fired.
//
//   npx tsx scripts/bench-decode/camera-latency.ts [seconds=32]

import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { expectedText } from '../../e2e/fixtures/video/symbols.ts';
import { writeTicketVideo, type VideoSegment } from '../../e2e/fixtures/video/make-y4m.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const videoPath = join(repo, 'test-results/fake-camera/tickets.y4m');
const seconds = Number(process.argv[2] ?? 32);

const segments: VideoSegment[] = [
  { code: '', symbology: 'none', seconds: 1.5 },
  { code: '871495495233', symbology: 'qr', seconds: 2 },
  { code: '', symbology: 'none', seconds: 1.5 },
  { code: '604521783310', symbology: 'code128', seconds: 2 },
  { code: '', symbology: 'none', seconds: 1.5 },
  { code: '460123456789', symbology: 'ean13', seconds: 2 },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

async function main() {
  await mkdir(dirname(videoPath), { recursive: true });
  const { frames, bytes } = await writeTicketVideo(videoPath, { frames: segments, fps: 10 });
  console.log(`video: ${videoPath} (${frames} frames, ${(bytes / 2 ** 20).toFixed(1)} MiB, ${(await stat(videoPath)).size} bytes)`);

  const server = await createServer({
    configFile: false,
    // Own dep-optimizer cache, so a running app dev server's node_modules/.vite is left alone.
    cacheDir: join(repo, 'node_modules/.cache/kontrol-bench/vite'),
    root: repo,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 5198, strictPort: false, hmr: false, fs: { allow: [repo] } },
    optimizeDeps: { entries: ['scripts/bench-decode/camera.html'], include: ['zxing-wasm/reader', '@zxing/library'] },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${videoPath}`],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && console.error('http', r.status(), r.url()));
    await page.goto(`${base}scripts/bench-decode/camera.html`);
    await page.waitForTimeout(seconds * 1000);
    type Log = {
      started: unknown; engine: string | null; thread: string | null; appearances: number[];
      codes: { text: string; at: number; meta: { format: string; decodeMs: number; latencyMs: number; engine: string } }[];
      hints: unknown[]; errors: unknown[]; counters: unknown;
    };
    const log = await page.evaluate(() => (window as unknown as { scanLog: Log }).scanLog);
    console.log('start:', JSON.stringify(log.started), 'engine:', log.engine, 'thread:', log.thread, 'counters:', JSON.stringify(log.counters));
    if (log.errors.length) console.log('errors:', JSON.stringify(log.errors));
    const expected = new Set(segments.filter((s) => s.symbology !== 'none').map((s) => expectedText(s.code, s.symbology as 'qr')));
    const latencies: number[] = [];
    for (const c of log.codes) {
      const appeared = log.appearances.filter((t) => t <= c.at).at(-1);
      const latency = appeared === undefined ? NaN : c.at - appeared;
      if (Number.isFinite(latency)) latencies.push(latency);
      console.log(`  ${c.text.padEnd(14)} ${c.meta.format.padEnd(9)} ${expected.has(c.text) ? 'ok   ' : 'WRONG'} ` +
        `first code frame → onCode ${latency.toFixed(0)} ms (grab → onCode ${c.meta.latencyMs.toFixed(1)} ms, decode ${c.meta.decodeMs.toFixed(1)} ms)`);
    }
    const read = new Set(log.codes.map((c) => c.text));
    console.log(`codes read: ${[...expected].filter((e) => read.has(e)).length}/${expected.size} distinct, ${log.codes.length} onCode calls over ${log.appearances.length} appearances`);
    console.log(`latency first frame with code → onCode: median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (n=${latencies.length})`);
    console.log(`hints: ${JSON.stringify(log.hints)}`);
    if ([...expected].some((e) => !read.has(e))) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
