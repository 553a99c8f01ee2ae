// Finding a guest without their ticket: by surname, name, seat or a fragment of the code, on the
// device, in any case and with ё typed as е (most people do). Built once per list, queried on
// every keystroke, so a query is a plain loop over prepared strings: no allocation per ticket.
import type { Ticket } from './types.ts';

/** Shorter queries match half the list and tell the person nothing. */
export const MIN_QUERY_LENGTH = 2;
export const DEFAULT_LIMIT = 50;

/** Lower case, ё → е, every run of non-letters and non-digits → one space. */
export function normaliseForSearch(text: string): string {
  // Plain toLowerCase: Cyrillic needs no locale rules, and the locale-aware one is far slower.
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchEntry {
  ticket: Ticket;
  /** ' ' + name and seat words: a word prefix is a match of ' ' + token. */
  words: string;
  surname: string;
  code: string;
}

/**
 * Every entry's words and code laid end to end in one string (`\n words \t code` per ticket),
 * so a query jumps from match to match with indexOf (one native scan) instead of visiting
 * 100 000 strings one by one.
 */
export interface SearchIndex {
  entries: readonly SearchEntry[];
  text: string;
  /** Offset of each entry's `\n` in `text`. */
  starts: Int32Array;
  /** Offset of each entry's `\t` (its code follows). */
  codeStarts: Int32Array;
}

export function buildSearchIndex(tickets: Iterable<Ticket>): SearchIndex {
  const entries: SearchEntry[] = [];
  for (const t of tickets) {
    const name = [t.clientSurname, t.clientName, t.clientMiddlename].filter(Boolean).join(' ');
    const seat = [t.seatName, t.zoneName, t.row, t.place].filter(Boolean).join(' ');
    entries.push({
      ticket: t,
      words: ` ${normaliseForSearch(`${name} ${seat}`)}`,
      surname: normaliseForSearch(t.clientSurname ?? ''),
      code: t.code.toLowerCase().replace(/[\n\t]/g, ' '),
    });
  }
  const starts = new Int32Array(entries.length);
  const codeStarts = new Int32Array(entries.length);
  const parts: string[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    starts[i] = offset;
    codeStarts[i] = offset + 1 + e.words.length;
    parts.push(`\n${e.words}\t${e.code}`);
    offset += 2 + e.words.length + e.code.length;
  });
  return { entries, text: parts.join(''), starts, codeStarts };
}

/** The entry whose slice of the text holds this offset, searching from entry `from` on (hits only grow). */
function entryAt(starts: Int32Array, position: number, from: number): number {
  let lo = Math.max(0, from);
  if (lo + 1 >= starts.length || (starts[lo + 1] as number) > position) return lo;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const matches = (entry: SearchEntry, token: string) => entry.words.includes(` ${token}`) || entry.code.includes(token);

export interface SearchHit {
  ticket: Ticket;
  /** Lower is better: exact code, surname start, word start, code fragment. */
  score: number;
}

/**
 * Every word of the query must match: as the start of a name or seat word, or anywhere in the
 * code. Results: best first, then by surname; at most `limit`.
 */
export function searchTickets(index: SearchIndex, query: string, limit = DEFAULT_LIMIT): SearchHit[] {
  return searchTicketsCounted(index, query, limit).hits;
}

/** searchTickets, and how many matched in all: the screen says "first 50 of 312", not just 50. */
export function searchTicketsCounted(index: SearchIndex, query: string, limit = DEFAULT_LIMIT): { hits: SearchHit[]; total: number } {
  const q = normaliseForSearch(query);
  if (q.replace(/ /g, '').length < MIN_QUERY_LENGTH) return { hits: [], total: 0 };
  const tokens = q.split(' ');
  const first = tokens[0] ?? '';
  const { text, starts, codeStarts, entries } = index;
  const driver = rarest(text, tokens);
  const others = tokens.filter((t) => t !== driver);
  // Bucketed by score, so only the buckets that fill the page are sorted.
  const buckets: SearchEntry[][] = [[], [], [], [], []];
  let last = -1;
  for (let at = text.indexOf(driver); at !== -1; at = text.indexOf(driver, at + 1)) {
    const i = entryAt(starts, at, last < 0 ? 0 : last);
    if (i === last) continue;
    // A hit counts at the start of a word, or anywhere in the code.
    if (at <= (codeStarts[i] as number) && text.charCodeAt(at - 1) !== 32) continue;
    last = i;
    const entry = entries[i] as SearchEntry;
    if (!others.every((t) => matches(entry, t))) continue;
    let score = 4;
    if (entry.code === q) score = 0;
    else if (entry.surname.startsWith(first)) score = 1;
    else if (entry.words.includes(` ${first}`)) score = 2;
    else if (entry.code.includes(first)) score = 3;
    (buckets[score] as SearchEntry[]).push(entry);
  }
  const hits: SearchHit[] = [];
  for (let score = 0; score < buckets.length && hits.length < limit; score++) {
    // Normalised strings compare in alphabetical order by code unit (ё is already е): no
    // collator needed, which matters when two letters match half the list.
    const bucket = (buckets[score] as SearchEntry[]).sort((a, b) => cmp(a.surname, b.surname) || cmp(a.code, b.code));
    for (const entry of bucket) {
      if (hits.length >= limit) break;
      hits.push({ ticket: entry.ticket, score });
    }
  }
  return { hits, total: buckets.reduce((sum, b) => sum + b.length, 0) };
}

/**
 * The query word that drives the scan: the one seen least in a sample of the text, since every
 * occurrence is a visit ("vip ряд 3" should walk the VIP tickets, not every code with a 3).
 */
function rarest(text: string, tokens: readonly string[]): string {
  if (tokens.length === 1) return tokens[0] as string;
  const sampleEnd = Math.min(text.length, 200_000);
  let best = tokens[0] as string;
  let bestCount = Infinity;
  for (const token of new Set(tokens)) {
    let count = 0;
    for (let at = text.indexOf(token); at !== -1 && at < sampleEnd && count < bestCount; at = text.indexOf(token, at + 1)) count++;
    if (count < bestCount || (count === bestCount && token.length > best.length)) {
      best = token;
      bestCount = count;
    }
  }
  return best;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
