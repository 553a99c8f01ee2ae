// Small helpers shared by static serving, the gateway and the demo control routes.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers every response of the app server carries, whatever produced it. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// The app needs the camera and WebAssembly (zxing-wasm); nothing else is allowed to load or run.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Headers for documents and assets of the app (pages that could be framed or run scripts). */
export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_SECURITY_HEADERS,
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
};

export type Encoding = 'br' | 'gzip' | 'identity';

/** Weight (0..1) the client's Accept-Encoding gives `name`; honours `q=0` and `*`. */
export function encodingWeight(acceptEncoding: string | undefined, name: string): number {
  if (!acceptEncoding) return 0;
  let wildcard = 0;
  for (const part of acceptEncoding.split(',')) {
    const [rawName = '', ...params] = part.trim().split(';');
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m?.[1]) q = Number(m[1]);
    }
    if (!Number.isFinite(q)) q = 0;
    const token = rawName.trim().toLowerCase();
    if (token === name) return q;
    if (token === '*') wildcard = q;
  }
  return wildcard;
}

/** Picks the best encoding the client accepts: brotli (smaller) first, then gzip. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (encodingWeight(acceptEncoding, 'br') > 0) return 'br';
  if (encodingWeight(acceptEncoding, 'gzip') > 0) return 'gzip';
  return 'identity';
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...BASE_SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
  }
}

/** Reads a whole request body, refusing early (by Content-Length) or late (by counting) past `limit`. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError(limit));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** Parses the query part of a raw request URL without trusting its path part. */
export function queryOf(rawUrl: string | undefined): URLSearchParams {
  const url = rawUrl ?? '';
  const q = url.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
}

export function pathOf(rawUrl: string | undefined): string {
  const url = rawUrl ?? '';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
