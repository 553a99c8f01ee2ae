// Where a cold verdict's time goes: reopens the door with 100 000 tickets stored, scans once right
// after scan-ready, and prints the page's main-thread tasks from shortly before that scan to its
// verdict, each with the events inside it (garbage collection, React's scheduler, IndexedDB
// answers, layout). This is how the collector pauses behind the cold figure were found. Not a
// figure: tracing slows the page; read it for what runs, not for how long the scan took.
//
//   npx tsx scripts/bench/trace-cold.ts [--runs 5] [--before 300] [--min 3] [--rate 4] [--no-build]
// --warm N: instead, N warm scans at the bench's pace (50 ms apart) in one trace, and the tasks of
// the slowest few (--runs of them) from their Enter to their verdict: where a warm p95 goes.
// --warm N --profile: the same run under V8's sampling profiler instead, printing the functions
// with the most self time (build with --minify false for names): what a warm scan spends on.
// --gap MS: the pause after each verdict (default 50, the bench's pace); a long gap (1000) shows
// what a scan costs on its own, without the previous admission's follow-up work running beside it.
// --rate throttles the page's CPU as the bench's 4x column does (lab.ts): what a phone's cold scan waits for.
//   env: BENCH_PORT (default 4600), BENCH_DIST (default <tmp>/kontrol-bench-dist)
// For our function names instead of minified ones: `npx vite build --minify false --outDir "$BENCH_DIST"`,
// then run with --no-build.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { demoCodes, FIRST_PLAIN_CODE, launchBrowser, scanMany, waitReady } from './lab.ts';
import type { ProbeState, ScanSample } from './probe.ts';
import { openDoor } from './scenarios/download.ts';
import { DoorMix } from './scenarios/verdict.ts';
import { buildApp, startDoor } from './server.ts';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { functionName?: string } };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    before: { type: 'string', default: '300' },
    min: { type: 'string', default: '3' },
    rate: { type: 'string', default: '1' },
    warm: { type: 'string', default: '0' },
    profile: { type: 'boolean', default: false },
    gap: { type: 'string', default: '50' },
    'no-build': { type: 'boolean', default: false },
  },
});
const beforeUs = Number(args.before) * 1000;
const gapMs = Number(args.gap);
const minUs = Number(args.min) * 1000;
const distDir = path.resolve(process.env.BENCH_DIST ?? path.join(tmpdir(), 'kontrol-bench-dist'));
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel', 'v8', 'disabled-by-default-v8.gc'];
/** Inner events worth naming; the rest are the task machinery around them. */
const TELLING = /FunctionCall|MinorGC|MajorGC|V8.GC_MC|Layout|Paint|EvaluateScript|IDBRequest::dispatchEvent|IDBTransaction::onComplete|HandlePostMessage/;

const ms = (us: number) => (us / 1000).toFixed(1);
const label = (e: TraceEvent) => `${e.name}${e.args?.data?.functionName ? `:${e.args.data.functionName}` : ''} ${ms(e.dur ?? 0)}`;

/** The main thread's outermost tasks in [from, to], timed from `zero`, each with its longest telling events. */
function tasksBetween(events: TraceEvent[], pid: number, tid: number, from: number, to: number, zero: number): string[] {
  const window = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts + e.dur > from && e.ts < to)
    .sort((a, b) => a.ts - b.ts);
  const lines: string[] = [];
  let end = -Infinity;
  for (const task of window) {
    if (task.ts < end) continue; // nested in the previous outermost task
    end = task.ts + (task.dur ?? 0);
    if ((task.dur ?? 0) < minUs) continue;
    const inner = window
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && TELLING.test(e.name))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 5)
      .map(label);
    lines.push(`  ${ms(task.ts - zero)} ms: task ${ms(task.dur ?? 0)} ms  ${inner.join(', ')}`);
  }
  return lines;
}

