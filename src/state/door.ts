// Hooks over the local store: everything the scan screen shows comes from IndexedDB through
// live queries, so a write anywhere (this tab, another tab, the sync loop) updates the screen.
import { useCallback, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import type { DoorCounts } from '../door/store.ts';
import type { ForgetShowOutcome, StoredShow } from '../door/types.ts';
import type { InputSource, ShowId, Verdict } from '../domain/types.ts';
import { useLiveRead } from './live-query.ts';
import { useServices } from './services.tsx';

export type { DoorCounts };
export type { SyncState } from '../door/types.ts';

export function useShows(): StoredShow[] | undefined {
  const { store } = useServices();
  return useLiveRead(() => store.shows());
}

export function useToken(): string | undefined | null {
  const { store } = useServices();
  // null while loading, undefined when there is none
  return useLiveRead(() => store.token(), [], null);
}

export function useDoorCounts(shows: StoredShow[] | undefined): DoorCounts | undefined {
  const { store } = useServices();
  const active = (shows ?? []).filter((s) => s.active);
  // A show's list changes with a pull (listRev) and with webhooks laid over it (amended).
  const key = active.map((s) => `${s.id}:${s.listRev ?? ''}:${s.amended ?? 0}`).join(',');
  // Live, not paced like the numbers screen: "waiting to send" must count an admission the moment
  // it is recorded, or a 0 on screen could mean "sent" or "not counted yet" (a person and the e2e
  // specs both read it as sent).
  // `key` stands for `active`: the same ids must not re-run the query on every render.
  return useLiveRead(() => store.counts(active), [key]);
}

export function useRejected() {
  const { store } = useServices();
  return useLiveRead(() => store.rejected());
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
  return useServices().door.setShowActive;
}

export type { ForgetShowOutcome };

/** Check-ins of one show still waiting to be sent: what removing that show would lose. */
export function useShowUndelivered(showId: ShowId): number | undefined {
  const { store } = useServices();
  return useLiveRead(() => store.showUndelivered(showId), [showId]);
}

/**
 * Removes a show from the device in the delivery lock, as undo and sign-out do: a flush sending
 * that show's check-ins finishes first, and the count to confirm is then taken without them.
 */
export function useForgetShow(): (showId: ShowId, confirmDiscard: number) => Promise<ForgetShowOutcome> {
  return useServices().door.forgetShow;
}

export function useSyncState() {
  const { delivery } = useServices().door;
  return useSyncExternalStore(delivery.subscribe, delivery.get);
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
  /** `logId`: the scan's line in the log, which an override or a note is about (absent when it could not be written). */
  | { kind: 'verdict'; verdict: Verdict; scanId: number; logId?: string }
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
        const logId = outcome.ok ? outcome.scanId : undefined;
        setFeedback(outcome.ok ? { kind: 'verdict', verdict: outcome.verdict, scanId, ...(logId ? { logId } : {}) } : { kind: 'empty', scanId });
        // "Checking with the server" (late sales): its answer replaces the panel unless another scan came since.
        void outcome.followUp?.then((verdict) => {
          if (counter.current === scanId) setFeedback({ kind: 'verdict', verdict, scanId, ...(logId ? { logId } : {}) });
        });
      } catch (error) {
        setFeedback({ kind: 'error', message: error instanceof Error ? error.message : String(error), scanId });
      }
    },
    [door],
  );
  /** A verdict reached on the panel's scan after it was shown (a supervisor's override): a new verdict on screen, same log line. */
  const show = useCallback((verdict: Verdict, logId: string) => setFeedback({ kind: 'verdict', verdict, scanId: ++counter.current, logId }), []);
  return { feedback, submit, show };
}
