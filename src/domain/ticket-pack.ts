// A slice of a barcode list packed for storage and lookup: the codes end to end in one string,
// the text fields end to end as UTF-16 units in a typed array, flags and prices in typed arrays. Packed where the list
// is parsed (the barcode worker), it crosses to the page as a handful of values with its arrays
// transferred, is stored as it is (db/ticket-pages.ts) and looked up in place (db/ticket-list.ts).
// 100,000 tickets as objects meant a million small values on the page: 50-80 ms collector pauses
// while the door scanned. The text (names, seats: 11 MB at 100,000 Russian tickets) sits in an
// ArrayBuffer, outside the collector's heap: as a string it made the first second after opening
// end in a 40 ms full collection. A Ticket is built only for the code looked up.
import type { ShowId, Ticket } from './types.ts';

/** Tickets per pack as the barcode worker makes them: one page of the stored list each. */
export const PACK_SIZE = 2000;

/** The nullable text fields, in the order each ticket's are laid out in `text`. */
export const TEXT_FIELDS = ['seatName', 'zoneName', 'row', 'place', 'clientName', 'clientSurname', 'clientMiddlename'] as const;
const FIELDS = TEXT_FIELDS.length;

/** What a pack holds of a ticket: the show is the caller's, and a listed ticket is not revoked. */
export type PackableTicket = Omit<Ticket, 'showId' | 'revoked'> & { revoked?: 0 | 1 };

export interface PackedTickets {
  count: number;
  /** Every code end to end; code i ends at codeEnds[i] (lengths, not separators: a code may hold any character). */
  codes: string;
  codeEnds: Int32Array;
  /** Each ticket's TEXT_FIELDS end to end, as UTF-16 units; field f of ticket i ends at textEnds[i * 7 + f]. */
  text: Uint16Array;
  textEnds: Int32Array;
  /** 1 where that field is null (an empty string and null are different answers). */
  textNulls: Uint8Array;
  admission: Uint8Array;
  revoked: Uint8Array;
  /** NaN where the ticket has no price. */
  price: Float64Array;
}

export function packTickets(tickets: readonly PackableTicket[]): PackedTickets {
  const n = tickets.length;
  const codes: string[] = [];
  const codeEnds = new Int32Array(n);
  const textEnds = new Int32Array(n * FIELDS);
  const textNulls = new Uint8Array(n * FIELDS);
  const admission = new Uint8Array(n);
  const revoked = new Uint8Array(n);
  const price = new Float64Array(n);
  let codeEnd = 0;
  let textEnd = 0;
  for (let i = 0; i < n; i++) {
    const t = tickets[i] as PackableTicket;
    codes.push(t.code);
    codeEnd += t.code.length;
    codeEnds[i] = codeEnd;
    for (let f = 0; f < FIELDS; f++) {
      const value = t[TEXT_FIELDS[f] as (typeof TEXT_FIELDS)[number]];
      if (value === null) textNulls[i * FIELDS + f] = 1;
      else textEnd += value.length;
      textEnds[i * FIELDS + f] = textEnd;
    }
    admission[i] = t.admission ? 1 : 0;
    revoked[i] = t.revoked === 1 ? 1 : 0;
    price[i] = t.price ?? Number.NaN;
  }
  const text = new Uint16Array(textEnd);
  let at = 0;
  for (const t of tickets) {
    for (const name of TEXT_FIELDS) {
      const value = t[name];
      if (value === null) continue;
      for (let k = 0; k < value.length; k++) text[at++] = value.charCodeAt(k);
    }
  }
  return { count: n, codes: codes.join(''), codeEnds, text, textEnds, textNulls, admission, revoked, price };
}

/** Units → string, a chunk at a time (a spread of a long field would overflow the arguments). */
function unitsToString(units: Uint16Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 4096) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return out;
}

/** Packs of `size` tickets each, in order. */
export function packInSlices(tickets: readonly PackableTicket[], size: number): PackedTickets[] {
  const packs: PackedTickets[] = [];
  for (let start = 0; start < tickets.length; start += size) packs.push(packTickets(tickets.slice(start, start + size)));
  return packs;
}

/** The arrays a pack can hand over to another thread instead of copying. */
export function transferablesOf(p: PackedTickets): ArrayBuffer[] {
  return [p.codeEnds, p.text, p.textEnds, p.textNulls, p.admission, p.revoked, p.price].map((a) => a.buffer as ArrayBuffer);
}

export const codeStart = (p: PackedTickets, i: number): number => (i === 0 ? 0 : (p.codeEnds[i - 1] as number));

export function codeAt(p: PackedTickets, i: number): string {
  return p.codes.slice(codeStart(p, i), p.codeEnds[i]);
}

export function unpackTicket(p: PackedTickets, i: number, showId: ShowId): Ticket {
  const at = i * FIELDS;
  const field = (f: number): string | null => {
    if (p.textNulls[at + f] === 1) return null;
    const start = at + f === 0 ? 0 : (p.textEnds[at + f - 1] as number);
    return unitsToString(p.text, start, p.textEnds[at + f] as number);
  };
  const price = p.price[i] as number;
  return {
    showId,
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
