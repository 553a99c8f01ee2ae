// Scan history, undo, export, double-entry conflicts and leaving the device.
import type { HistoryEntry, SignOutOutcome, UndoOutcome } from '../door/types.ts';
import type { Conflict } from '../domain/types.ts';
import { useLiveRead } from './live-query.ts';
import { useServices } from './services.tsx';

export type { HistoryEntry, UndoOutcome, SignOutOutcome };

export function useHistory(limit = 200): HistoryEntry[] | undefined {
  const { store } = useServices();
  return useLiveRead(() => store.history(limit), [limit]);
}

/**
 * Undo holds the delivery lock: a flush that is sending this very record finishes first, and
 * then the undo sees it delivered and says so, instead of removing a record the server has.
 */
export function useUndo(): (scanId: string) => Promise<UndoOutcome> {
  return useServices().door.undo;
}

export function useHistoryExport(): () => Promise<HistoryEntry[]> {
  return useServices().store.allHistory;
}

export function useConflicts(): Conflict[] | undefined {
  const { store } = useServices();
  return useLiveRead(() => store.conflicts());
}

export function useUnseenConflicts(): Conflict[] | undefined {
  const { store } = useServices();
  return useLiveRead(() => store.unseenConflicts());
}

export function useAcknowledgeConflicts(): (ids: string[]) => Promise<void> {
  return useServices().store.acknowledgeConflicts;
}

export function useUndeliveredCount(): number | undefined {
  const { store } = useServices();
  return useLiveRead(() => store.undeliveredCount());
}

/** Signs out in the delivery lock, so no flush is half-way through records being wiped. */
export function useSignOut(): (confirmDiscard: number) => Promise<SignOutOutcome> {
  return useServices().door.signOut;
}
