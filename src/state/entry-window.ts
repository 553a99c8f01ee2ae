// The door's entry window policy (domain/entry-window.ts) for the settings screen.
import { useCallback } from 'react';
import { getEntryWindow, updateEntryWindow } from '../db/entry-window.ts';
import type { EntryWindowPolicy } from '../domain/entry-window.ts';
import { useLiveQuery } from './live-query.ts';
import { useServices } from './services.tsx';

/** The policy as stored (undefined while it is read) and a change to it; false when the value was refused. */
export function useEntryWindow(): [EntryWindowPolicy | undefined, (patch: Partial<EntryWindowPolicy>) => Promise<boolean>] {
  const { db } = useServices();
  const policy = useLiveQuery(() => getEntryWindow(db), [db]);
  const update = useCallback((patch: Partial<EntryWindowPolicy>) => updateEntryWindow(db, patch), [db]);
  return [policy, update];
}
