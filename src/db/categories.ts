// The categories (Qtickets' zone_name) on the lists of some shows, for the verdict's badge. Read
// once per pulled list and kept beside it: the scan screen asks on opening, and walking a
// stadium's list must not be repeated, nor build the whole search snapshot the zone picker uses.
import type { ShowId } from '../domain/types.ts';
import { distinctZones } from '../domain/zones.ts';
import type { KontrolDb, StoredShow } from './database.ts';
import { currentLists, type ShowList } from './ticket-index.ts';
import { ticketAt } from './ticket-pages.ts';

const zonesOfList = new WeakMap<ShowList, string[]>();

function zonesOf(list: ShowList): string[] {
  let zones = zonesOfList.get(list);
  if (!zones) {
    const names = new Set<string>();
    for (const page of list.pages) for (let i = 0; i < page.count; i++) names.add(ticketAt(page, i).zoneName ?? '');
    zones = distinctZones(names);
    zonesOfList.set(list, zones);
  }
  return zones;
}

/** Zone names per show, for the shows given (their current lists). */
export async function categoriesOf(db: KontrolDb, shows: readonly StoredShow[]): Promise<Map<ShowId, string[]>> {
  const lists = await currentLists(db, shows);
  return new Map([...lists].map(([showId, list]) => [showId, zonesOf(list)]));
}
