import { afterEach, describe, expect, it } from 'vitest';
import { categoriesOf } from './categories.ts';
import type { KontrolDb } from './database.ts';
import { listShows, saveShows } from './shows.ts';
import { aListedTicket, aShow, freshDb } from './testing.ts';
import { replaceShowTickets } from './tickets.ts';

let db: KontrolDb;
afterEach(async () => db?.delete());

describe('categories on the lists', () => {
  it('names each show’s zones once, whatever their spelling, for the verdict badge', async () => {
    db = freshDb();
    await saveShows(db, [aShow(1), aShow(2)]);
    await replaceShowTickets(db, 1, [aListedTicket('1', { zoneName: 'VIP' }), aListedTicket('2', { zoneName: 'Партер' }), aListedTicket('3', { zoneName: 'партер ' })], '2026-12-29T18:00:00+03:00');
    await replaceShowTickets(db, 2, [aListedTicket('4', { zoneName: null })], '2026-12-29T18:00:00+03:00');
    const byShow = await categoriesOf(db, await listShows(db));
    expect(byShow.get(1)).toEqual(['VIP', 'Партер'].sort((a, b) => a.localeCompare(b, 'ru')));
    expect(byShow.get(2)).toEqual([]);
  });
});
