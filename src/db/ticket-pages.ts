// How a show's barcode list is laid out in IndexedDB and in memory: pages of PAGE_SIZE tickets,
// each page one record of a few long strings and typed arrays. One put per ticket cost about
// 0.16 ms in Chromium (16 s for 100,000); fifty pages take about a second. A page holds no
// per-ticket objects or strings, so reading a 100,000-ticket list back makes ~500 values instead
// of ~1,000,000, and the garbage collector no longer copies a million survivors (60-80 ms pauses
// in the first second after opening, right when the first ticket is scanned). A Ticket is built
// only for the code looked up. Pure (no Dexie): database.ts declares the table, tickets.ts writes.
import type { ShowId, Ticket } from '../domain/types.ts';

export const PAGE_SIZE = 2000;

/** The nullable text fields, in the order each ticket's are laid out in a page's `text`. */
export const TEXT_FIELDS = ['seatName', 'zoneName', 'row', 'place', 'clientName', 'clientSurname', 'clientMiddlename'] as const;
const FIELDS = TEXT_FIELDS.length;

/** A stored page. `rev` names the pull that wrote it: a list is the set of pages of one rev. */
export interface TicketPage {
  showId: ShowId;
  rev: string;
  page: number;
  /** Epoch ms: pages of a pull that never switched are removed once they are clearly abandoned. */
  writtenAt: number;
  count: number;
  /** Every code end to end; code i ends at codeEnds[i] (lengths, not separators: a code may hold any character). */
  codes: string;
  codeEnds: Int32Array;
  /** Each ticket's TEXT_FIELDS end to end; field f of ticket i ends at textEnds[i * 7 + f]. */
  text: string;
  textEnds: Int32Array;
  /** 1 where that field is null (an empty string and null are different answers). */
  textNulls: Uint8Array;
  admission: Uint8Array;
  revoked: Uint8Array;
  /** NaN where the ticket has no price. */
  price: Float64Array;
}

export type PageKey = [ShowId, string, number];

/** What a page stores of a ticket: its show is the page's, and a listed ticket is not revoked. */
export type PagedTicket = Omit<Ticket, 'showId' | 'revoked'> & { revoked?: 0 | 1 };

export function encodePage(showId: ShowId, rev: string, page: number, tickets: readonly PagedTicket[], writtenAt: number): TicketPage {
  const n = tickets.length;
  const codes: string[] = [];
  const codeEnds = new Int32Array(n);
  const text: string[] = [];
  const textEnds = new Int32Array(n * FIELDS);
  const textNulls = new Uint8Array(n * FIELDS);
  const admission = new Uint8Array(n);
  const revoked = new Uint8Array(n);
  const price = new Float64Array(n);
  let codeEnd = 0;
  let textEnd = 0;
  for (let i = 0; i < n; i++) {
    const t = tickets[i] as PagedTicket;
    codes.push(t.code);
    codeEnd += t.code.length;
    codeEnds[i] = codeEnd;
    for (let f = 0; f < FIELDS; f++) {
      const value = t[TEXT_FIELDS[f] as (typeof TEXT_FIELDS)[number]];
      if (value === null) textNulls[i * FIELDS + f] = 1;
      else {
        text.push(value);
        textEnd += value.length;
      }
      textEnds[i * FIELDS + f] = textEnd;
    }
    admission[i] = t.admission ? 1 : 0;
    revoked[i] = t.revoked === 1 ? 1 : 0;
    price[i] = t.price ?? Number.NaN;
  }
  return { showId, rev, page, writtenAt, count: n, codes: codes.join(''), codeEnds, text: text.join(''), textEnds, textNulls, admission, revoked, price };
}

export function encodePages(showId: ShowId, rev: string, tickets: readonly PagedTicket[], writtenAt: number, size = PAGE_SIZE, firstPage = 0): TicketPage[] {
  const pages: TicketPage[] = [];
  for (let start = 0, page = firstPage; start < tickets.length; start += size, page++) {
    pages.push(encodePage(showId, rev, page, tickets.slice(start, start + size), writtenAt));
  }
  return pages;
}

export const codeStart = (p: TicketPage, i: number): number => (i === 0 ? 0 : (p.codeEnds[i - 1] as number));

export function codeAt(p: TicketPage, i: number): string {
  return p.codes.slice(codeStart(p, i), p.codeEnds[i]);
}

export function ticketAt(p: TicketPage, i: number): Ticket {
  const at = i * FIELDS;
  const field = (f: number): string | null => {
    if (p.textNulls[at + f] === 1) return null;
    const start = at + f === 0 ? 0 : (p.textEnds[at + f - 1] as number);
    return p.text.slice(start, p.textEnds[at + f]);
  };
  const price = p.price[i] as number;
  return {
    showId: p.showId,
    code: codeAt(p, i),
    admission: p.admission[i] === 1,
    price: Number.isNaN(price) ? null : price,
    seatName: field(0),
    zoneName: field(1),
    row: field(2),
    place: field(3),
    clientName: field(4),
    clientSurname: field(5),
    clientMiddlename: field(6),
    revoked: p.revoked[i] === 1 ? 1 : 0,
  };
}

/** Appends every ticket of the page to `into`. */
export function decodePage(p: TicketPage, into: Ticket[]): void {
  for (let i = 0; i < p.count; i++) into.push(ticketAt(p, i));
}

/** A page as schema v3 stored it: one array per field. */
export interface ColumnArrayPage {
  showId: ShowId;
  rev: string;
  page: number;
  writtenAt: number;
  code: string[];
  admission: (0 | 1)[];
  price: (number | null)[];
  seatName: (string | null)[];
  zoneName: (string | null)[];
  row: (string | null)[];
  place: (string | null)[];
  clientName: (string | null)[];
  clientSurname: (string | null)[];
  clientMiddlename: (string | null)[];
  revoked: (0 | 1)[];
}

/** Schema v5 upgrade: the same tickets, same key, in the packed layout. */
export function repackColumnArrayPage(old: ColumnArrayPage): TicketPage {
  const tickets: PagedTicket[] = old.code.map((code, i) => ({
    code,
    admission: old.admission[i] === 1,
    price: old.price[i] ?? null,
    seatName: old.seatName[i] ?? null,
    zoneName: old.zoneName[i] ?? null,
    row: old.row[i] ?? null,
    place: old.place[i] ?? null,
    clientName: old.clientName[i] ?? null,
    clientSurname: old.clientSurname[i] ?? null,
    clientMiddlename: old.clientMiddlename[i] ?? null,
    revoked: old.revoked[i] === 1 ? 1 : 0,
  }));
  return encodePage(old.showId, old.rev, old.page, tickets, old.writtenAt);
}
