// Security headers of the app itself: a Content Security Policy that lets only our own origin in
// (plus blob:/data: and WebAssembly, which the camera and the decoder need), no MIME sniffing, no
// Referer (the setup link's fragment never leaves, and neither does any path), the camera for our
// origin only. Checked on every kind of answer the server gives.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { closeServer, fakeUpstream, listen, request, type FakeUpstream } from './test-support.ts';

let dist: string;
let base: string;
let upstream: FakeUpstream;
let close: () => Promise<void>;

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'kontrol-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Kontrol</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dist, 'assets', 'decoder.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  upstream = await fakeUpstream();
  const app = createApp({ distDir: dist, upstream: upstream.base });
  base = `http://127.0.0.1:${await listen(app)}`;
  close = () => closeServer(app);
});

afterAll(async () => {
  await close?.();
  await upstream?.close();
  await rm(dist, { recursive: true, force: true });
});

/** `{directive: [sources]}` of a CSP header. */
function parseCsp(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

// What the app may load from: itself; blob:/data: for camera frames, worker code and icons.
const ALLOWED_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", "'unsafe-inline'", 'blob:', 'data:']);

describe('app documents and assets', () => {
  it.each(['/', '/index.html', '/assets/app.js', '/assets/decoder.wasm', '/sw.js'])('%s carries the security headers', async (url) => {
    const res = await request(base, url);
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const permissions = String(res.headers['permissions-policy']);
    expect(permissions).toMatch(/(^|,\s*)camera=\(self\)/);
    expect(permissions).toMatch(/microphone=\(\)/);
    expect(permissions).toMatch(/geolocation=\(\)/);

    const csp = parseCsp(String(res.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const [directive, sources] of csp) {
      for (const source of sources) expect(ALLOWED_SOURCES.has(source), `${directive} ${source}`).toBe(true);
    }
    // Scripts only from our origin: no inline script, no eval; WebAssembly compiles (zxing-wasm).
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('media-src')).toContain('blob:'); // the camera stream
    expect(csp.get('worker-src')).toContain("'self'"); // the decoder worker and the service worker
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('every other answer', () => {
  it.each([
    ['a missing file', '/nope.js', 404],
    ['a refused API path', '/api/rest/v1/../x', 400],
    ['an API answer', '/api/rest/v1/events', 200],
    ['an API path outside v1', '/api/other', 404],
  ])('%s is not sniffed and sends no Referer', async (_what, url, status) => {
    // A token, so that the API answer is the upstream's and not the gateway's own 401.
    const res = await request(base, url, { headers: { Authorization: 'Bearer app-security-test' } });
    expect(res.status).toBe(status);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // Whatever the gateway answers may load nothing and run nothing, should a browser render it.
    if (url.startsWith('/api/')) expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });
});
