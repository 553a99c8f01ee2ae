// Hooks over the local store: everything the scan screen shows comes from IndexedDB through
// live queries, so a write anywhere (this tab, another tab, the sync loop) updates the screen.
import { useLiveQuery } from './live-query.ts';
import { useCallback, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import type { StoredShow } from '../db/database.ts';
import { undeliveredOfShow, type ForgetShowOutcome } from '../db/forget-show.ts';
import { awaitingCount, listRejected, pendingCount } from '../db/outbox.ts';
import { getToken } from '../db/settings.ts';
import { listShows, setShowActive } from '../db/shows.ts';
import { currentLists } from '../db/ticket-index.ts';
import { countAdmitted } from '../db/tickets.ts';
import type { InputSource, ShowId, Verdict } from '../domain/types.ts';
export type { SyncState } from '../sync/loop.ts';
import { useServices } from './services.tsx';

export function useShows(): StoredShow[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listShows(db), [db]);
}

export function useToken(): string | undefined | null {
  const { db } = useServices();
  // null while loading, undefined when there is none
  return useLiveQuery(() => getToken(db), [db], null);
}

export interface DoorCounts {
  stored: number;
  admitted: number;
  /** Not yet confirmed as held by Qtickets: queued, and sent-awaiting-confirmation. */
  pending: number;
  /** Of those, sent and waiting for a read-back to confirm them. */
  awaiting: number;
}

export function useDoorCounts(shows: StoredShow[] | undefined): DoorCounts | undefined {
  const { db } = useServices();
  const active = (shows ?? []).filter((s) => s.active);
  const key = active.map((s) => `${s.id}:${s.listRev ?? ''}`).join(',');
  return useLiveQuery(
    async () => {
      // IndexedDB first: a live query watches only reads made before it awaits anything else.
      const admitted = await countAdmitted(db, active.map((s) => s.id));
      const pending = await pendingCount(db);
      const awaiting = await awaitingCount(db);
      // Counted from the lists in memory: the number on screen means those tickets are ready to
      // decide with, not merely stored (the first read after opening takes a moment at 100,000).
      const stored = [...(await currentLists(db, active)).values()].reduce((sum, l) => sum + l.listed, 0);
      return { stored, admitted, pending, awaiting };
    },
    // `key` stands for `active`: the same ids must not re-run the query on every render.
    [db, key],
  );
}

export function useRejected() {
  const { db } = useServices();
  return useLiveQuery(() => listRejected(db), [db]);
}

/**
 * Settling rejected records by hand, each in the delivery lock like every outbox mutation: a
 * record sent again goes back to the queue (and delivery is woken); a dismissed one stays on the
 * device with the person's reason, out of the count.
 */
export function useSettleRejected() {
  const { door } = useServices();
  return { resend: door.resendRejected, dismiss: door.dismissRejected };
}

/** "Send now": one delivery pass at once. */
export function useSendNow(): () => Promise<void> {
  return useServices().door.sendNow;
}

export function useSetShowActive(): (id: ShowId, active: boolean) => Promise<void> {
  const { db, door } = useServices();
  return useCallback(
    async (id, active) => {
      await setShowActive(db, id, active);
      door.rejoinVenue(); // the venue stream follows the shows this door admits
    },
    [db, door],
  );
}

export type { ForgetShowOutcome };

/** Check-ins of one show still waiting to be sent: what removing that show would lose. */
export function useShowUndelivered(showId: ShowId): number | undefined {
  const { db } = useServices();
  return useLiveQuery(() => undeliveredOfShow(db, showId), [db, showId]);
}

/**
 * Removes a show from the device in the delivery lock, as undo and sign-out do: a flush sending
 * that show's check-ins finishes first, and the count to confirm is then taken without them.
 */
export function useForgetShow(): (showId: ShowId, confirmDiscard: number) => Promise<ForgetShowOutcome> {
  return useServices().door.forgetShow;
}

export function useSyncState() {
  const { syncState } = useServices();
  return useSyncExternalStore(syncState.subscribe, syncState.get);
}

const subscribeOnline = (cb: () => void) => {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
};

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

export type ScanFeedback =
  | { kind: 'verdict'; verdict: Verdict; scanId: number }
  | { kind: 'empty'; scanId: number }
  | { kind: 'error'; message: string; scanId: number };

/**
 * Decides a scan through the door engine (which runs every after-admission step itself) and keeps
 * the latest outcome on screen; `onVerdict` is for what the screen does (sound, vibration).
 */
export function useScan(onVerdict?: (verdict: Verdict) => void) {
  const { door } = useServices();
  const [feedback, setFeedback] = useState<ScanFeedback | null>(null);
  const counter = useRef(0);
  // Sound, vibration and the double-entry question follow the verdict's render instead of running
  // before it: on the first scan after opening, starting the audio context alone took tens of ms.
  const signal = useEffectEvent((verdict: Verdict) => onVerdict?.(verdict));
  useEffect(() => {
    if (feedback?.kind === 'verdict') signal(feedback.verdict);
  }, [feedback]);
  const submit = useCallback(
    async (raw: string, source: InputSource) => {
      const scanId = ++counter.current;
      try {
        const outcome = await door.scan(raw, source);
        setFeedback(outcome.ok ? { kind: 'verdict', verdict: outcome.verdict, scanId } : { kind: 'empty', scanId });
        // "Checking with the server" (late sales): its answer replaces the panel unless another scan came since.
        void outcome.followUp?.then((verdict) => {
          if (counter.current === scanId) setFeedback({ kind: 'verdict', verdict, scanId });
        });
      } catch (error) {
        setFeedback({ kind: 'error', message: error instanceof Error ? error.message : String(error), scanId });
      }
    },
    [door],
  );
  return { feedback, submit };
}
