// Strings a scanner wedge, a camera or a person can hand the door, at their worst: huge bursts,
// control characters and NULs, emoji, right-to-left text and bidi overrides, HTML and script,
// lone surrogates. Seeded, so a failing case is replayable by its number.
import { chance, intBetween, pick, type Random } from './random.ts';

const FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg/onload=alert(1)>',
  "'; DROP TABLE tickets; --",
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '../../etc/passwd',
  '%00%0d%0a',
  'javascript:alert(1)',
  '&lt;b&gt;&amp;',
  '\u202Eexe.gnp',
  'مرحبا بالعالم',
  'שלום',
  'Проходите',
  '🎫🎟️👨‍👩‍👧‍👦🏳️‍🌈',
  '\u200B\u200C\u200D\uFEFF\u2060',
  '\u0000\u0001\u001B[31m\u007F\u0085',
  '\uD800',
  '\uDFFF\uD800',
  ' \t\r\n ',
  '877076325904',
  '8770763259041',
  '0'.repeat(13),
  '__proto__',
  'constructor',
  'hasOwnProperty',
];

const ALPHABETS = [
  '0123456789',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  '<>"\'&/\\;:{}[]()=%$#@!?*+,.|`~^',
  '\u0000\u0001\u0002\u0003\u0004\u001B\u001D\u001E\u007F\t\r\n\u000B\u000C',
  '\u200B\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF\u00AD',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ',
  'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  'אבגדהוזחטיכלמנסעפצקרשת',
  '😀🎫🎟️🚪✅❌⚠️🔥',
];

function randomRun(random: Random, length: number): string {
  const alphabet = [...pick(random, ALPHABETS)];
  let out = '';
  for (let i = 0; i < length; i++) out += pick(random, alphabet);
  return out;
}

/** One hostile string; `listed` codes are sometimes embedded, wrapped in junk a wedge might add. */
export function hostileInput(random: Random, listed: readonly string[] = []): string {
  const shape = intBetween(random, 0, 9);
  if (shape === 0) return randomRun(random, intBetween(random, 1, 64));
  if (shape === 1) return pick(random, FRAGMENTS);
  if (shape === 2) {
    // A runaway burst: a stuck key or a scanner looping.
    return (chance(random, 0.5) ? randomRun(random, 1) : pick(random, FRAGMENTS)).repeat(intBetween(random, 500, 20_000));
  }
  if (shape === 3 && listed.length > 0) {
    const junk = () => pick(random, ['', '\r', '\n', '\t', ' ', '\u0000', '\u001D', '\u200B', '\uFEFF', '\u202E', '\u0002']);
    return `${junk()}${junk()}${pick(random, listed)}${junk()}${junk()}`;
  }
  let out = '';
  const parts = intBetween(random, 1, 8);
  for (let i = 0; i < parts; i++) out += chance(random, 0.5) ? pick(random, FRAGMENTS) : randomRun(random, intBetween(random, 0, 40));
  return out;
}
