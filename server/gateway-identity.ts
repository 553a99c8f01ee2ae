// Who is asking: the Bearer token (known to us only by a fingerprint) and the client address.
import { createHash } from 'node:crypto';
import net from 'node:net';

/** The token of an `Authorization: Bearer <token>` header, or null for anything else. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer[ \t]+(.+)$/i.exec(authorization ?? '');
  const token = match?.[1]?.trim() ?? '';
  return token === '' ? null : token;
}

/**
 * Stands for a token in rate limits and in-flight counts: the first 16 hex digits of its SHA-256.
 * Enough to tell the venues using one gateway apart; the token itself is never kept. The venue
 * hub asks for 32 digits: there the fingerprint is what grants a room, so finding another token
 * with the same one must be out of reach, not merely unlikely.
 */
export function tokenFingerprint(token: string, hexDigits = 16): string {
  return createHash('sha256').update(token, 'utf8').digest('hex').slice(0, hexDigits);
}

/**
 * The client's address. Without trusted proxies it is the socket's peer: X-Forwarded-For can be
 * written by anyone. With `trustedHops` = N, the last N hops (our own reverse proxies) are trusted
 * and the client is the address the outermost of them saw: the Nth entry of X-Forwarded-For
 * counted from the right. An entry that is no IP address means a proxy is misconfigured; the
 * socket's address is used then, which is at worst one shared bucket, never a spoofable one.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const peer = socketAddress ?? 'unknown';
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (chain.length === 0) return peer;
  // Fewer entries than trusted hops: the leftmost is as far as anyone vouched for.
  const entry = chain[Math.max(0, chain.length - trustedHops)] ?? '';
  return net.isIP(entry) !== 0 ? entry : peer;
}

/** TRUST_PROXY as start.ts reads it: unset/empty → 0 (trust nobody), else a hop count. */
export function parseTrustProxy(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') return 0;
  if (!/^[0-9]{1,2}$/.test(text)) throw new Error(`TRUST_PROXY must be the number of reverse proxies in front of Kontrol (e.g. 1), not "${text}"`);
  return Number(text);
}
