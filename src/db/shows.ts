import type { Show, ShowId } from '../domain/types.ts';
import type { KontrolDb, StoredShow } from './database.ts';

export const listShows = (db: KontrolDb): Promise<StoredShow[]> => db.shows.toArray();

/** Adds or updates shows, keeping the pull time and the door's active choice of ones already stored. */
export async function saveShows(db: KontrolDb, shows: Omit<Show, 'pulledAt'>[]): Promise<void> {
  await db.transaction('rw', db.shows, async () => {
    for (const show of shows) {
      const old = await db.shows.get(show.id);
      await db.shows.put({ ...show, pulledAt: old?.pulledAt ?? null });
    }
  });
}

export async function setShowActive(db: KontrolDb, id: ShowId, active: boolean): Promise<void> {
  await db.shows.update(id, { active });
}
