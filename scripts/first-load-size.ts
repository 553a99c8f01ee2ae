// What a first visit must download before the app can draw anything: the entry script and
// stylesheet that index.html names, its modulepreloads, and every chunk they import statically.
// Chunks reached only by `import()` load on demand (a screen opened later, the camera's decoder)
// and are listed apart. Sizes are gzip level 9 and brotli quality 11, as server/static.ts sends.
//
//   npx vite build --outDir /tmp/kbuild && npx tsx scripts/first-load-size.ts /tmp/kbuild
//
// A size measurement of the build, not a timing: it runs the same on a busy machine.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FirstLoad {
  /** Downloaded before first paint: the entry's static graph, scripts and stylesheets. */
  first: AssetSize[];
  /** Scripts and stylesheets in assets/ that the first load does not fetch. */
  onDemand: AssetSize[];
}

const TAG = /<(script|link)\b[^>]*>/gi;
const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i');
// `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`: static, so fetched with the
// importer. `import("./x.js")` has a parenthesis before the quote and is on demand.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^'"`();]*?\bfrom\s*)?(["'`])(\.{1,2}\/[^"'`]+?\.js)\1/g;

/** The assets index.html asks for at once, as paths relative to the build folder. */
export function entryAssets(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name] of html.matchAll(TAG)) {
    const rel = ATTR('rel').exec(tag)?.[1];
    const url = name?.toLowerCase() === 'script' ? ATTR('src').exec(tag)?.[1] : rel === 'stylesheet' || rel === 'modulepreload' ? ATTR('href').exec(tag)?.[1] : undefined;
    if (url && /\.(m?js|css)$/.test(url) && !/^[a-z]+:/i.test(url)) found.push(url.replace(/^\//, ''));
  }
  return found;
}

/** Chunks a script imports statically, relative to the build folder. */
export function staticImports(script: string, path: string): string[] {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  return [...script.matchAll(STATIC_IMPORT)].map((m) => new URL(m[2] ?? '', `file:///${dir}/`).pathname.slice(1));
}

function sizeOf(dist: string, file: string): AssetSize {
  const body = readFileSync(join(dist, file));
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli };
}

export function measureFirstLoad(dist: string): FirstLoad {
  const seen = new Set<string>();
  const queue = entryAssets(readFileSync(join(dist, 'index.html'), 'utf8'));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(readFileSync(join(dist, file), 'utf8'), file));
  }
  const first = [...seen].map((file) => sizeOf(dist, file));
  const onDemand = readdirSync(join(dist, 'assets'))
    .map((name) => `assets/${name}`)
    .filter((file) => /\.(js|css)$/.test(file) && !seen.has(file) && !/\.worker-/.test(file))
    .map((file) => sizeOf(dist, file));
  return { first, onDemand };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function print({ first, onDemand }: FirstLoad): void {
  const row = (a: AssetSize) => `  ${a.file.padEnd(48)} ${kb(a.raw).padStart(10)} ${kb(a.gzip).padStart(10)} ${kb(a.brotli).padStart(10)}`;
  const total = (list: AssetSize[], key: 'raw' | 'gzip' | 'brotli') => list.reduce((sum, a) => sum + a[key], 0);
  console.log(`  ${'first load'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const a of first) console.log(row(a));
  console.log(row({ file: 'TOTAL first load JS+CSS', raw: total(first, 'raw'), gzip: total(first, 'gzip'), brotli: total(first, 'brotli') }));
  console.log('\n  on demand (workers and their engines not listed)');
  for (const a of [...onDemand].sort((x, y) => y.gzip - x.gzip)) console.log(row(a));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('usage: npx tsx scripts/first-load-size.ts <build folder>');
    process.exit(2);
  }
  print(measureFirstLoad(dist));
}
