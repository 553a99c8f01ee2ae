// The kiosk PIN: only a salted PBKDF2 hash is stored (WebCrypto), and wrong PINs slow down
// exponentially, so a passer-by at a turnstile cannot try all 10 000 four-digit PINs.

export interface PinHash {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64, 256 bits */
  hash: string;
}

/** A phone derives this in well under a second; a 4-digit PIN offline is still weak, hence the delay below. */
export const PIN_ITERATIONS = 210_000;
export const PIN_PATTERN = /^\d{4,8}$/;

export const isValidPin = (pin: string): boolean => PIN_PATTERN.test(pin);

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS, salt = crypto.getRandomValues(new Uint8Array(16))): Promise<PinHash> {
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)) };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  if (actual.length !== expected.length) return false;
  // Compare every byte: the time taken does not tell how much of the PIN was right.
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0;
}

export interface PinThrottle {
  failures: number;
  /** Epoch ms before which no PIN is checked. */
  notBefore: number;
}

export const NO_THROTTLE: PinThrottle = { failures: 0, notBefore: 0 };
const FREE_TRIES = 3;
const MAX_DELAY_MS = 15 * 60 * 1000;

/** Three free tries for fat fingers, then 2 s, 4 s, 8 s … up to 15 minutes. */
export function pinDelayMs(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_TRIES + 1));
}

export function afterWrongPin(throttle: PinThrottle, now: number): PinThrottle {
  const failures = throttle.failures + 1;
  return { failures, notBefore: now + pinDelayMs(failures) };
}
