// How a show's barcode list is laid out in IndexedDB: pages of PAGE_SIZE tickets, each page one
// record holding a pack (domain/ticket-pack.ts: a few long strings and typed arrays). One put per
// ticket cost about 0.16 ms in Chromium (16 s for 100,000); fifty pages take well under a second,
// and reading a list back makes a few hundred values, not a million. Pure (no Dexie):
// database.ts declares the table, tickets.ts writes it, ticket-list.ts looks codes up in it.
import { PACK_SIZE, packInSlices, packTickets, unpackTicket, type PackableTicket, type PackedTickets } from '../domain/ticket-pack.ts';
import type { ShowId, Ticket } from '../domain/types.ts';

export const PAGE_SIZE = PACK_SIZE;

/** A stored page. `rev` names the pull that wrote it: a list is the set of pages of one rev. */
export interface TicketPage extends PackedTickets {
  showId: ShowId;
  rev: string;
  page: number;
  /** Epoch ms: pages of a pull that never switched are removed once they are clearly abandoned. */
  writtenAt: number;
}

export type PageKey = [ShowId, string, number];

export function pageOf(showId: ShowId, rev: string, page: number, pack: PackedTickets, writtenAt: number): TicketPage {
  return { ...pack, showId, rev, page, writtenAt };
}

export function encodePages(showId: ShowId, rev: string, tickets: readonly PackableTicket[], writtenAt: number, size = PAGE_SIZE): TicketPage[] {
  return packInSlices(tickets, size).map((pack, page) => pageOf(showId, rev, page, pack, writtenAt));
}

export const ticketAt = (p: TicketPage, i: number): Ticket => unpackTicket(p, i, p.showId);

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

/** Schema v5 upgrade: the same tickets, same key, packed. */
export function repackColumnArrayPage(old: ColumnArrayPage): TicketPage {
  const tickets: PackableTicket[] = old.code.map((code, i) => ({
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
  return pageOf(old.showId, old.rev, old.page, packTickets(tickets), old.writtenAt);
}

/** Schema v6 upgrade: v5 kept the text as a string; the same units move into a typed array (offsets unchanged). */
export function moveTextToUnits(page: Omit<TicketPage, 'text'> & { text: string }): TicketPage {
  const text = new Uint16Array(page.text.length);
  for (let i = 0; i < text.length; i++) text[i] = page.text.charCodeAt(i);
  return { ...page, text };
}
