// Pulls held back for a supervisor (db/held-pulls.ts): which shows, and the two answers a person
// can give — take the server's short list after all, or keep the one in use.
import type { HeldPullView } from '../door/store.ts';
import { useLiveRead } from './live-query.ts';
import { useServices } from './services.tsx';

export type { HeldPullView };

export function useHeldPulls() {
  const { store, door } = useServices();
  const held = useLiveRead(() => store.heldPulls());
  return { held: held ?? [], accept: door.acceptHeldPull, keep: door.keepHeldPull };
}
