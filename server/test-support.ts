// Helpers for the server tests: real HTTP over node:http (fetch cannot send a GET body, and it
// would normalise the raw paths the traversal tests need to send), a fake upstream that records
// what reached it, and an app+demo stack on port 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { createApp, type AppOptions } from './app.ts';
import { startDemoQtickets, type DemoHandle, type DemoOptions } from './demo/index.ts';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Body as received (still encoded). */
  raw: Buffer;
  /** False when the connection broke before the body ended. */
  complete: boolean;
  text(): string;
  json<T = unknown>(): T;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Sends `path` exactly as given (no normalisation) and collects the answer. */
export function request(base: string, path: string, options: RequestOptions = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined) headers['Content-Length'] = Buffer.byteLength(options.body);
    const req = http.request(
      { hostname: url.hostname, port: url.port, method: options.method ?? 'GET', path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let done = false;
        const finish = (complete: boolean) => {
          if (done) return;
          done = true;
          const raw = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            raw,
            complete,
            text: () => decode(raw, res.headers['content-encoding']).toString('utf8'),
            json: <T>() => JSON.parse(decode(raw, res.headers['content-encoding']).toString('utf8')) as T,
          });
        };
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => finish(true));
        res.on('error', () => finish(false));
        res.on('aborted', () => finish(false));
        res.on('close', () => finish(res.complete));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function decode(raw: Buffer, encoding: string | string[] | undefined): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(raw);
  if (encoding === 'gzip') return zlib.gunzipSync(raw);
  return raw;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaderNames: string[];
  body: string;
}

export interface FakeUpstream {
  base: string;
  seen: SeenRequest[];
  /** TCP connections accepted so far: "never contacted" means 0 here, not just no request seen. */
  connections(): number;
  close(): Promise<void>;
}

/** A stand-in for Qtickets that records every request and answers with `answer`. */
export async function fakeUpstream(
  answer: (req: SeenRequest, res: http.ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"ok":true}');
  },
): Promise<FakeUpstream> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const record: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaderNames: req.rawHeaders.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase()),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(record);
      answer(record, res);
    });
  });
  let connections = 0;
  server.on('connection', () => (connections += 1));
  const port = await listen(server);
  return {
    base: `http://127.0.0.1:${port}/api/rest/v1`,
    seen,
    connections: () => connections,
    close: () => closeServer(server),
  };
}

export interface Stack {
  base: string;
  logs: string[];
  demo: DemoHandle | null;
  close(): Promise<void>;
}

/** The app on port 0, talking either to `upstream` or to a fresh demo Qtickets. */
export async function startStack(
  options: Partial<AppOptions> & { demoOptions?: DemoOptions; withDemo?: boolean } = {},
): Promise<Stack> {
  const logs: string[] = [];
  const { demoOptions, withDemo, ...appOptions } = options;
  const demo = withDemo === false ? null : await startDemoQtickets(demoOptions);
  const app = createApp({
    ...appOptions,
    distDir: options.distDir ?? '/nonexistent-dist',
    upstream: options.upstream ?? demo?.upstream ?? 'http://127.0.0.1:9/api/rest/v1',
    log: (line) => logs.push(line),
    demo: demo ?? undefined,
  });
  const port = await listen(app);
  return {
    base: `http://127.0.0.1:${port}`,
    logs,
    demo,
    close: async () => {
      await closeServer(app);
      await demo?.close();
    },
  };
}

export async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `?json=` as the browser client encodes it. */
export function jsonQuery(params: unknown): string {
  return `?json=${encodeURIComponent(JSON.stringify(params))}`;
}
