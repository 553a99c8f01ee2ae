// A Kontrol server a spec starts and stops itself (the shared webServer never stops): for "the
// server is gone, the app still opens" and for serving version 1, then version 2, on one origin.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PORT } from '../playwright.config.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** Two above the shared servers (DEMO_PORT, DEMO_PORT + 1): free for specs that own their server. */
export const OWN_PORT = DEMO_PORT + 2;
export const DIST = path.resolve(ROOT, process.env.DIST_DIR ?? 'dist');

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

export async function startAppServer(distDir: string, port = OWN_PORT): Promise<AppServer> {
  if (!existsSync(path.join(distDir, 'index.html'))) throw new Error(`${distDir} has no build`);
  // node --import tsx: one process, so stopping it really stops the server (npx would leave a child).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: distDir, QTICKETS_API_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start on ${port}: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 6000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Builds the current sources with another version constant into their own folder. */
export async function buildVersion(version: string, outDir: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      env: { ...process.env, VITE_APP_VERSION: version },
      stdio: 'inherit',
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited ${code}`))));
  });
}
