// Scan history, undo, export, double-entry conflicts and leaving the device.
import { useLiveQuery } from './live-query.ts';
import { useCallback } from 'react';
import { listConflicts, markConflictsSeen, unseenConflicts } from '../db/conflicts.ts';
import { allHistory, listHistory, type HistoryEntry, type UndoOutcome } from '../db/history.ts';
import { undeliveredCount, type SignOutOutcome } from '../db/signout.ts';
import type { Conflict } from '../domain/types.ts';
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
  return useServices().door.undo;
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

export function useUndeliveredCount(): number | undefined {
  const { db } = useServices();
  return useLiveQuery(() => undeliveredCount(db), [db]);
}

/** Signs out in the delivery lock, so no flush is half-way through records being wiped. */
export function useSignOut(): (confirmDiscard: number) => Promise<SignOutOutcome> {
  return useServices().door.signOut;
}
