// Decoder benchmark: every engine available in Debian Chromium, side by side, on the zxing-cpp
// photo corpus and on generated 640×480 frames of our own tickets. Offline: a Vite dev server
// on 127.0.0.1 serves the page, the engines, the wasm and the images.
//
//   npx tsx scripts/bench-decode/run.ts            (npm run bench:decode)
//
// Prints two tables and writes bench-results/decode.json:
//  - engines: each decoder once per image, the corpus photos at their own size;
//  - the live loop: every photo as the fake camera shows it (640×480), each look of the loop
//    (region × pass) measured once, then each candidate frame schedule replayed on it
//    (replay.ts): share read, frames until the read, cost per empty frame.
// BENCH_REPLAY_ONLY=1 replays the looks saved by the last run (bench-results/looks.json), to try
// schedules without the browser; BENCH_ENGINES=none skips the engine table.

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createServer, type Plugin } from 'vite';
import { composeScene, expectedText, greyToPng, renderSymbol, type Symbology } from '../../e2e/fixtures/video/symbols.ts';
import { reportLoop } from './loop-report.ts';
import { LOOKS, type LookResult } from './replay.ts';
// Mirrors src/scanner/dev/bench-page.ts (browser code, type-checked with the app).
type Distortion = 'clean' | 'blur' | 'noise' | 'rotate' | 'glare' | 'low_contrast' | 'far' | 'inverted' | 'sideways';
export interface BenchItem {
  set: string;
  name: string;
  url: string;
  expected: string | null;
  distortion?: Distortion;
}
interface ItemResult {
  text: string | null;
  ms: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const corpusDir = resolve(process.env.BENCH_CORPUS ?? join(repo, '../shared/corpus/zxing-cpp-samples'));
const cacheDir = join(repo, 'node_modules/.cache/kontrol-bench');
const outFile = join(repo, 'bench-results/decode.json');
const looksFile = join(repo, 'bench-results/looks.json');

const DISTORTIONS: Distortion[] = ['clean', 'blur', 'noise', 'rotate', 'glare', 'low_contrast', 'far', 'inverted', 'sideways'];
const SYMBOLOGIES: Symbology[] = ['qr', 'code128', 'ean13'];
const ENGINE_LABELS: Record<string, string> = {
  wasm: 'zxing-wasm (ours)',
  'wasm-tryharder': 'ref: wasm tryHarder',
  'zxing-js-default': 'zxing-js default',
  'zxing-js-tuned': 'zxing-js tuned',
  native: 'native BarcodeDetector',
};

// Images are served by index, not by path: corpus names contain '#', which Vite's /@fs mangles.
const served: string[] = [];
const fsUrl = (abs: string) => {
  served.push(abs);
  return `/bench-file/${served.length - 1}`;
};
const serveFiles: Plugin = {
  name: 'bench-files',
  configureServer(server) {
    server.middlewares.use('/bench-file', (req, res) => {
      const file = served[Number((req.url ?? '').replace(/^\//, ''))];
      if (!file) {
        res.statusCode = 404;
        res.end();
        return;
      }
      readFile(file).then(
        (buf) => {
          res.setHeader('Content-Type', file.endsWith('.webp') ? 'image/webp' : 'image/png');
          res.end(buf);
        },
        () => {
          res.statusCode = 500;
          res.end();
        },
      );
    });
  },
};

async function corpusItems(): Promise<BenchItem[]> {
  const items: BenchItem[] = [];
  const sets = (await readdir(corpusDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const set of sets) {
    const files = (await readdir(join(corpusDir, set))).sort();
    const fp = set.startsWith('falsepositives');
    for (const file of files) {
      const m = /^(.*)\.(png|webp)$/.exec(file);
      if (!m) continue;
      const base = m[1]!;
      let expected: string | null = null;
      if (!fp) {
        if (!files.includes(`${base}.txt`)) continue; // .bin payloads and unlabelled images are skipped
        expected = await readFile(join(corpusDir, set, `${base}.txt`), 'utf8');
      }
      items.push({ set, name: file, url: fsUrl(join(corpusDir, set, file)), expected });
    }
  }
  return items;
}

function ticketCodes(n: number): string[] {
  let seed = 20261229;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const codes = ['871495495233'];
  while (codes.length < n) codes.push(String(100000000000 + Math.floor(rnd() * 899999999999)));
  return codes;
}

async function ticketItems(): Promise<BenchItem[]> {
  await mkdir(cacheDir, { recursive: true });
  const items: BenchItem[] = [];
  for (const code of ticketCodes(8)) {
    for (const sym of SYMBOLOGIES) {
      const file = join(cacheDir, `${sym}-${code}.png`);
      await writeFile(file, greyToPng(composeScene(await renderSymbol(code, sym, sym === 'qr' ? 4 : 2))));
      for (const distortion of DISTORTIONS) {
        items.push({ set: `ticket-${sym}`, name: `${code}:${distortion}`, url: fsUrl(file), expected: expectedText(code, sym), distortion });
      }
    }
  }
  const empty = join(cacheDir, 'empty.png');
  await writeFile(empty, greyToPng(composeScene(null)));
  for (const distortion of DISTORTIONS) items.push({ set: 'ticket-none', name: `empty:${distortion}`, url: fsUrl(empty), expected: null, distortion });
  return items;
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
};

const isRead = (item: BenchItem, text: string | null) =>
  text !== null && item.expected !== null && (text === item.expected || text === item.expected.trim());

async function main() {
  const [corpus, tickets] = await Promise.all([corpusItems(), ticketItems()]);
  const items = [...corpus, ...tickets];
  if (process.env.BENCH_REPLAY_ONLY) {
    const saved = JSON.parse(await readFile(looksFile, 'utf8')) as { machine: string; load: string; items: { set: string; name: string }[]; lookList: unknown; looks: LookResult[][] };
    if (saved.items.length !== items.length || saved.items.some((it, i) => it.set !== items[i]!.set || it.name !== items[i]!.name) ||
      JSON.stringify(saved.lookList) !== JSON.stringify(LOOKS)) {
      throw new Error(`${looksFile} was made for other items or looks: run without BENCH_REPLAY_ONLY`);
    }
    console.log(reportLoop(items, saved.looks, `${saved.machine}; ${saved.load} (saved run)`));
    return;
  }

  const server = await createServer({
    configFile: false,
    // Own dep-optimizer cache, so a running app dev server's node_modules/.vite is left alone.
    cacheDir: join(repo, 'node_modules/.cache/kontrol-bench/vite'),
    root: repo,
    logLevel: 'warn',
    server: {
      host: '127.0.0.1', port: 5199, strictPort: false, hmr: false, fs: { allow: [repo, corpusDir] },
      // Cross-origin isolation gives performance.now() microsecond resolution instead of 100 µs.
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    },
    plugins: [serveFiles],
    optimizeDeps: { entries: ['scripts/bench-decode/page.html'], include: ['zxing-wasm/reader', '@zxing/library'] },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite did not report a URL');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(base + 'scripts/bench-decode/page.html');
    await page.waitForFunction(() => 'bench' in window, null, { timeout: 60_000 });
    type Api = {
      info(): Promise<{ userAgent: string; hardwareConcurrency: number; nativePresent: boolean; nativeFormats: string[] | null; nativeUsable: boolean; picked: string }>;
      load(items: BenchItem[]): Promise<{ width: number; height: number }[]>;
      runAll(ids: string[]): Promise<Record<string, ItemResult[]>>;
      looks(list: typeof LOOKS): Promise<LookResult[][]>;
    };
    const info = await page.evaluate(() => (window as unknown as { bench: Api }).bench.info());
    const sizes = await page.evaluate((its) => (window as unknown as { bench: Api }).bench.load(its), items);
    const engines = process.env.BENCH_ENGINES
      ? process.env.BENCH_ENGINES.split(';')
      : ['wasm', 'wasm-tryharder', 'zxing-js-default', 'zxing-js-tuned', ...(info.nativeUsable ? ['native'] : [])];
    if (process.env.BENCH_ENGINES !== 'none') {
      if (!engines.includes(info.picked)) engines.unshift(info.picked);
      const t0 = Date.now();
      const results = await page.evaluate((ids) => (window as unknown as { bench: Api }).bench.runAll(ids), engines);
      process.stderr.write(`  ${engines.length} engines × ${items.length} images: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      await report({ items, sizes, info, engines, results, browserVersion: browser.version() });
    }
    const t1 = Date.now();
    const loadBefore = loadavg()[0]!;
    const looks = await page.evaluate((list) => (window as unknown as { bench: Api }).bench.looks(list), LOOKS);
    const load = `load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores while measuring`;
    process.stderr.write(`  ${LOOKS.length} looks × ${items.length} camera frames: ${((Date.now() - t1) / 1000).toFixed(1)} s\n`);
    const cpu = cpus();
    const machine = `${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores; Chromium ${browser.version()}`;
    await mkdir(dirname(looksFile), { recursive: true });
    await writeFile(looksFile, JSON.stringify({ machine, load, items: items.map((it) => ({ set: it.set, name: it.name })), lookList: LOOKS, looks }));
    console.log('');
    console.log(reportLoop(items, looks, `${machine}; ${load}`));
  } finally {
    await browser.close();
    await server.close();
  }
}

interface ReportInput {
  items: BenchItem[];
  sizes: { width: number; height: number }[];
  info: { userAgent: string; hardwareConcurrency: number; nativePresent: boolean; nativeFormats: string[] | null; nativeUsable: boolean; picked: string };
  engines: string[];
  results: Record<string, ItemResult[]>;
  browserVersion: string;
}

function report({ items, sizes, info, engines, results, browserVersion }: ReportInput) {
  const idx = (pred: (it: BenchItem) => boolean) => items.flatMap((it, i) => (pred(it) ? [i] : []));
  const groups: { label: string; indices: number[]; noCode: boolean }[] = [];
  const corpusSets = [...new Set(items.filter((it) => !it.set.startsWith('ticket')).map((it) => it.set))];
  for (const set of corpusSets.filter((s) => !s.startsWith('falsepositives'))) groups.push({ label: set, indices: idx((it) => it.set === set), noCode: false });
  groups.push({ label: 'CORPUS TOTAL', indices: idx((it) => !it.set.startsWith('ticket') && it.expected !== null), noCode: false });
  for (const set of corpusSets.filter((s) => s.startsWith('falsepositives'))) groups.push({ label: `${set} (FP)`, indices: idx((it) => it.set === set), noCode: true });
  for (const sym of SYMBOLOGIES) groups.push({ label: `ticket ${sym}`, indices: idx((it) => it.set === `ticket-${sym}`), noCode: false });
  for (const d of DISTORTIONS) groups.push({ label: `  ticket ${d}`, indices: idx((it) => it.set.startsWith('ticket-') && it.expected !== null && it.distortion === d), noCode: false });
  groups.push({ label: 'TICKET TOTAL', indices: idx((it) => it.set.startsWith('ticket-') && it.expected !== null), noCode: false });
  groups.push({ label: 'empty 640x480 (FP)', indices: idx((it) => it.set === 'ticket-none'), noCode: true });

  const cell = (id: string, g: (typeof groups)[number]) => {
    const r = results[id]!;
    if (g.noCode) return `${g.indices.filter((i) => r[i]!.text !== null).length} FP`;
    return `${g.indices.filter((i) => isRead(items[i]!, r[i]!.text)).length}/${g.indices.length}`;
  };
  const timing = (indices: number[]) =>
    Object.fromEntries(engines.map((id) => {
      const ms = indices.map((i) => results[id]![i]!.ms);
      return [id, { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), n: ms.length }];
    }));
  const corpusIdx = idx((it) => !it.set.startsWith('ticket'));
  const frameIdx = idx((it) => it.set.startsWith('ticket'));
  const vgaIdx = frameIdx.filter((i) => sizes[i]!.width === 640 && sizes[i]!.height === 480);
  const emptyIdx = idx((it) => it.set === 'ticket-none');
  const timings = { corpus: timing(corpusIdx), frames640x480: timing(vgaIdx), emptyFrames640x480: timing(emptyIdx) };
  const misreads = Object.fromEntries(engines.map((id) => [id, items.filter((it, i) => it.expected !== null && results[id]![i]!.text !== null && !isRead(it, results[id]![i]!.text)).length]));

  const cpu = cpus();
  const machine = `${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Chromium ${browserVersion}; Node ${process.version}`;
  const lines: string[] = [];
  lines.push(`machine: ${machine}`);
  lines.push(`native BarcodeDetector: ${info.nativePresent ? `present, getSupportedFormats() = [${(info.nativeFormats ?? []).join(', ')}]` : 'absent'}` +
    `${info.nativeUsable ? '' : ' → not usable for our formats here, not measured (expected on desktop Linux)'}`);
  lines.push(`pickEngine(default formats) in this browser → ${info.picked}`);
  lines.push(`formats: qr_code, code_128, ean_13, itf (zxing-js default: all formats, no hints)`);
  lines.push('');
  const header = ['set', ...engines.map((e) => ENGINE_LABELS[e] ?? e)];
  const rows: string[][] = groups.map((g) => [g.label, ...engines.map((id) => cell(id, g))]);
  rows.push(['misreads (wrong text)', ...engines.map((id) => String(misreads[id]))]);
  const ms = (t: { median: number; p95: number }) => `${t.median.toFixed(2)} / ${t.p95.toFixed(2)}`;
  rows.push(['ms corpus med/p95', ...engines.map((id) => ms(timings.corpus[id]!))]);
  rows.push(['ms 640x480 med/p95', ...engines.map((id) => ms(timings.frames640x480[id]!))]);
  rows.push(['ms empty 640x480 med/p95', ...engines.map((id) => ms(timings.emptyFrames640x480[id]!))]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join(' | ');
  lines.push(fmt(header));
  lines.push(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) lines.push(fmt(r));

  const chosen = info.picked;
  const chosenMed = timings.frames640x480[chosen]?.median ?? NaN;
  const zxMed = timings.frames640x480['zxing-js-default']?.median ?? NaN;
  const corpusRead = (id: string) => idx((it) => !it.set.startsWith('ticket') && it.expected !== null).filter((i) => isRead(items[i]!, results[id]![i]!.text)).length;
  // Targets compare engine choices; wasm variants (tryHarder, raw overrides) are the same engine
  // in a stills configuration, shown for reference.
  const choices = engines.filter((id) => id !== 'wasm-tryharder' && !id.startsWith('wasm:'));
  const best = Math.max(...choices.map(corpusRead));
  const fps = engines.map((id) => idx((it) => it.expected === null).filter((i) => results[id]![i]!.text !== null).length);
  lines.push('');
  lines.push(`chosen default engine: ${chosen}; median ms per 640x480 frame ${chosenMed.toFixed(2)} vs zxing-js default ${zxMed.toFixed(2)}` +
    ` → ratio ${(chosenMed / zxMed).toFixed(3)} (${(zxMed / chosenMed).toFixed(1)}× faster)`);
  for (const id of engines.filter((e) => !choices.includes(e))) {
    lines.push(`reference ${id}: corpus reads ${corpusRead(id)} (${corpusRead(id) - corpusRead(chosen) >= 0 ? '+' : ''}${corpusRead(id) - corpusRead(chosen)} vs ${chosen}), ` +
      `median ms empty 640x480 ${timings.emptyFrames640x480[id]!.median.toFixed(2)} vs ${timings.emptyFrames640x480[chosen]!.median.toFixed(2)}`);
  }
  lines.push(`targets: corpus reads ${corpusRead(chosen)} vs best other engine ${best} ${corpusRead(chosen) >= best ? 'OK' : 'MISSED'}; ` +
    `false positives ${fps[engines.indexOf(chosen)]} ${fps[engines.indexOf(chosen)] === 0 ? 'OK' : 'MISSED'}; ` +
    `speed ≥3× ${zxMed / chosenMed >= 3 ? 'OK' : 'MISSED'}`);
  console.log(lines.join('\n'));

  const json = {
    generatedAt: new Date().toISOString(),
    machine: { cpu: cpu[0]?.model, cores: cpu.length, memGiB: totalmem() / 2 ** 30, chromium: browserVersion, node: process.version, userAgent: info.userAgent },
    native: info,
    chosenEngine: chosen,
    ratioChosenToZxingJsDefault640x480: chosenMed / zxMed,
    engines: Object.fromEntries(engines.map((id) => [id, {
      label: ENGINE_LABELS[id],
      sets: Object.fromEntries(groups.map((g) => [g.label.trim(), cell(id, g)])),
      misreads: misreads[id],
      corpusRead: corpusRead(id),
      timingsMs: { corpus: timings.corpus[id], frames640x480: timings.frames640x480[id], emptyFrames640x480: timings.emptyFrames640x480[id] },
    }])),
    items: items.map((it, i) => ({ set: it.set, name: it.name, expected: it.expected, size: sizes[i], results: Object.fromEntries(engines.map((id) => [id, results[id]![i]])) })),
    table: lines.join('\n'),
  };
  return mkdir(dirname(outFile), { recursive: true }).then(() => writeFile(outFile, JSON.stringify(json, null, 1)));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
