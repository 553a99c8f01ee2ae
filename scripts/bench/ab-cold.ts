// Compares the cold verdict of two or more builds fairly on a shared, noisy machine: one demo
// server and one door per build, reopened in turn (A, B, A, B, ...), so a swing of the machine's
// load falls on every build alike. Run one build after the other instead and the load decides the
// answer: on this machine back-to-back runs of the same build differed by 2x at p95. Prints each
// build's p50 / p90 / p95 / max and every sample, sorted.
//
//   npx vite build --outDir /tmp/a   (then change the code)   npx vite build --outDir /tmp/b
//   npx tsx scripts/bench/ab-cold.ts --dist /tmp/a --dist /tmp/b [--runs 30] [--delay 0]
//   env: BENCH_PORT (first of one port per build, default 4620)
//
// --delay waits that long after scan-ready before the scan: a tail that disappears at --delay 300
// comes from what the page does right after opening, not from the scan's own path.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoCodes, FIRST_PLAIN_CODE, launchBrowser } from './lab.ts';
import { openDoor } from './scenarios/download.ts';
import { DoorMix, reopenAndScan } from './scenarios/verdict.ts';
import { startDoor } from './server.ts';
import { quantile } from './stats.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true, default: [] },
    runs: { type: 'string', default: '30' },
    delay: { type: 'string', default: '0' },
  },
});
const dists = args.dist.map((d) => path.resolve(d));
if (dists.length < 2) throw new Error('give two builds or more: --dist <dir> --dist <dir>');
const runs = Math.max(1, Number(args.runs) || 30);
const delayMs = Number(args.delay) || 0;
const firstPort = Number(process.env.BENCH_PORT ?? 4620);

async function main() {
  const servers = await Promise.all(dists.map((distDir, i) => startDoor(root, { port: firstPort + i, tickets: 100_000, distDir })));
  const browser = await launchBrowser();
  try {
    const doors = [];
    for (const server of servers) {
      const codes = await demoCodes(server.base);
      const { page } = await openDoor(browser, server, codes.length);
      doors.push({ page, mix: new DoorMix(codes.slice(FIRST_PLAIN_CODE)[Symbol.iterator]()), ms: [] as number[] });
    }
    for (let run = 0; run < runs; run++) {
      for (const door of doors) {
        const sample = await reopenAndScan(door.page, door.mix, delayMs);
        if (sample) door.ms.push(sample.ms);
      }
      process.stdout.write(`  reopening ${run + 1}/${runs}\r`);
    }
    process.stdout.write('\n');
    doors.forEach(({ ms }, i) => {
      const sorted = [...ms].sort((a, b) => a - b);
      const f = (q: number) => quantile(sorted, q).toFixed(1);
      console.log(`${dists[i]}: p50 ${f(0.5)} p90 ${f(0.9)} p95 ${f(0.95)} max ${f(1)} ms | ${sorted.map((x) => x.toFixed(0)).join(' ')}`);
    });
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

await main();
