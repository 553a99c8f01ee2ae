// React over the door store's live reads (src/door/store.ts; the bounded live query itself is
// src/db/live-query.ts): a hook gives the read's latest answer and renders again when it changes.
import { useObservable } from 'dexie-react-hooks';
import { useServices } from './services.tsx';

/**
 * The latest answer of `read`, kept current as the device's store changes; `undefined` (or
 * `defaultResult`) until the first answer. `read` is the caller's closure over `deps`.
 */
export function useLiveRead<T>(read: () => T | Promise<T>, deps?: unknown[]): T | undefined;
export function useLiveRead<T, D>(read: () => T | Promise<T>, deps: unknown[], defaultResult: D): T | D;
export function useLiveRead<T, D>(read: () => T | Promise<T>, deps: unknown[] = [], defaultResult?: D): T | D | undefined {
  const { store } = useServices();
  return useObservable(() => store.live(read), [store, ...deps], defaultResult);
}
