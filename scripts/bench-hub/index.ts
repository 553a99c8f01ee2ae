// `npm run bench:hub`: the venue hub under 20, 100 and 500 simulated doors, in one app server
// (the in-memory hub) and in two app servers sharing one redis-server (devices split between them,
// so most admissions cross through Redis). Prints admission → other devices latency (p50/p95/max),
// messages per second, each server's CPU and memory (and redis-server's), and the admissions
// lost or doubled — which must be 0; the run fails otherwise.
//
// Run it alone on the machine: the devices (two processes of their own) share the cores with the
// servers they measure.
// Options: BENCH_DEVICES=20,100,500  BENCH_SECONDS=30  BENCH_PACE_MS=3000 (one scan per door per ~3 s)
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoQtickets } from '../../server/demo/index.ts';
import { spawnRedis, type RedisProcess } from '../../server/hub/spawn-redis.ts';
import type { FromWorker, ToWorker } from './devices-worker.ts';
import { cpuPercent, cpuSample, rssMiB, type CpuSample } from './proc-stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEVICE_COUNTS = (process.env.BENCH_DEVICES ?? '20,100,500').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 3000);
/** After the last admission: how long the hub gets to deliver everything before a message counts as lost. */
const SETTLE_MS = 15_000;

interface Server {
  base: string;
  pid: number;
  child: ChildProcess;
}

interface Row {
  mode: string;
  devices: number;
  admissions: number;
  deliveries: number;
  p50: number;
  p95: number;
  max: number;
  messagesPerS: number;
  deviceFramesPerS: number;
  lost: number;
  duplicated: number;
  reconnects: number;
  postErrors: number;
  /** p95 of the admissions sent in each 5 s of the run: a slow start shows apart from a slow hub. */
  p95ByWindow: number[];
  servers: { cpu: number; rss: number }[];
  redis: { cpu: number; rss: number } | null;
  clientsCpu: number;
}

