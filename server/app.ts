// The Kontrol app server: the built PWA, the gateway to Qtickets, the venue hub and its webhook
// endpoint, and (in demo mode) the demo's control routes. Returned unstarted so tests can listen
// on port 0.
import http from 'node:http';
import { createDemoRoutes } from './demo/control.ts';
import type { DemoHandle } from './demo/index.ts';
import { fail } from './gateway-errors.ts';
import { createGateway, GATEWAY_HEADER, type GatewayLimits } from './gateway.ts';
import { createQticketsWebhook, WEBHOOK_PATH } from './hooks/qtickets-webhook.ts';
import { pathOf, sendText } from './http-util.ts';
import { createHub, type HubOptions } from './hub/hub.ts';
import { createMemoryStore } from './hub/memory-store.ts';
import { createRedisStore } from './hub/redis-store.ts';
import type { Retention } from './hub/store.ts';
import { createStaticHandler } from './static.ts';

/** The hub's limits and timings; each has a default (hub/guard.ts, hub/hub.ts, hub/store.ts). */
export type HubTuning = Omit<HubOptions, 'store' | 'upstream' | 'log' | 'trustProxy'> & { retention?: Partial<Retention> };

/** The gateway's limits (rate, in-flight, body size and stall, trusted proxies) pass straight through. */
export interface AppOptions extends GatewayLimits {
  /** Vite output directory. */
  distDir: string;
  /** Qtickets API base, e.g. https://qtickets.ru/api/rest/v1 (or the demo's). */
  upstream: string;
  /** Wait for upstream response headers this long before answering 504. Default 20 s. */
  timeoutMs?: number;
  log?: (line: string) => void;
  demo?: DemoHandle;
  /** Slow clients (slowloris): the headers must arrive within this. Default 15 s. */
  headersTimeoutMs?: number;
  /** Slow clients: the whole request (headers and body) must arrive within this. Default 60 s. */
  requestTimeoutMs?: number;
  /** REDIS_URL: the hub lives in Redis, shared by every app server given the same URL. Unset: in memory. */
  redisUrl?: string;
  /** QTICKETS_WEBHOOK_SECRET: POST /hooks/qtickets takes webhooks signed with it. Unset: 404. */
  webhookSecret?: string;
  hub?: HubTuning;
}

export const DEFAULT_GATEWAY_TIMEOUT_MS = 20_000;
const DEFAULT_HEADERS_TIMEOUT_MS = 15_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** Node's default; stated so a change of default cannot loosen it. Bigger headers get 431. */
const MAX_HEADER_BYTES = 16 * 1024;

export function createApp(options: AppOptions): http.Server {
  const log = options.log ?? (() => {});
  const gateway = createGateway({
    maxBodyBytes: options.maxBodyBytes,
    rateLimit: options.rateLimit,
    addressRateLimit: options.addressRateLimit,
    maxInFlight: options.maxInFlight,
    maxInFlightPerToken: options.maxInFlightPerToken,
    bodyTimeoutMs: options.bodyTimeoutMs,
    trustProxy: options.trustProxy,
    upstream: options.upstream,
    timeoutMs: options.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS,
    log,
  });
  const serveStatic = createStaticHandler(options.distDir);
  const { retention, ...hubTuning } = options.hub ?? {};
  const store = options.redisUrl ? createRedisStore({ url: options.redisUrl, retention, log }) : createMemoryStore({ retention });
  const hub = createHub({ ...hubTuning, store, upstream: options.upstream, trustProxy: options.trustProxy, log });
  const demo = options.demo;
  // A reset demo is a new evening: the hub must not replay the last one's admissions to the doors.
  const demoRoutes = demo ? createDemoRoutes(demo, { onReset: () => hub.forget(demo.token) }) : null;
  const webhook = options.webhookSecret ? createQticketsWebhook({ secret: options.webhookSecret, store, log }) : null;

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Only origin-form targets ("/path"): an absolute URL ("http://other.host/…") or "*" is how
    // a client asks a proxy to go elsewhere, and this server is nobody's proxy.
    if (!req.url?.startsWith('/')) {
      req.resume();
      return sendText(res, 400, 'Bad request', { Connection: 'close' });
    }
    const path = pathOf(req.url);
    try {
      if (path === '/api' || path.startsWith('/api/')) return gateway.handle(req, res);
      if (path === '/hub' || path.startsWith('/hub/')) return hub.handle(req, res);
      if (path === '/hooks' || path.startsWith('/hooks/')) {
        if (webhook && path === WEBHOOK_PATH) return webhook(req, res);
        req.resume();
        return fail(res, 404, 'NOT_FOUND', 'Not found');
      }
      if (path === '/demo' || path.startsWith('/demo/')) {
        return demoRoutes ? demoRoutes(req, res) : sendText(res, 404, 'Not found');
      }
      serveStatic(req, res);
    } catch {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Internal error');
    }
  };

  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const server = http.createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout),
      maxHeaderSize: MAX_HEADER_BYTES,
      // Node enforces the two timeouts only as often as it checks (every 30 s by default).
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(headersTimeout / 4))),
    },
    handle,
  );
  // Node would silently drop CONNECT; answer it like any other method the gateway refuses.
  server.on('connect', (_req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\n${GATEWAY_HEADER}: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
  });
  server.on('close', () => {
    gateway.close();
    hub.close();
    void store.close();
  });
  return server;
}
