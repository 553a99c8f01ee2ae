// Pulls held back for a supervisor (db/held-pulls.ts): which shows, and the two answers a person
// can give — take the server's short list after all, or keep the one in use.
import { useCallback } from 'react';
import { clearHeldPull, listHeldPulls, type HeldPull } from '../db/held-pulls.ts';
import { getToken } from '../db/settings.ts';
import { listShows } from '../db/shows.ts';
import type { ShowId } from '../domain/types.ts';
import { pullShow } from '../sync/pull.ts';
import { useLiveQuery } from './live-query.ts';
import { useServices } from './services.tsx';

export interface HeldPullView extends HeldPull {
  eventName: string;
  startDate: string | null;
}

export function useHeldPulls() {
  const { db, api } = useServices();
  const held = useLiveQuery(async () => {
    const pulls = await listHeldPulls(db);
    if (pulls.length === 0) return [];
    const shows = new Map((await listShows(db)).map((s) => [s.id, s]));
    return pulls.flatMap((p): HeldPullView[] => {
      const show = shows.get(p.showId);
      return show ? [{ ...p, eventName: show.eventName, startDate: show.startDate }] : [];
    });
  }, [db]);
  const accept = useCallback(
    async (showId: ShowId) => {
      const token = await getToken(db);
      if (!token) return false;
      const outcome = await pullShow(db, api, token, showId, undefined, { acceptShrink: true });
      return outcome.ok;
    },
    [db, api],
  );
  const keep = useCallback((showId: ShowId) => clearHeldPull(db, showId), [db]);
  return { held: held ?? [], accept, keep };
}
