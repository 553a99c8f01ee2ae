// Helpers for tests of db and sync: a fresh fake-IndexedDB database per test (vitest.setup.ts installs fake-indexeddb).
import Dexie, { type ObservabilitySet } from 'dexie';
import type { Show, Ticket } from '../domain/types.ts';
import { KontrolDb } from './database.ts';
import { revRange } from './ticket-index.ts';
import { decodePage } from './ticket-pages.ts';
import type { ListedTicket } from './tickets.ts';

/**
 * Counts committed writes that touch `table` of `db` while `run` runs: each is one re-run of every
 * live query watching that table (Dexie's storagemutated event, which drives them).
 */
export async function writesTo(db: KontrolDb, table: string, run: () => Promise<unknown>): Promise<number> {
  let writes = 0;
  const count = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => part.startsWith(`idb://${db.name}/${table}/`))) writes += 1;
  };
  Dexie.on('storagemutated', count);
  try {
    await run();
  } finally {
    Dexie.on('storagemutated').unsubscribe(count);
  }
  return writes;
}

let counter = 0;
export function freshDb(): KontrolDb {
  counter += 1;
  return new KontrolDb(`kontrol-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const aShow = (id: number, active = true): Omit<Show, 'pulledAt'> => ({
  id, eventId: 7, eventName: 'Щелкунчик', startDate: '2026-12-29T19:00:00+03:00', active,
});

export const aListedTicket = (code: string, extra: Partial<Ticket> = {}): ListedTicket => ({
  code, admission: false, price: 1500, seatName: 'Партер: ряд 6, место 29', zoneName: 'Партер', row: '6', place: '29',
  clientName: 'Иван', clientSurname: 'Петров', clientMiddlename: 'Петрович', ...extra,
});

/**
 * Every stored ticket of the shows' current lists, read from IndexedDB itself (never the lists in
 * memory), sorted by show and code: what a reload of the app would find.
 */
export async function storedTickets(db: KontrolDb, showId?: number): Promise<Ticket[]> {
  return db.transaction('r', [db.shows, db.ticketPages], async () => {
    const tickets: Ticket[] = [];
    for (const show of await db.shows.toArray()) {
      if (!show.listRev || (showId !== undefined && show.id !== showId)) continue;
      const pages = await db.ticketPages.where('[showId+rev+page]').between(...revRange(show.id, show.listRev), true, true).toArray();
      for (const page of pages) decodePage(page, tickets);
    }
    return tickets.sort((a, b) => a.showId - b.showId || a.code.localeCompare(b.code));
  });
}

export async function storedTicket(db: KontrolDb, showId: number, code: string): Promise<Ticket | undefined> {
  return (await storedTickets(db, showId)).find((t) => t.code === code);
}
