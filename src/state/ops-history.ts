// Scan history, undo, export, double-entry conflicts and leaving the device.
import { useLiveQuery } from './live-query.ts';
import { useCallback } from 'react';
import { findAdmissionScan, listConflicts, markConflictsSeen, unseenConflicts } from '../db/conflicts.ts';
import { allHistory, listHistory, undoAdmission, type HistoryEntry, type UndoOutcome } from '../db/history.ts';
import { signOut, undeliveredCount, type SignOutOutcome } from '../db/signout.ts';
import type { Conflict, Verdict } from '../domain/types.ts';
import { webLock } from '../sync/loop.ts';
import { useOps } from './ops-services.tsx';
import { useServices } from './services.tsx';

export type { HistoryEntry, UndoOutcome, SignOutOutcome };

export function useHistory(limit = 200): HistoryEntry[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listHistory(db, limit), [db, limit]);
}

/**
 * Undo holds the delivery lock: a flush that is sending this very record finishes first, and
 * then the undo sees it delivered and says so, instead of removing a record the server has.
 */
export function useUndo(): (scanId: string) => Promise<UndoOutcome> {
  const { db } = useServices();
  return useCallback((scanId) => webLock(() => undoAdmission(db, scanId)), [db]);
}

export function useHistoryExport(): () => Promise<HistoryEntry[]> {
  const { db } = useServices();
  return useCallback(() => allHistory(db), [db]);
}

export function useConflicts(): Conflict[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => listConflicts(db), [db]);
}

export function useUnseenConflicts(): Conflict[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => unseenConflicts(db), [db]);
}

export function useAcknowledgeConflicts(): (ids: string[]) => Promise<void> {
  const { db } = useServices();
  return useCallback((ids) => markConflictsSeen(db, ids), [db]);
}

/** For useScan's onVerdict: after a local admission, ask the server in the background. */
export function useDoubleEntryCheck(): (verdict: Verdict) => void {
  const { db } = useServices();
  const { checker } = useOps();
  return useCallback(
    (verdict) => {
      if (verdict.kind !== 'valid' || !verdict.recorded) return;
      const { showId, code } = verdict.ticket;
      void (async () => {
        const scan = await findAdmissionScan(db, showId, code, verdict.checkedAt);
        if (scan) await checker.afterAdmission({ scanId: scan.id, showId, code, checkedAt: verdict.checkedAt });
      })().catch(() => undefined);
    },
    [db, checker],
  );
}

export function useUndeliveredCount(): number | undefined {
  const { db } = useServices();
  return useLiveQuery(() => undeliveredCount(db), [db]);
}

/** Signs out in the delivery lock, so no flush is half-way through records being wiped. */
export function useSignOut(): (confirmDiscard: number) => Promise<SignOutOutcome> {
  const { db } = useServices();
  return useCallback((confirmDiscard) => webLock(() => signOut(db, confirmDiscard)), [db]);
}
