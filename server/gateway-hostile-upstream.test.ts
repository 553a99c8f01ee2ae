// The gateway against an upstream that writes raw bytes: impossible status lines, HTML with
// scripts, headers followed by silence. Whatever it sends, the browser gets a typed JSON error or
// a visibly broken body, never the upstream's markup on our origin, and the server keeps serving
// (the status-000 answer used to throw in writeHead and end the process).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { request, startStack, type Stack } from './test-support.ts';

const TOKEN = 'hostile-upstream-test-token';
const auth = { Authorization: `Bearer ${TOKEN}` };
const BODY_TIMEOUT_MS = 200;

const http = (head: string, body = '') => `${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const PAGE = '<!doctype html><html><body><h1>Not Found</h1><script>fetch("/x?"+document.cookie)</script></body></html>';

/** What the raw upstream writes for /shows/1/barcode/<name>; it then leaves the socket open. */
const ANSWERS: Record<string, string> = {
  ok: http('HTTP/1.1 200 OK\r\nContent-Type: application/json', '{"ok":true}'),
  zero: http('HTTP/1.1 000 Weird\r\nContent-Type: application/json', '{}'),
  beyond: http('HTTP/1.1 700 Beyond\r\nContent-Type: application/json', '{}'),
  switching: 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
  interim: 'HTTP/1.1 199 Interim\r\n\r\nnot a final answer at all',
  ssh: 'SSH-2.0-OpenSSH_9.6\r\n',
  html200: http('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8', PAGE),
  html404: http('HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=UTF-8', PAGE),
  text503: http('HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nRetry-After: 30', 'maintenance'),
  untyped: http('HTTP/1.1 200 OK', '{"looks":"like json"}'),
  problem: http('HTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/problem+json', '{"title":"bad"}'),
  emptyHtml: http('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8'),
  emptyChunked: 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  stallJson: 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{"barcode":"87',
  stallChunked: 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n[{"ba\r\n',
  stallHtml: 'HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n',
};

let stack: Stack;
let upstream: net.Server;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  upstream = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      // GETs only: a request ends with its headers. Keep-alive may bring several on one socket.
      for (let end = buffered.indexOf('\r\n\r\n'); end !== -1; end = buffered.indexOf('\r\n\r\n')) {
        const requestLine = buffered.slice(0, buffered.indexOf('\r\n'));
        buffered = buffered.slice(end + 4);
        const name = /\/barcode\/([A-Za-z0-9]+) /.exec(requestLine)?.[1] ?? '';
        socket.write(ANSWERS[name] ?? ANSWERS.ok!, 'latin1');
      }
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  const port = (upstream.address() as net.AddressInfo).port;
  stack = await startStack({ upstream: `http://127.0.0.1:${port}/api/rest/v1`, withDemo: false, timeoutMs: 2000, bodyTimeoutMs: BODY_TIMEOUT_MS });
});

afterAll(async () => {
  await stack.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => upstream.close(resolve));
});

const ask = (name: string) => request(stack.base, `/api/rest/v1/shows/1/barcode/${name}`, { headers: { ...auth, 'Accept-Encoding': 'identity' } });

/** The next request after a hostile answer still gets a correct one. */
async function expectStillServing(): Promise<void> {
  const res = await ask('ok');
  expect(res.status).toBe(200);
  expect(res.json()).toEqual({ ok: true });
}

describe('an impossible status from upstream', () => {
  it.each([
    ['zero', 'HTTP/1.1 000 Weird'],
    ['beyond', 'HTTP/1.1 700'],
    ['switching', '101 Switching Protocols as the final answer'],
    ['interim', 'a 1xx followed by no final answer'],
    ['ssh', 'no HTTP at all'],
  ])('%s (%s) becomes a typed 502 and the server keeps serving', async (name) => {
    const res = await ask(name);
    expect(res.status).toBe(502);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toMatchObject({ status: 502, code: 'UPSTREAM_INVALID_RESPONSE' });
    await expectStillServing();
  });
});

describe('an answer that is not JSON', () => {
  it.each([
    ['html200', 200, 'text/html'],
    ['html404', 404, 'text/html'],
    ['text503', 503, 'text/plain'],
    ['untyped', 200, 'no content type'],
  ])('%s becomes 502 UPSTREAM_NOT_JSON naming the upstream status, without its body', async (name, upstreamStatus, type) => {
    const res = await ask(name);
    expect(res.status).toBe(502);
    expect(res.headers['x-kontrol-gateway']).toBe('1');
    expect(res.json()).toEqual({
      error: `Qtickets answered HTTP ${upstreamStatus} with ${type}, not JSON`,
      status: 502,
      code: 'UPSTREAM_NOT_JSON',
      upstreamStatus,
    });
    expect(res.text()).not.toContain('<script');
    await expectStillServing();
  });

  it('keeps the Retry-After of a refused 503 page', async () => {
    expect((await ask('text503')).headers['retry-after']).toBe('30');
  });

  it.each(['emptyHtml', 'emptyChunked'])('%s: an empty body is relayed whatever its label, without the label', async (name) => {
    const res = await ask(name);
    expect(res.status).toBe(200);
    expect(res.raw.length).toBe(0);
    expect(res.headers['content-type']).toBeUndefined();
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    await expectStillServing();
  });
});

describe('relayed JSON', () => {
  it.each(['ok', 'problem'])('%s carries the sandbox CSP, nosniff and the gateway mark', async (name) => {
    const res = await ask(name);
    expect(res.status).toBe(name === 'ok' ? 200 : 422);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-kontrol-gateway']).toBe('1');
  });
});

describe('headers, then a stalled body', () => {
  it.each(['stallJson', 'stallChunked'])('%s: the client sees a broken body soon after the stall, and the server keeps serving', async (name) => {
    const started = Date.now();
    const res = await ask(name);
    expect(res.status).toBe(200);
    expect(res.complete).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 20);
    expect(Date.now() - started).toBeLessThan(1500); // well before the 2 s header timeout, let alone never
    await vi.waitFor(() => expect(stack.logs.some((l) => l.includes(`/barcode/${name} 200`) && l.endsWith('(aborted)'))).toBe(true));
    await expectStillServing();
  });

  it('a stalled page that is not JSON yet becomes 504 UPSTREAM_TIMEOUT', async () => {
    const res = await ask('stallHtml');
    expect(res.status).toBe(504);
    expect(res.json()).toMatchObject({ status: 504, code: 'UPSTREAM_TIMEOUT' });
    await expectStillServing();
  });
});
