// Serves the built app (Vite output) from memory, precompressed.
//
// The app is small, so each file is read once, hashed for an ETag and compressed with brotli
// and gzip, then kept until its mtime or size changes (a rebuild while running just works).
// All of them are read at start-up, not at the first visitor's request.
// Hashed /assets/* are immutable; everything that names the current build (index.html, the
// service worker, the manifest) must be revalidated so an update is seen at the next load.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { APP_SECURITY_HEADERS, pathOf, pickEncoding, sendText } from './http-util.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml|wasm)|image\/svg\+xml)/;
/** Files that name the current build: the browser must ask again every time. */
const BUILD_ENTRY_FILES = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const MIN_COMPRESS_BYTES = 1024;
/** Bigger files are streamed from disk, uncompressed, instead of being held in memory. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;

interface CachedFile {
  mtimeMs: number;
  size: number;
  variants: Partial<Record<'identity' | 'br' | 'gzip', Buffer>>;
  hash: string;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function cacheControlOf(urlPath: string): string {
  const name = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  if (BUILD_ENTRY_FILES.has(name) || /^workbox-.*\.js$/.test(name)) return 'no-cache';
  if (urlPath.startsWith('/assets/')) return IMMUTABLE;
  return 'no-cache';
}

export function createStaticHandler(distDir: string) {
  const root = path.resolve(distDir);
  const cache = new Map<string, Promise<CachedFile>>();

  async function load(file: string, mtimeMs: number, size: number): Promise<CachedFile> {
    const key = file;
    const existing = cache.get(key);
    if (existing) {
      const cached = await existing.catch(() => null);
      if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached;
    }
    const fresh = (async (): Promise<CachedFile> => {
      const body = await readFile(file);
      const variants: CachedFile['variants'] = { identity: body };
      if (body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(contentTypeOf(file))) {
        const [br, gz] = await Promise.all([brotli(body), gzip(body, { level: 9 })]);
        // Keep a variant only where it actually saves bytes.
        if (br.length < body.length) variants.br = br;
        if (gz.length < body.length) variants.gzip = gz;
      }
      const hash = createHash('sha1').update(body).digest('base64url').slice(0, 20);
      return { mtimeMs, size, variants, hash };
    })();
    cache.set(key, fresh);
    fresh.catch(() => cache.delete(key));
    return fresh;
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(pathOf(req.url));
    } catch {
      sendText(res, 400, 'Bad request');
      return;
    }
    if (urlPath === '/') urlPath = '/index.html';
    // No NULs, no backslashes, no dot-segments or hidden files: anything odd is simply absent.
    const segments = urlPath.split('/').slice(1);
    const odd =
      !urlPath.startsWith('/') ||
      urlPath.includes('\0') ||
      urlPath.includes('\\') ||
      segments.some((s) => s === '' || s.startsWith('.'));
    const file = path.resolve(root, `.${urlPath}`);
    if (odd || !file.startsWith(root + path.sep)) {
      sendText(res, 404, 'Not found');
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      sendText(res, 404, 'Not found');
      return;
    }

    const headers: Record<string, string> = {
      ...APP_SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': cacheControlOf(urlPath),
    };
    if (info.size > MAX_CACHED_BYTES) {
      res.writeHead(200, { ...headers, 'Content-Length': String(info.size) });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).on('error', () => res.destroy()).pipe(res);
      return;
    }

    const cached = await load(file, info.mtimeMs, info.size);
    const compressible = cached.variants.br !== undefined || cached.variants.gzip !== undefined;
    const wanted = compressible ? pickEncoding(req.headers['accept-encoding']) : 'identity';
    const encoding = cached.variants[wanted] ? wanted : 'identity';
    const body = cached.variants[encoding] ?? Buffer.alloc(0);
    const etag = `"${cached.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    headers.ETag = etag;
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;

    if (matchesEtag(req.headers['if-none-match'], etag)) {
      delete headers['Content-Type'];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * Every file of the build read and compressed now, one at a time: brotli at its best level takes
   * about half a second for the app's main chunk, which the first door opened after a start or a
   * deploy waited for. Files that cannot be read are left to their first request.
   */
  async function warm(): Promise<number> {
    const names = await readdir(root, { recursive: true }).catch(() => []);
    let loaded = 0;
    for (const name of names) {
      if (name.split(path.sep).some((segment) => segment.startsWith('.'))) continue;
      const file = path.join(root, name);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || info.size > MAX_CACHED_BYTES) continue;
      if (await load(file, info.mtimeMs, info.size).then(() => true, () => false)) loaded += 1;
    }
    return loaded;
  }
  // After the server is listening: a request that comes first is served as always.
  const warmed = new Promise<number>((resolve) => setImmediate(() => void warm().then(resolve)));

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    serve(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Internal error');
    });
  };
  /** How many files the start-up read and compressed, once it has. */
  return Object.assign(handler, { warmed: () => warmed });
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