async function startServer(upstream: string, redisUrl?: string): Promise<Server> {
  const child = fork(path.join(here, 'server.ts'), [], {
    env: { ...process.env, BENCH_UPSTREAM: upstream, REDIS_URL: redisUrl ?? '' },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, child };
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!);

/** A device process, with a way to ask it something and wait for its answer. */
interface Worker {
  child: ChildProcess;
  ask<T extends FromWorker['type']>(message: ToWorker, answer: T): Promise<Extract<FromWorker, { type: T }>>;
  send(message: ToWorker): void;
}

function startWorker(): Worker {
  const child = fork(path.join(here, 'devices-worker.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    child,
    send: (message) => child.send(message),
    ask: (message, answer) =>
      new Promise((resolve, reject) => {
        const onMessage = (m: FromWorker) => {
          if (m.type === 'failed') reject(new Error(m.message));
          else if (m.type === answer) resolve(m as Extract<FromWorker, { type: typeof answer }>);
          else return;
          child.off('message', onMessage);
        };
        child.on('message', onMessage);
        child.send(message);
      }),
  };
}

async function run(mode: 'one' | 'redis', devices: number, upstream: string, token: string): Promise<Row> {
  let redis: RedisProcess | null = null;
  const servers: Server[] = [];
  if (mode === 'redis') {
    redis = await spawnRedis();
    servers.push(await startServer(upstream, redis.url), await startServer(upstream, redis.url));
  } else {
    servers.push(await startServer(upstream));
  }
  const bases = servers.map((s) => s.base);
  const run = randomUUID().slice(0, 8);
  const workers = [startWorker(), startWorker()];
  const share = Math.ceil(devices / workers.length);
  await Promise.all(
    workers.map((w, i) => w.ask({ type: 'connect', from: i * share, count: Math.max(0, Math.min(share, devices - i * share)), bases, token, run }, 'connected')),
  );

  const pids = [...servers.map((s) => s.pid), ...(redis ? [redis.pid] : []), ...workers.map((w) => w.child.pid!)];
  const before = new Map<number, CpuSample>(pids.map((pid) => [pid, cpuSample(pid)]));
  const peakRss = new Map<number, number>(pids.map((pid) => [pid, rssMiB(pid)]));
  const sampler = setInterval(() => {
    for (const pid of pids) peakRss.set(pid, Math.max(peakRss.get(pid)!, rssMiB(pid)));
  }, 500);
  const startedAt = performance.now();

  for (const w of workers) w.send({ type: 'start', paceMs: PACE_MS });
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const stopped = await Promise.all(workers.map((w) => w.ask({ type: 'stop' }, 'stopped')));
  const admittingMs = performance.now() - startedAt;
  const after = new Map<number, CpuSample>(pids.map((pid) => [pid, cpuSample(pid)]));
  const sent = stopped.reduce((n, s) => n + s.sent, 0);

  // Everything sent must reach every device (its own admission included) before the deadline.
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const counts = await Promise.all(workers.map((w) => w.ask({ type: 'count' }, 'count')));
    if (counts.reduce((n, c) => n + c.distinct, 0) >= sent * devices || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300)); // a late duplicate would show up here
  clearInterval(sampler);
  // Lost means accepted by the hub (200) and missing on a device; a refused POST is a failed request.
  const accepted = (await Promise.all(workers.map((w) => w.ask({ type: 'accepted' }, 'accepted')))).flatMap((a) => a.nonces);
  const reports = await Promise.all(workers.map((w) => w.ask({ type: 'report', accepted }, 'report')));
  for (const w of workers) w.child.disconnect();
  await Promise.all(servers.map(stopServer));
  await redis?.stop();

  const latencies = new Float64Array(reports.reduce((n, r) => n + r.latencies.length, 0));
  let offset = 0;
  for (const r of reports) {
    latencies.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  const windows: number[][] = [];
  const firstSent = reports.reduce((m, r) => r.sentAt.reduce((a, b) => Math.min(a, b), m), Infinity);
  for (const r of reports) {
    r.sentAt.forEach((at, i) => (windows[Math.floor((at - firstSent) / 5000)] ??= []).push(r.latencies[i]!));
  }
  const p95ByWindow = [...windows].map((w) => percentile(Float64Array.from(w ?? []).sort(), 0.95));
  latencies.sort();
  const seconds = admittingMs / 1000;
  const usage = (pid: number) => ({ cpu: cpuPercent(before.get(pid)!, after.get(pid)!), rss: peakRss.get(pid)! });
  return {
    mode: mode === 'one' ? 'one process' : 'two processes + Redis',
    devices,
    admissions: sent,
    deliveries: accepted.length * devices - reports.reduce((n, r) => n + r.lost, 0),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: latencies.length ? latencies[latencies.length - 1]! : NaN,
    messagesPerS: (accepted.length * devices - reports.reduce((n, r) => n + r.lost, 0)) / seconds,
    deviceFramesPerS: reports.reduce((n, r) => n + r.deviceFrames, 0) / seconds,
    lost: reports.reduce((n, r) => n + r.lost, 0),
    duplicated: reports.reduce((n, r) => n + r.duplicates, 0),
    reconnects: reports.reduce((n, r) => n + r.reconnects, 0),
    p95ByWindow,
    postErrors: reports.reduce((n, r) => n + r.postErrors, 0),
    servers: servers.map((s) => usage(s.pid)),
    redis: redis ? usage(redis.pid) : null,
    clientsCpu: workers.reduce((n, w) => n + usage(w.child.pid!).cpu, 0),
  };
}

function print(rows: Row[]): void {
  const f = (n: number, digits = 0) => (Number.isNaN(n) ? '—' : n.toFixed(digits));
  console.log('\n| hub | devices | admissions | admission → other devices p50 / p95 / max (ms) | p95 per 5 s of sending (ms) | admission events/s delivered | device events/s | lost | doubled | hub CPU (% of a core) | hub RSS (MiB) | redis-server CPU / RSS | the 2 device processes\' CPU |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.mode} | ${r.devices} | ${r.admissions} | ${f(r.p50, 1)} / ${f(r.p95, 1)} / ${f(r.max, 0)} | ${r.p95ByWindow.map((p) => f(p)).join(' / ')} | ${f(r.messagesPerS)} | ${f(r.deviceFramesPerS)} | ${r.lost} | ${r.duplicated} | ` +
        `${r.servers.map((s) => f(s.cpu)).join(' + ')} | ${r.servers.map((s) => f(s.rss)).join(' + ')} | ${r.redis ? `${f(r.redis.cpu)} % / ${f(r.redis.rss)} MiB` : '—'} | ${f(r.clientsCpu)} % |`,
    );
  }
}

async function main(): Promise<void> {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const redisVersion = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`bench:hub — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${redisVersion}`);
  console.log(`load average before: ${load}; ${SECONDS} s of admitting per run, one scan per door every ${PACE_MS / 1000} s on average, a heartbeat per door every 15 s`);
  const demo = await startDemoQtickets();
  const rows: Row[] = [];
  try {
    for (const devices of DEVICE_COUNTS) {
      for (const mode of ['one', 'redis'] as const) {
        const row = await run(mode, devices, demo.upstream, demo.token);
        rows.push(row);
        console.log(`  ${row.mode}, ${devices} devices: p95 ${row.p95.toFixed(1)} ms, ${row.lost} lost, ${row.duplicated} doubled, ${row.postErrors} failed requests, ${row.reconnects} reconnects; p95 per 5 s of sending: ${row.p95ByWindow.map((p) => p.toFixed(0)).join(' / ')} ms`);
      }
    }
  } finally {
    await demo.close();
  }
  print(rows);
  const at100 = rows.filter((r) => r.devices === 100);
  if (at100.length) console.log(`\ntarget p95 < 250 ms at 100 devices: ${at100.every((r) => r.p95 < 250) ? 'met' : 'MISSED'} (${at100.map((r) => `${r.mode} ${r.p95.toFixed(1)} ms`).join(', ')})`);
  const bad = rows.filter((r) => r.lost > 0 || r.duplicated > 0 || r.postErrors > 0);
  if (bad.length > 0) {
    console.error(`\nFAILED: messages lost, doubled or refused in ${bad.map((r) => `${r.mode}/${r.devices}`).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
