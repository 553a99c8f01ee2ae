// Pulls held back for a supervisor (db/held-pulls.ts): which shows, and the two answers a person
// can give — take the server's short list after all, or keep the one in use.
import { listHeldPulls, type HeldPull } from '../db/held-pulls.ts';
import { listShows } from '../db/shows.ts';
import { useLiveQuery } from './live-query.ts';
import { useServices } from './services.tsx';

export interface HeldPullView extends HeldPull {
  eventName: string;
  startDate: string | null;
}

export function useHeldPulls() {
  const { db, door } = useServices();
  const held = useLiveQuery(async () => {
    const pulls = await listHeldPulls(db);
    if (pulls.length === 0) return [];
    const shows = new Map((await listShows(db)).map((s) => [s.id, s]));
    return pulls.flatMap((p): HeldPullView[] => {
      const show = shows.get(p.showId);
      return show ? [{ ...p, eventName: show.eventName, startDate: show.startDate }] : [];
    });
  }, [db]);
  return { held: held ?? [], accept: door.acceptHeldPull, keep: door.keepHeldPull };
}
