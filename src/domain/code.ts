// Normalising what a scanner, a camera or a person typed into the code we look up.
// Scanners add CR/LF/TAB, prefixes of control characters, zero-width marks; people add spaces,
// and codes printed in groups ("8785 1877 6863", "8785-1877-6863") arrive with their separators.

/** Longest input we keep: real codes are ~12 characters; a runaway wedge burst must not bloat the log. */
export const MAX_CODE_LENGTH = 256;

// Cc: control characters (NUL, ESC, GS1 group separators…); Cf: invisible format marks
// (zero-width space, BOM, bidi overrides) that a copy-paste or a misconfigured scanner adds.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

// Digit groups joined by spaces (any Unicode space: a copied e-mail brings no-break and thin ones)
// or dashes (hyphen-minus, the Unicode hyphens and dashes up to en dash, minus sign). Only when
// every group is digits: in "AB-12" the dash may belong to the code, and we cannot know.
const GROUPED_DIGITS = /^\d+(?:[\s\-\u2010-\u2013\u2212]+\d+)+$/u;
const SEPARATORS = /[\s\-\u2010-\u2013\u2212]+/gu;

/** The code to look up, or null when nothing meaningful is left. */
export function normaliseCode(raw: string): string | null {
  const cleaned = raw.replace(INVISIBLE, '').trim();
  if (cleaned.length === 0) return null;
  const joined = GROUPED_DIGITS.test(cleaned) ? cleaned.replace(SEPARATORS, '') : cleaned;
  return joined.length > MAX_CODE_LENGTH ? joined.slice(0, MAX_CODE_LENGTH) : joined;
}

/** EAN-13 check digit of the first 12 digits (weights 1,3,1,3… from the left). */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/**
 * Codes a read may stand for, most likely first. Qtickets codes are 12 digits; a ticket printed
 * as EAN-13 reads as those 12 digits plus a check digit, so a 13-digit read whose check digit is
 * right may also be the 12-digit code (qtickets-api-facts, unknown 6).
 */
export function candidateCodes(code: string): string[] {
  if (/^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12])) {
    return [code, code.slice(0, 12)];
  }
  return [code];
}

/**
 * Whether a read may be a Qtickets code worth asking the server about (late sales): letters and
 * digits only, 6 to 64 of them. A camera that caught a URL, a wedge that sent a burst of noise or a
 * person's typo with spaces stays on the device: the server is asked only about what can be a ticket.
 */
export function isPlausibleTicketCode(code: string): boolean {
  return /^[A-Za-z0-9]{6,64}$/.test(code);
}
