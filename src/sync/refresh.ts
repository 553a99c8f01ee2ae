// Keeping the lists fresh without stopping the door: while online, pull every stored show's list
// again every few minutes (a setting) and on demand. Upload first, then download (pretixSCAN's
// rule), one refresh at a time. The download runs beside scanning (the fetch is async); each
// list is swapped in one transaction, so a scan sees the old list or the new one, never half.
import type { ApiError, QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { getToken } from '../db/settings.ts';
import { listShows } from '../db/shows.ts';
import type { ShowId } from '../domain/types.ts';
import { cell, type Observable } from './observable.ts';
import { pullShow } from './pull.ts';

export interface RefreshSummary {
  at: number;
  listed: number;
  added: number;
  revoked: number;
  failed: { showId: ShowId; error: ApiError }[];
}

export type RefreshState = { running: boolean; last: RefreshSummary | null };

export interface RefreshDeps {
  db: KontrolDb;
  api: QticketsClient;
  /** Upload before download. */
  flush: () => Promise<unknown>;
  online: () => boolean;
  everyMs: () => Promise<number>;
  now?: () => number;
}

export interface Refresher {
  state: Observable<RefreshState>;
  /** Pull now (a running pull is joined, not doubled). */
  runNow(): Promise<RefreshSummary | null>;
  /** Re-reads the interval (after the setting changed) and restarts the timer. */
  reschedule(): void;
  stop(): void;
}

export function createRefresher(deps: RefreshDeps): Refresher {
  const now = deps.now ?? Date.now;
  const state = cell<RefreshState>({ running: false, last: null });
  let running: Promise<RefreshSummary | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function pass(): Promise<RefreshSummary | null> {
    const token = await getToken(deps.db);
    if (!token) return null;
    state.set({ ...state.get(), running: true });
    const summary: RefreshSummary = { at: now(), listed: 0, added: 0, revoked: 0, failed: [] };
    try {
      await deps.flush();
      for (const show of await listShows(deps.db)) {
        const outcome = await pullShow(deps.db, deps.api, token, show.id);
        if (outcome.ok) {
          summary.listed += outcome.result.listed;
          summary.added += outcome.result.added;
          summary.revoked += outcome.result.revoked;
        } else if ('error' in outcome) summary.failed.push({ showId: show.id, error: outcome.error });
        // A pull held back for a person (most of the show would vanish) keeps the old list; the
        // scan screen asks about it (db/held-pulls.ts).
      }
      summary.at = now();
      return summary;
    } finally {
      state.set({ running: false, last: summary });
    }
  }

  function runNow(): Promise<RefreshSummary | null> {
    running ??= pass()
      .catch(() => null)
      .finally(() => {
        running = null;
        reschedule();
      });
    return running;
  }

  function reschedule() {
    clearTimeout(timer);
    if (stopped) return;
    void deps.everyMs().then((ms) => {
      clearTimeout(timer);
      if (stopped || ms <= 0) return;
      timer = setTimeout(() => {
        // Offline: skip this round quietly; the next one comes as usual.
        if (deps.online()) void runNow();
        else reschedule();
      }, ms);
    });
  }

  return {
    state,
    runNow,
    reschedule,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
