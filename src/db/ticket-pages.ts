// How a show's barcode list is laid out in IndexedDB: pages of PAGE_SIZE tickets, each page one
// record holding a column per field. One put per ticket cost about 0.16 ms in Chromium, so a
// 100,000-ticket list took 16 s to write; fifty column pages take about a second, and a page is
// read back in one get. Pure (no Dexie): database.ts declares the table, tickets.ts writes it.
import type { ShowId, Ticket } from '../domain/types.ts';

export const PAGE_SIZE = 2000;

/** A stored page. `rev` names the pull that wrote it: a list is the set of pages of one rev. */
export interface TicketPage {
  showId: ShowId;
  rev: string;
  page: number;
  /** Epoch ms: pages of a pull that never switched are removed once they are clearly abandoned. */
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

export type PageKey = [ShowId, string, number];

export function encodePages(showId: ShowId, rev: string, tickets: readonly Ticket[], writtenAt: number, size = PAGE_SIZE, firstPage = 0): TicketPage[] {
  const pages: TicketPage[] = [];
  for (let start = 0, page = firstPage; start < tickets.length; start += size, page++) {
    const slice = tickets.slice(start, start + size);
    pages.push({
      showId,
      rev,
      page,
      writtenAt,
      code: slice.map((t) => t.code),
      admission: slice.map((t) => (t.admission ? 1 : 0)),
      price: slice.map((t) => t.price),
      seatName: slice.map((t) => t.seatName),
      zoneName: slice.map((t) => t.zoneName),
      row: slice.map((t) => t.row),
      place: slice.map((t) => t.place),
      clientName: slice.map((t) => t.clientName),
      clientSurname: slice.map((t) => t.clientSurname),
      clientMiddlename: slice.map((t) => t.clientMiddlename),
      revoked: slice.map((t) => t.revoked),
    });
  }
  return pages;
}

/** Appends the page's tickets to `into` (one array for a whole list, no intermediate copies). */
export function decodePage(p: TicketPage, into: Ticket[]): void {
  const n = p.code.length;
  for (let i = 0; i < n; i++) {
    into.push({
      showId: p.showId,
      code: p.code[i] as string,
      admission: p.admission[i] === 1,
      price: p.price[i] ?? null,
      seatName: p.seatName[i] ?? null,
      zoneName: p.zoneName[i] ?? null,
      row: p.row[i] ?? null,
      place: p.place[i] ?? null,
      clientName: p.clientName[i] ?? null,
      clientSurname: p.clientSurname[i] ?? null,
      clientMiddlename: p.clientMiddlename[i] ?? null,
      revoked: p.revoked[i] === 1 ? 1 : 0,
    });
  }
}
