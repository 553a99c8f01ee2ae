// Helpers for tests of db and sync: a fresh fake-IndexedDB database per test (vitest.setup.ts installs fake-indexeddb).
import type { Show, Ticket } from '../domain/types.ts';
import { KontrolDb } from './database.ts';
import type { ListedTicket } from './tickets.ts';

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
