// One show's list in memory: its pages as stored (ticket-pages.ts) and a hash table from code to
// ticket over them. The table is one Int32Array and lookups compare against the pages' code
// strings in place, so a 100,000-ticket list costs a few hundred values on the heap, builds in a
// few milliseconds, and a lookup allocates nothing but the Ticket it returns. Pure (no Dexie).
import type { ShowId, Ticket } from '../domain/types.ts';
import { codeAt, codeStart, ticketAt, type TicketPage } from './ticket-pages.ts';

/** A table slot holds page * SLOT_PAGE + index + 1 (0: empty); a page holds fewer tickets than this. */
const SLOT_PAGE = 0x10000;

/** FNV-1a over the UTF-16 units of text[start, end). */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sameCode(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (a.charCodeAt(aStart + i) !== b.charCodeAt(bStart + i)) return false;
  return true;
}

export class TicketList {
  private readonly pages: TicketPage[] = [];
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Distinct codes (a code listed twice is kept once: the first listing wins). */
  size = 0;
  /** Distinct codes not revoked. */
  listed = 0;

  /** `capacity`: the most tickets the pages added will hold (sizes the table once). */
  constructor(
    readonly showId: ShowId,
    readonly rev: string,
    capacity: number,
  ) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2; // at most half full: probes stay short
    this.table = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** Adds a page's tickets; call in page order, pages of this list's show and rev only. */
  add(page: TicketPage): void {
    if (page.count >= SLOT_PAGE) throw new RangeError(`page of ${page.count} tickets`);
    const p = this.pages.length;
    this.pages.push(page);
    for (let i = 0; i < page.count; i++) {
      const start = codeStart(page, i);
      const end = page.codeEnds[i] as number;
      const slot = this.probe(page.codes, start, end);
      if (this.table[slot] !== 0) continue; // a duplicate code
      if (this.size * 2 >= this.table.length) throw new RangeError('list larger than its capacity');
      this.table[slot] = p * SLOT_PAGE + i + 1;
      this.size++;
      if (page.revoked[i] === 0) this.listed++;
    }
  }

  /** The slot holding this code, or the empty slot where it would go. */
  private probe(text: string, start: number, end: number): number {
    let slot = hashOf(text, start, end) & this.mask;
    for (;;) {
      const entry = this.table[slot] as number;
      if (entry === 0) return slot;
      const page = this.pages[Math.floor((entry - 1) / SLOT_PAGE)] as TicketPage;
      const i = (entry - 1) % SLOT_PAGE;
      if (sameCode(page.codes, codeStart(page, i), page.codeEnds[i] as number, text, start, end)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private find(code: string): { page: TicketPage; i: number } | null {
    const entry = this.table[this.probe(code, 0, code.length)] as number;
    if (entry === 0) return null;
    return { page: this.pages[Math.floor((entry - 1) / SLOT_PAGE)] as TicketPage, i: (entry - 1) % SLOT_PAGE };
  }

  get(code: string): Ticket | null {
    const found = this.find(code);
    return found ? ticketAt(found.page, found.i) : null;
  }

  /** Whether the code is listed (0), revoked (1), or not in this list at all (null). */
  revokedOf(code: string): 0 | 1 | null {
    const found = this.find(code);
    return found ? (found.page.revoked[found.i] === 1 ? 1 : 0) : null;
  }

  /** Every distinct code, in stored order. */
  *codes(): Generator<string> {
    for (const page of this.pages) {
      for (let i = 0; i < page.count; i++) {
        const code = codeAt(page, i);
        if (this.isFirst(page, i, code)) yield code;
      }
    }
  }

  /** Every distinct ticket, built anew (search and the zone numbers keep what they derive). */
  tickets(): Ticket[] {
    const out: Ticket[] = [];
    for (const page of this.pages) {
      for (let i = 0; i < page.count; i++) if (this.isFirst(page, i, codeAt(page, i))) out.push(ticketAt(page, i));
    }
    return out;
  }

  /** False for the later listings of a duplicated code. */
  private isFirst(page: TicketPage, i: number, code: string): boolean {
    const found = this.find(code);
    return found !== null && found.page === page && found.i === i;
  }
}
