// Qtickets signs each webhook: X-Signature = HMAC-SHA1 of the raw body with the organiser's secret.
// The document does not say how the digest is written, so both usual forms are taken: hex (any
// case) and base64 (standard or URL-safe), with or without a "sha1=" prefix. The comparison is
// of the 20 digest bytes, in constant time; anything that does not decode to 20 bytes is wrong.
import { createHmac, timingSafeEqual } from 'node:crypto';

const SHA1_BYTES = 20;

export function signatureMatches(secret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false; // missing, or sent twice
  const given = decodeDigest(header.trim().replace(/^sha1=/i, ''));
  if (given === null) return false;
  const expected = createHmac('sha1', secret).update(rawBody).digest();
  return timingSafeEqual(expected, given);
}

function decodeDigest(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{40}$/.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]{27}=?$/.test(text)) return null;
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === SHA1_BYTES ? bytes : null;
}
