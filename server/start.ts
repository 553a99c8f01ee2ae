// `npm start`: builds the app if needed, starts the demo Qtickets unless QTICKETS_API_URL is
// set, and serves everything on PORT. Env: PORT, HOST, QTICKETS_API_URL, DIST_DIR,
// GATEWAY_TIMEOUT_MS, TRUST_PROXY, DEMO_TOKEN, DEMO_TICKETS, REDIS_URL, QTICKETS_WEBHOOK_SECRET.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, DEFAULT_GATEWAY_TIMEOUT_MS } from './app.ts';
import { demoOptionsFromEnv, startDemoQtickets, type DemoHandle } from './demo/index.ts';
import { parseTrustProxy } from './gateway-identity.ts';
import { installProcessGuard } from './process-guard.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const port = Number(env.PORT || 8080);
const host = env.HOST || '0.0.0.0';
const distDir = path.resolve(env.DIST_DIR || path.join(root, 'dist'));
const timeoutMs = Number(env.GATEWAY_TIMEOUT_MS) > 0 ? Number(env.GATEWAY_TIMEOUT_MS) : DEFAULT_GATEWAY_TIMEOUT_MS;
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

// Before anything else: from here on a stray exception is logged (without tokens), not fatal.
installProcessGuard((line) => console.error(`${new Date().toISOString()} ${line}`));

async function buildIfMissing(): Promise<void> {
  if (existsSync(path.join(distDir, 'index.html'))) return;
  // A custom DIST_DIR is where the build must land, or the check above never passes.
  const args = ['vite', 'build'];
  if (distDir !== path.join(root, 'dist')) args.push('--outDir', distDir, '--emptyOutDir');
  log(`${distDir}/index.html is missing: building the app (npx ${args.join(' ')})…`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('npx', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', resolve);
    child.on('error', () => resolve(1));
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code})`);
}

async function main(): Promise<void> {
  // Read first: a typo here must stop the start, not silently trust nobody (or everybody).
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const redisUrl = parseRedisUrl(env.REDIS_URL);
  await buildIfMissing();
  let demo: DemoHandle | undefined;
  let upstream = env.QTICKETS_API_URL;
  if (!upstream) {
    demo = await startDemoQtickets(demoOptionsFromEnv(env));
    upstream = demo.upstream;
  }
  const webhookSecret = env.QTICKETS_WEBHOOK_SECRET || undefined;
  const server = createApp({ distDir, upstream, timeoutMs, log, demo, trustProxy, redisUrl, webhookSecret });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });

  const base = `http://localhost:${port}/`;
  console.log(`Kontrol is running at ${base}`);
  if (demo) {
    // The demo token is public by design; real tokens are never printed or logged.
    const firstShow = demo.firstShowId;
    console.log('Demo mode (no QTICKETS_API_URL): an embedded demo Qtickets answers the API.');
    console.log(`  Demo token:   ${demo.token}`);
    console.log(`  Set up:       ${base}#/setup?token=${encodeURIComponent(demo.token)}&shows=${firstShow}`);
    console.log(`  Demo tickets: ${base}demo/tickets?show=${firstShow}`);
  } else {
    console.log(`Gateway forwards /api/rest/v1/* to ${upstream}`);
  }
  console.log(redisUrl ? `Venue hub: shared through Redis at ${redisHost(redisUrl)} (REDIS_URL)` : 'Venue hub: in this process (set REDIS_URL to share it between servers)');
  console.log(webhookSecret ? 'Qtickets webhooks: POST /hooks/qtickets, signed with QTICKETS_WEBHOOK_SECRET' : 'Qtickets webhooks: off (set QTICKETS_WEBHOOK_SECRET)');
  if (trustProxy > 0) console.log(`Client addresses from X-Forwarded-For, trusting ${trustProxy} proxy hop(s) (TRUST_PROXY)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    server.close(() => {
      void (demo?.close() ?? Promise.resolve()).then(() => process.exit(0));
    });
    server.closeIdleConnections();
    // Streams in flight get a moment to finish, then everything is cut.
    setTimeout(() => server.closeAllConnections(), 3000).unref();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** REDIS_URL, read before anything starts: a typo must stop the start, not quietly mean localhost. */
function parseRedisUrl(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below, without echoing a URL that may hold a password
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw new Error('REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)');
  }
  return text;
}

/** Where Redis is, without the password a URL may carry. */
function redisHost(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
