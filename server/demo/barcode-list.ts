// Serialises a show's barcode list fast enough for 100k tickets: a per-`select` encoder built
// once, per-ticket JSON cached (tickets never change; refunds only filter), and output in
// slices so the first bytes leave at once and back-pressure is respected.
import type { DemoTicket } from './seed.ts';

export const BARCODE_FIELDS = [
  'barcode', 'admission', 'price', 'seat_name', 'zone_name', 'row', 'place',
  'client_name', 'client_surname', 'client_middlename',
] as const;
export type BarcodeField = (typeof BARCODE_FIELDS)[number];
export const DEFAULT_BARCODE_SELECT: readonly BarcodeField[] = ['barcode', 'price', 'seat_name'];

const SLICE = 2000;
const MAX_CACHED_LISTS = 8;

/** Known fields of `select`, in the caller's order; the default set when none is known. */
export function barcodeFields(select: readonly string[] | null): BarcodeField[] {
  const known = (select ?? []).filter((f): f is BarcodeField => (BARCODE_FIELDS as readonly string[]).includes(f));
  return known.length > 0 ? [...new Set(known)] : [...DEFAULT_BARCODE_SELECT];
}

function encoder(fields: readonly BarcodeField[]): (t: DemoTicket) => string {
  const keys = fields.map((f, i) => `${i === 0 ? '{' : ','}"${f}":`);
  return (t) => {
    let out = '';
    for (let i = 0; i < fields.length; i++) {
      out += keys[i] + JSON.stringify(t[fields[i] as BarcodeField]);
    }
    return `${out}}`;
  };
}

export class BarcodeListCache {
  private readonly lists = new Map<string, string[]>();

  /** Per-ticket JSON for all tickets of a show (aligned with `tickets`), built once per select. */
  private encoded(showId: number, tickets: readonly DemoTicket[], fields: readonly BarcodeField[]): string[] {
    const key = `${showId}|${tickets.length}|${fields.join(',')}`;
    let list = this.lists.get(key);
    if (!list) {
      const encode = encoder(fields);
      list = tickets.map(encode);
      if (this.lists.size >= MAX_CACHED_LISTS) {
        const oldest = this.lists.keys().next().value;
        if (oldest !== undefined) this.lists.delete(oldest);
      }
      this.lists.set(key, list);
    }
    return list;
  }

  *serialise(
    showId: number,
    tickets: readonly DemoTicket[],
    refunded: ReadonlySet<string>,
    fields: readonly BarcodeField[],
  ): Generator<string> {
    const encoded = this.encoded(showId, tickets, fields);
    let first = true;
    yield '[';
    for (let start = 0; start < tickets.length; start += SLICE) {
      let chunk = '';
      const end = Math.min(start + SLICE, tickets.length);
      for (let i = start; i < end; i++) {
        if (refunded.size > 0 && refunded.has((tickets[i] as DemoTicket).barcode)) continue;
        chunk += (first ? '' : ',') + encoded[i];
        first = false;
      }
      if (chunk) yield chunk;
    }
    yield ']';
  }
}
