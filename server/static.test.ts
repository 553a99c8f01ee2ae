import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from './static.ts';
import { request, startStack, type Stack } from './test-support.ts';

let dir: string;
let stack: Stack;
const bigJs = `console.log(${JSON.stringify('Kontrol '.repeat(4000))});`;
const html = `<!doctype html><html><head><title>Kontrol</title></head><body>${'<div>скан</div>'.repeat(200)}</body></html>`;

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kontrol-static-'));
  dir = path.join(root, 'dist');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), html);
  writeFileSync(path.join(dir, 'sw.js'), bigJs);
  writeFileSync(path.join(dir, 'registerSW.js'), 'navigator.serviceWorker.register("/sw.js")');
  writeFileSync(path.join(dir, 'workbox-1a2b3c.js'), bigJs);
  writeFileSync(path.join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Kontrol', icons: [] }));
  writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *');
  writeFileSync(path.join(dir, '.env'), 'SECRET=1');
  writeFileSync(path.join(dir, 'assets', 'index-D3adB33f.js'), bigJs);
  writeFileSync(path.join(dir, 'assets', 'zxing_reader-Abc123.wasm'), Buffer.alloc(8192, 7));
  writeFileSync(path.join(root, 'outside.txt'), 'must never be served');
  stack = await startStack({ distDir: dir, withDemo: false });
});

afterAll(async () => {
  await stack.close();
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe('static app serving', () => {
  it('reads and compresses the whole build at start-up, leaving hidden files and what lies outside alone', async () => {
    expect(await createStaticHandler(dir).warmed()).toBe(8);
  });

  it('serves index.html at / with no-cache and the security headers', async () => {
    const res = await request(stack.base, '/');
    expect(res.status).toBe(200);
    expect(res.text()).toBe(html);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toBe('camera=(self), microphone=(), geolocation=()');
    expect(res.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['/sw.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/registerSW.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/workbox-1a2b3c.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'no-cache', 'application/manifest+json; charset=utf-8'],
    ['/robots.txt', 'no-cache', 'text/plain; charset=utf-8'],
    ['/assets/index-D3adB33f.js', 'public, max-age=31536000, immutable', 'text/javascript; charset=utf-8'],
    ['/assets/zxing_reader-Abc123.wasm', 'public, max-age=31536000, immutable', 'application/wasm'],
  ])('%s: Cache-Control %s, type %s', async (file, cacheControl, type) => {
    const res = await request(stack.base, file);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(cacheControl);
    expect(res.headers['content-type']).toBe(type);
  });

  it('compresses with brotli or gzip by Accept-Encoding, and varies on it', async () => {
    const br = await request(stack.base, '/assets/index-D3adB33f.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.raw.length).toBeLessThan(bigJs.length / 10);
    expect(br.text()).toBe(bigJs);
    const gz = await request(stack.base, '/assets/index-D3adB33f.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text()).toBe(bigJs);
    const plain = await request(stack.base, '/assets/index-D3adB33f.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.toString()).toBe(bigJs);
    const wasm = await request(stack.base, '/assets/zxing_reader-Abc123.wasm', { headers: { 'Accept-Encoding': 'br' } });
    expect(wasm.headers['content-encoding']).toBe('br');
    expect(Buffer.from(wasm.text(), 'utf8').length).toBeGreaterThan(0);
  });

  it('answers 304 to a matching If-None-Match, per encoding', async () => {
    const first = await request(stack.base, '/index.html', { headers: { 'Accept-Encoding': 'br' } });
    const etag = first.headers.etag;
    expect(etag).toMatch(/^".+"$/);
    const again = await request(stack.base, '/index.html', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    const otherEncoding = await request(stack.base, '/index.html', { headers: { 'If-None-Match': etag! } });
    expect(otherEncoding.status).toBe(200);
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await request(stack.base, '/sw.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(bigJs.length);
    expect(res.raw.length).toBe(0);
  });

  it.each([
    '/../outside.txt',
    '/assets/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/%2e%2e%2f%2e%2e%2foutside.txt',
    '/assets/..%5c..%5coutside.txt',
    '/.env',
    '/assets/',
    '/nope.js',
    '/%00index.html',
  ])('never serves %s', async (p) => {
    const res = await request(stack.base, p);
    expect([400, 404]).toContain(res.status);
    expect(res.text()).not.toContain('must never be served');
    expect(res.text()).not.toContain('SECRET');
  });

  it('refuses other methods', async () => {
    const res = await request(stack.base, '/index.html', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });

  it('has no demo routes outside demo mode', async () => {
    const res = await request(stack.base, '/demo/tickets');
    expect(res.status).toBe(404);
  });
});
