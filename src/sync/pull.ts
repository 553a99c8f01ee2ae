// Pulling barcode lists: api → db. Upload before download (pretixSCAN's rule): the caller
// flushes first, so the server's view we pull already includes our own admissions.
import type { ApiError, ApiEvent, QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { clearHeldPull, holdPull, type HeldPull } from '../db/held-pulls.ts';
import { replaceShowList, type PullResult } from '../db/tickets.ts';
import { isSuspiciousShrink } from '../domain/list-shrink.ts';
import { formatLocalIso } from '../domain/time.ts';
import type { Show, ShowId } from '../domain/types.ts';

export type PullOutcome =
  | { ok: true; showId: ShowId; result: PullResult }
  | { ok: false; showId: ShowId; error: ApiError }
  /** The answer would revoke most of the show: the old list stays until a person decides. */
  | { ok: false; showId: ShowId; heldBack: HeldPull };

export interface PullOptions {
  now?: () => Date;
  /** A person looked at a held-back pull and wants the server's list anyway. */
  acceptShrink?: boolean;
}

export async function pullShow(
  db: KontrolDb,
  api: QticketsClient,
  token: string,
  showId: ShowId,
  show?: Omit<Show, 'pulledAt'>,
  { now = () => new Date(), acceptShrink = false }: PullOptions = {},
): Promise<PullOutcome> {
  // User-timing marks (read by `npm run bench`): network and parsing are marked in the api client.
  const start = performance.now();
  // Refunds and sales heard through the hub before this moment are in the answer (ticket-changes.ts).
  const askedAt = now().getTime();
  const answer = await api.getShowList(token, showId);
  if (!answer.ok) return { ok: false, showId, error: answer.error };
  const listed = (await db.shows.get(showId))?.listed ?? 0;
  const received = answer.value.reduce((sum, pack) => sum + pack.count, 0);
  if (!acceptShrink && isSuspiciousShrink(listed, received)) {
    const heldBack: HeldPull = { showId, listed, received, at: now().getTime() };
    await holdPull(db, heldBack);
    return { ok: false, showId, heldBack };
  }
  await clearHeldPull(db, showId);
  const storeStart = performance.now();
  const result = await replaceShowList(db, showId, answer.value, formatLocalIso(now()), show, askedAt);
  performance.measure('kontrol:pull:store', { start: storeStart });
  performance.measure('kontrol:pull', { start });
  return { ok: true, showId, result };
}

/** Stored shape of the shows picked at setup, taken from the events list. */
export function showsFromEvents(events: ApiEvent[], ids: ShowId[]): { found: Omit<Show, 'pulledAt'>[]; missing: ShowId[] } {
  const byId = new Map<ShowId, Omit<Show, 'pulledAt'>>();
  for (const event of events) {
    for (const show of event.shows) {
      byId.set(show.id, { id: show.id, eventId: event.id, eventName: event.name, startDate: show.startDate, openDate: show.openDate, finishDate: show.finishDate, active: true });
    }
  }
  const found = ids.flatMap((id) => byId.get(id) ?? []);
  return { found, missing: ids.filter((id) => !byId.has(id)) };
}

export interface DownloadProgress {
  done: number;
  total: number;
  last?: PullOutcome;
}

/** Stores the shows and pulls each list in turn, reporting progress; stops at the first failure. */
export async function downloadShows(
  db: KontrolDb,
  api: QticketsClient,
  token: string,
  shows: Omit<Show, 'pulledAt'>[],
  onProgress: (p: DownloadProgress) => void = () => {},
): Promise<PullOutcome[]> {
  const outcomes: PullOutcome[] = [];
  onProgress({ done: 0, total: shows.length });
  for (const show of shows) {
    // The show is stored with its list, so a failed download leaves no empty show behind.
    const outcome = await pullShow(db, api, token, show.id, show);
    outcomes.push(outcome);
    if (!outcome.ok) return outcomes;
    onProgress({ done: outcomes.length, total: shows.length, last: outcome });
  }
  return outcomes;
}
