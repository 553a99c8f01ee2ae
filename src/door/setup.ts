// Setting a device up: the token's events, then the picked shows downloaded and made exactly the
// ones this door admits. The screens drive it through state/setup.ts; the words are ui/'s.
import { sortEventsForDoor, type ApiError, type ApiEvent, type QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { setToken } from '../db/settings.ts';
import { listShows, setShowActive } from '../db/shows.ts';
import { setDeviceName } from '../db/venue.ts';
import type { Show, ShowId } from '../domain/types.ts';
import type { SyncLoop } from '../sync/loop.ts';
import { downloadShows, showsFromEvents, type DownloadProgress, type PullOutcome } from '../sync/pull.ts';

/** What went wrong in setup, as data: the screen words it (src/ui/errors/describe.ts). */
export type SetupProblem =
  /** A call failed; `show` names the show by its title when the failure was one show's. */
  | { kind: 'api'; error: ApiError; show: string }
  /** A setup link named shows the token's events do not hold. */
  | { kind: 'shows_not_found'; ids: string };

export class SetupError extends Error {
  constructor(readonly problem: SetupProblem) {
    super(problem.kind);
    this.name = 'SetupError';
  }
}

export interface DownloadRequest {
  token: string;
  shows: Omit<Show, 'pulledAt'>[];
  /** The device's name for the venue ("Вход 2"), when the setup link carried one. */
  deviceName?: string;
}

export interface SetupParts {
  db: KontrolDb;
  api: QticketsClient;
  sync: Pick<SyncLoop, 'kick'>;
  /** The token and the door's shows changed: the venue hub is joined again with them. */
  rejoinVenue: () => void;
}

export function createSetup({ db, api, sync, rejoinVenue }: SetupParts) {
  return {
    /** The token's events, the door's likely ones first; a failed call is a SetupError. */
    async events(token: string, signal?: AbortSignal): Promise<ApiEvent[]> {
      const result = await api.listAllEvents(token, { signal });
      if (!result.ok) throw new SetupError({ kind: 'api', error: result.error, show: '' });
      return sortEventsForDoor(result.value, new Date());
    },

    /** Downloads the lists, then makes exactly the picked shows the ones this door admits. */
    async download({ token, shows, deviceName }: DownloadRequest, onProgress: (p: DownloadProgress) => void): Promise<PullOutcome[]> {
      // The token is saved first: admissions of an earlier setup can then go out with it.
      await setToken(db, token);
      sync.kick();
      const outcomes = await downloadShows(db, api, token, shows, onProgress);
      // A pull held back for a person (most of a show would vanish) is an alert of its own, not a failure.
      const failed = outcomes.find((o): o is Extract<PullOutcome, { error: unknown }> => !o.ok && 'error' in o);
      if (failed) throw new SetupError({ kind: 'api', error: failed.error, show: shows.find((s) => s.id === failed.showId)?.eventName ?? '' });
      const picked = new Set(shows.map((s) => s.id));
      for (const stored of await listShows(db)) await setShowActive(db, stored.id, picked.has(stored.id));
      if (deviceName) await setDeviceName(db, deviceName);
      rejoinVenue();
      return outcomes;
    },
  };
}

export type Setup = ReturnType<typeof createSetup>;

/** Finds `ids` among the token's events; unknown ids are a SetupError that names them. */
export function findShows(events: ApiEvent[], ids: ShowId[]): Omit<Show, 'pulledAt'>[] {
  const { found, missing } = showsFromEvents(events, ids);
  if (missing.length > 0) throw new SetupError({ kind: 'shows_not_found', ids: missing.join(', ') });
  return found;
}

/** The picked shows of one event. */
export const pickShows = (event: ApiEvent, ids: ShowId[]) => showsFromEvents([event], ids).found;
