// The door's entry window policy (domain/entry-window.ts) for the settings screen.
import type { EntryWindowPolicy } from '../domain/entry-window.ts';
import { useLiveRead } from './live-query.ts';
import { useServices } from './services.tsx';

/** The policy as stored (undefined while it is read) and a change to it; false when the value was refused. */
export function useEntryWindow(): [EntryWindowPolicy | undefined, (patch: Partial<EntryWindowPolicy>) => Promise<boolean>] {
  const { store } = useServices();
  const policy = useLiveRead(() => store.entryWindow());
  return [policy, store.updateEntryWindow];
}
