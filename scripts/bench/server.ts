// The door under test: a production build and `npx tsx server/start.ts` with the demo Qtickets
// seeded to the size asked, on ports of the bench's own, stopped when the bench is done with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

export interface DoorServer {
  base: string;
  tickets: number;
  /** Lines the server logged (one per request: `METHOD /path STATUS 12ms`). */
  log: string[];
  stop(): Promise<void>;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

/** The same production build `npm start` serves, in a folder of the bench's own. */
export async function buildApp(root: string, distDir: string, rebuild: boolean): Promise<void> {
  if (!rebuild && existsSync(path.join(distDir, 'index.html'))) return;
  await rm(distDir, { recursive: true, force: true });
  await run('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'], root);
}

async function waitUntilUp(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(base);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${base} did not answer within ${timeoutMs} ms`);
}

export interface DoorOptions {
  port: number;
  /** DEMO_TICKETS: the size of show 1001. */
  tickets: number;
  distDir: string;
  /** DEMO_FESTIVAL_TICKETS over DEMO_FESTIVAL_SHOWS shows (server/demo/catalog.ts); none if absent. */
  festival?: { tickets: number; shows: number };
  /** How long the server may take to answer (seeding a million tickets takes a while). */
  startTimeoutMs?: number;
}

export async function startDoor(root: string, opts: DoorOptions): Promise<DoorServer> {
  const base = `http://127.0.0.1:${opts.port}/`;
  // Its own process group, so stopping it ends npx, tsx and node together and nothing else.
  const child = spawn('npx', ['tsx', 'server/start.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DIST_DIR: opts.distDir,
      DEMO_TICKETS: String(opts.tickets),
      ...(opts.festival ? { DEMO_FESTIVAL_TICKETS: String(opts.festival.tickets), DEMO_FESTIVAL_SHOWS: String(opts.festival.shows) } : {}),
    },
  });
  const log: string[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    log.push(...lines);
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 6000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilUp(base, child, opts.startTimeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, tickets: opts.tickets, log, stop };
}
