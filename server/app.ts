// The Kontrol app server: the built PWA, the gateway to Qtickets, and (in demo mode) the demo's
// control routes. Returned unstarted so tests can listen on port 0.
import http from 'node:http';
import { createDemoRoutes } from './demo/control.ts';
import type { DemoHandle } from './demo/index.ts';
import { createGateway, GATEWAY_HEADER } from './gateway.ts';
import { pathOf, sendText } from './http-util.ts';
import { createStaticHandler } from './static.ts';

export interface AppOptions {
  /** Vite output directory. */
  distDir: string;
  /** Qtickets API base, e.g. https://qtickets.ru/api/rest/v1 (or the demo's). */
  upstream: string;
  /** Wait for upstream response headers this long before answering 504. Default 20 s. */
  timeoutMs?: number;
  log?: (line: string) => void;
  demo?: DemoHandle;
}

export const DEFAULT_GATEWAY_TIMEOUT_MS = 20_000;

export function createApp(options: AppOptions): http.Server {
  const log = options.log ?? (() => {});
  const gateway = createGateway({
    upstream: options.upstream,
    timeoutMs: options.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS,
    log,
  });
  const serveStatic = createStaticHandler(options.distDir);
  const demoRoutes = options.demo ? createDemoRoutes(options.demo) : null;

  const server = http.createServer((req, res) => {
    const path = pathOf(req.url);
    try {
      if (path === '/api' || path.startsWith('/api/')) return gateway.handle(req, res);
      if (path === '/demo' || path.startsWith('/demo/')) {
        return demoRoutes ? demoRoutes(req, res) : sendText(res, 404, 'Not found');
      }
      serveStatic(req, res);
    } catch {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Internal error');
    }
  });
  // Node would silently drop CONNECT; answer it like any other method the gateway refuses.
  server.on('connect', (_req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\n${GATEWAY_HEADER}: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
  });
  server.on('close', () => gateway.close());
  return server;
}
