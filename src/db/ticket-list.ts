// One show's list in memory: its pages as stored (ticket-pages.ts) and a hash table from code to
// ticket over them. The table is one Int32Array and lookups compare against the pages' code
// strings in place, so a 100,000-ticket list costs a few hundred values on the heap, builds in a
// few milliseconds, and a lookup allocates nothing but the Ticket it returns. Pure (no Dexie).
import { codeStart } from '../domain/ticket-pack.ts';
import type { ShowId, Ticket } from '../domain/types.ts';
import { ticketAt, type TicketPage } from './ticket-pages.ts';

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

interface Found {
  page: TicketPage;
  i: number;
}

const revokedIn = (found: Found | null): 0 | 1 | null => (found ? (found.page.revoked[found.i] === 1 ? 1 : 0) : null);

/**
 * What Qtickets said of a ticket since the list was pulled (its webhooks, through the venue hub):
 * refunded or deleted (`revoked`), or newly sold (`listed`). Laid over the pulled list until a
 * later pull holds the same truth (db/ticket-changes.ts).
 */
export interface TicketAmendment {
  code: string;
  kind: 'revoked' | 'listed';
}

/** A ticket known only from a webhook: its code and show, nothing a basket does not carry. */
const bareTicket = (showId: ShowId, code: string): Ticket => ({
  showId, code, admission: false, price: null, seatName: null, zoneName: null, row: null, place: null,
  clientName: null, clientSurname: null, clientMiddlename: null, revoked: 0,
});

export class TicketList {
  private readonly stored: TicketPage[] = [];
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Distinct codes (a code listed twice is kept once: the first listing wins). */
  size = 0;
  /** Distinct codes not revoked, amendments included. */
  listed = 0;
  /** Distinct codes not revoked in the pulled pages alone. */
  private pagesListed = 0;
  /** Amendments by code (few: the webhooks heard since the last pull). */
  private amendments = new Map<string, TicketAmendment['kind']>();
  /** Which set of amendments this is (the show's `amended` count when they were read). */
  amendedAs = 0;

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

  /**
   * Adds a page's tickets; call in page order, pages of this list's show and rev only.
   * `onNew(i)` hears of each ticket of the page whose code the list did not hold yet.
   */
  add(page: TicketPage, onNew?: (i: number) => void): void {
    if (page.count >= SLOT_PAGE) throw new RangeError(`page of ${page.count} tickets`);
    const p = this.stored.length;
    this.stored.push(page);
    for (let i = 0; i < page.count; i++) {
      const start = codeStart(page, i);
      const end = page.codeEnds[i] as number;
      const slot = this.probe(page.codes, start, end);
      if (this.table[slot] !== 0) continue; // a duplicate code
      if (this.size * 2 >= this.table.length) throw new RangeError('list larger than its capacity');
      this.table[slot] = p * SLOT_PAGE + i + 1;
      this.size++;
      if (page.revoked[i] === 0) {
        this.pagesListed++;
        this.listed++;
      }
      onNew?.(i);
    }
  }

  /** The slot holding this code, or the empty slot where it would go. */
  private probe(text: string, start: number, end: number): number {
    let slot = hashOf(text, start, end) & this.mask;
    for (;;) {
      const entry = this.table[slot] as number;
      if (entry === 0) return slot;
      const page = this.stored[Math.floor((entry - 1) / SLOT_PAGE)] as TicketPage;
      const i = (entry - 1) % SLOT_PAGE;
      if (sameCode(page.codes, codeStart(page, i), page.codeEnds[i] as number, text, start, end)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The ticket whose code is text[start, end): no string is made to ask. */
  private find(code: string, start = 0, end = code.length): Found | null {
    const entry = this.table[this.probe(code, start, end)] as number;
    if (entry === 0) return null;
    return { page: this.stored[Math.floor((entry - 1) / SLOT_PAGE)] as TicketPage, i: (entry - 1) % SLOT_PAGE };
  }

  private findCodeOf(page: TicketPage, i: number): Found | null {
    return this.find(page.codes, codeStart(page, i), page.codeEnds[i] as number);
  }

  /** Its pages, in the order added. */
  get pages(): readonly TicketPage[] {
    return this.stored;
  }

  /**
   * Lays these amendments over the pulled pages, replacing any laid before: a revoked code is
   * revoked whatever the pages say, a listed one valid (a code the pages lack becomes a bare ticket).
   */
  amend(amendments: readonly TicketAmendment[], as: number): void {
    this.amendments = new Map(amendments.map((a) => [a.code, a.kind]));
    this.amendedAs = as;
    let listed = this.pagesListed;
    for (const [code, kind] of this.amendments) {
      const was = revokedIn(this.find(code));
      if (kind === 'listed' && was !== 0) listed++;
      if (kind === 'revoked' && was === 0) listed--;
    }
    this.listed = listed;
  }

  /** Codes amended to `listed` that the pulled pages do not hold. */
  private *amendedOnly(): Generator<string> {
    for (const [code, kind] of this.amendments) if (kind === 'listed' && this.find(code) === null) yield code;
  }

  private amended(ticket: Ticket): Ticket {
    const kind = this.amendments.get(ticket.code);
    return kind === undefined ? ticket : { ...ticket, revoked: kind === 'revoked' ? 1 : 0 };
  }

  get(code: string): Ticket | null {
    const found = this.find(code);
    if (found) return this.amendments.size === 0 ? ticketAt(found.page, found.i) : this.amended(ticketAt(found.page, found.i));
    const kind = this.amendments.get(code);
    return kind === undefined ? null : { ...bareTicket(this.showId, code), revoked: kind === 'revoked' ? 1 : 0 };
  }

  /** Whether the code is listed (0), revoked (1), or not in this list at all (null), amendments included. */
  revokedOf(code: string): 0 | 1 | null {
    const kind = this.amendments.get(code);
    if (kind !== undefined) return kind === 'revoked' ? 1 : 0;
    return revokedIn(this.find(code));
  }

  /** Whether the pulled pages list the code of ticket i of a page of another list (amendments aside), without making its string. */
  revokedAt(page: TicketPage, i: number): 0 | 1 | null {
    return revokedIn(this.findCodeOf(page, i));
  }

  /** Every distinct ticket, in stored order, amendments applied, built anew (search and the zone numbers keep what they derive). */
  tickets(): Ticket[] {
    const out: Ticket[] = [];
    for (const page of this.stored) {
      for (let i = 0; i < page.count; i++) if (this.isFirst(page, i)) out.push(this.amended(ticketAt(page, i)));
    }
    for (const code of this.amendedOnly()) out.push(bareTicket(this.showId, code));
    return out;
  }

  /** Tickets only the amendments list (sold since the pull), as bare tickets. */
  amendedTickets(): Ticket[] {
    return [...this.amendedOnly()].map((code) => bareTicket(this.showId, code));
  }

  /** False for the later listings of a duplicated code. */
  isFirst(page: TicketPage, i: number): boolean {
    const found = this.findCodeOf(page, i);
    return found !== null && found.page === page && found.i === i;
  }
}