/** N warm scans in one trace; the slowest `show` of them, each with its tasks. */
async function traceWarm(page: Page, mix: DoorMix, count: number, show: number) {
  // A first run unrecorded: the page settles as the bench's warm run finds it (after cold scans).
  await scanMany(page, mix.take(50), 50);
  await browser().startTracing(page, { categories: CATEGORIES });
  const samples = await scanMany(page, mix.take(count), gapMs);
  const events = (JSON.parse((await browser().stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const starts = events.filter((e) => e.name === 'probe:scan').sort((a, b) => a.ts - b.ts);
  const ends = events.filter((e) => e.name === 'probe:verdict').sort((a, b) => a.ts - b.ts);
  if (starts.length !== samples.length || ends.length !== samples.length) throw new Error(`marks: ${starts.length}/${ends.length} for ${samples.length} scans`);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`${count} warm scans: p50 ${ms[Math.floor(count * 0.5)]?.toFixed(1)} ms, p95 ${ms[Math.floor(count * 0.95)]?.toFixed(1)} ms (traced)`);
  const slowest = samples.map((s, i) => ({ s, i })).sort((a, b) => b.s.ms - a.s.ms).slice(0, show);
  for (const { s, i } of slowest) {
    const start = starts[i] as TraceEvent;
    console.log(`scan ${i + 1}: ${s.verdict} in ${s.ms.toFixed(1)} ms; times from its Enter`);
    console.log(tasksBetween(events, start.pid, start.tid, start.ts - beforeUs, (ends[i] as TraceEvent).ts, start.ts).join('\n'));
  }
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** N warm scans under the sampling profiler; self time by function, the top 25. */
async function profileWarm(page: Page, mix: DoorMix, count: number) {
  await scanMany(page, mix.take(50), 50);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // Which stores the cursors walk: a cursor's steps have no JS caller on the profile's stack.
  await page.evaluate(() => {
    const counts: Record<string, number> = {};
    (window as unknown as { __cursorSteps: Record<string, number> }).__cursorSteps = counts;
    const step = IDBCursor.prototype.continue;
    IDBCursor.prototype.continue = function (this: IDBCursor, key?: IDBValidKey) {
      const source = this.source;
      const name = source instanceof IDBIndex ? `${source.objectStore.name}.${source.name}` : source.name;
      counts[name] = (counts[name] ?? 0) + 1;
      return step.call(this, key);
    };
    // And every IndexedDB request and transaction by store: what each scan asks of the database.
    const requests: Record<string, number> = {};
    (window as unknown as { __idbRequests: Record<string, number> }).__idbRequests = requests;
    const tally = (name: string) => (requests[name] = (requests[name] ?? 0) + 1);
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      tally(`tx ${mode ?? 'readonly'} [${[stores].flat().join(',')}]`);
      return open.call(this, stores, mode, options);
    };
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as const) {
      for (const op of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'] as const) {
        const original = (proto as unknown as Record<string, (...a: unknown[]) => unknown>)[op]!;
        (proto as unknown as Record<string, unknown>)[op] = function (this: IDBObjectStore | IDBIndex, ...a: unknown[]) {
          const store = this instanceof IDBIndex ? `${this.objectStore.name}.${this.name}` : this.name;
          // Settings are one store of many small keys: which key tells who asked.
          tally(`${op} ${store}${store === 'settings' && typeof a[0] === 'string' ? ` ${a[0]}` : ''}`);
          return original.apply(this, a);
        };
      }
    }
    for (const op of ['put', 'add', 'delete'] as const) {
      const original = IDBObjectStore.prototype[op] as (...a: unknown[]) => IDBRequest;
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[op] = function (this: IDBObjectStore, ...a: unknown[]) {
        const key = op === 'put' && this.name === 'settings' ? (a[0] as { key?: unknown }).key : undefined;
        tally(`${op} ${this.name}${typeof key === 'string' ? ` ${key}` : ''}`);
        return original.apply(this, a);
      };
    }
  });
  await cdp.send('Profiler.start');
  const samples = await scanMany(page, mix.take(count), gapMs);
  console.log('cursor steps by store:', await page.evaluate(() => (window as unknown as { __cursorSteps: Record<string, number> }).__cursorSteps));
  const requests = await page.evaluate(() => (window as unknown as { __idbRequests: Record<string, number> }).__idbRequests);
  console.log(`IndexedDB requests and transactions per scan (${count} scans):`);
  for (const [name, n] of Object.entries(requests).sort((a, b) => b[1] - a[1])) console.log(`  ${(n / count).toFixed(2).padStart(6)}  ${name}`);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const key = frame ? `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}` : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`${count} warm scans: p50 ${ms[Math.floor(count * 0.5)]?.toFixed(1)} ms, p95 ${ms[Math.floor(count * 0.95)]?.toFixed(1)} ms (profiled)`);
  // The page thread's work per scan, whatever it waited on: steadier between runs than a p95 on
  // this shared machine, so two builds' profiles compare by it.
  const total = [...self].reduce((sum, [key, us]) => (key.startsWith('(idle)') ? sum : sum + us), 0);
  const program = [...self].filter(([key]) => key.startsWith('(program)')).reduce((sum, [, us]) => sum + us, 0);
  console.log(`page thread busy: ${(total / 1000 / count).toFixed(1)} ms per scan, of which (program) ${(program / 1000 / count).toFixed(1)} ms`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  // The browser's own calls (IndexedDB, fetch, layout) have no file: name the code of ours, or of
  // a library, that made them, four frames up, so a slow IndexedDB call points at its reader.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const callers = new Map<string, Map<string, number>>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame || frame.url || frame.functionName.startsWith('(')) return;
    const chain: string[] = [];
    for (let up = parent.get(id); up !== undefined && chain.length < Number(process.env.CHAIN ?? 4); up = parent.get(up)) {
      const f = byNode.get(up)?.callFrame;
      if (f?.url) chain.push(`${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`);
    }
    const of = callers.get(frame.functionName) ?? new Map<string, number>();
    const key = chain.join(' < ');
    of.set(key, (of.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    callers.set(frame.functionName, of);
  });
  const natives = [...callers].map(([name, of]) => ({ name, of, total: [...of.values()].reduce((a, b) => a + b, 0) })).sort((a, b) => b.total - a.total);
  for (const { name, of, total } of natives.slice(0, 6)) {
    console.log(`${name} ${(total / 1000).toFixed(1)} ms, called from:`);
    for (const [chain, us] of [...of].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.CALLERS ?? 3))) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${chain}`);
  }
}

let launched: Browser | undefined;
const browser = () => launched as Browser;

async function main() {
  await buildApp(root, distDir, !args['no-build']);
  launched = await launchBrowser();
  const server = await startDoor(root, { port: Number(process.env.BENCH_PORT ?? 4600), tickets: 100_000, distDir });
  try {
    const codes = await demoCodes(server.base);
    const { page } = await openDoor(browser(), server, codes.length, { cpuRate: Math.max(1, Number(args.rate) || 1) });
    const mix = new DoorMix(codes.slice(FIRST_PLAIN_CODE)[Symbol.iterator]());
    if (Number(args.warm) > 0 && args.profile) return await profileWarm(page, mix, Number(args.warm));
    if (Number(args.warm) > 0) return await traceWarm(page, mix, Number(args.warm), Number(args.runs));
    for (let run = 0; run < Number(args.runs); run++) {
      await browser().startTracing(page, { categories: CATEGORIES });
      await page.reload();
      await waitReady(page);
      const [code] = mix.take(1);
      const sample = await page.evaluate(async (c: string): Promise<ScanSample> => {
        performance.mark('trace:scan');
        const result = await (window as unknown as { __bench: ProbeState }).__bench.scan(c);
        performance.mark('trace:verdict');
        return result;
      }, code as string);
      const events = (JSON.parse((await browser().stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      const scan = events.filter((e) => e.name === 'trace:scan').at(-1);
      const verdict = events.filter((e) => e.name === 'trace:verdict').at(-1);
      if (!scan || !verdict) throw new Error('the marks around the scan are missing from the trace');
      console.log(`reopening ${run + 1}: ${sample.verdict} in ${sample.ms.toFixed(1)} ms (traced); times from the scan's Enter`);
      console.log(tasksBetween(events, scan.pid, scan.tid, scan.ts - beforeUs, verdict.ts, scan.ts).join('\n'));
    }
  } finally {
    await browser().close();
    await server.stop();
  }
}

await main();
