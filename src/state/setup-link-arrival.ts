// A setup link opens the app, or arrives while it is open: pasted into the address bar (only the
// hash changes, the page does not load again) or captured by an installed app's window. Both go
// the same way: the link is read, the history entry it made is replaced by one without the token
// (so neither the address bar nor Back shows it), and the shell hears of it through one store.
import { useSyncExternalStore } from 'react';
import { createStore } from './services.tsx';
import { parseSetupLink, type SetupLink, type SetupLinkProblem } from './setup.ts';

export interface ArrivedSetupLink {
  /** Null until a link arrives, and again once it is used: a later visit to setup must not download again. */
  link: SetupLink | SetupLinkProblem | null;
  /** Counts the links that arrived: each one starts setup afresh, even the same link twice. */
  arrival: number;
}

const arrived = createStore<ArrivedSetupLink>({ link: null, arrival: 0 });

/** The address where a setup link is, without it: the setup screen. */
const SETUP = '#/setup';

/** Reads a setup link from the address and, if it is one, replaces its history entry with the setup screen's. */
export function takeSetupLink(
  at: Pick<Location, 'hash' | 'pathname' | 'search'> = window.location,
  entries: Pick<History, 'replaceState'> = window.history,
): SetupLink | SetupLinkProblem | null {
  const link = parseSetupLink(at.hash);
  if (link) entries.replaceState(null, '', `${at.pathname}${at.search}${SETUP}`);
  return link;
}

function take(): void {
  const link = takeSetupLink();
  if (link) arrived.set({ link, arrival: arrived.get().arrival + 1 });
}

/**
 * Takes the link the app was opened with, then each one that arrives. Call it before the app
 * first renders: the router subscribes to `hashchange` later, listeners run in the order they
 * were added, so the router reads the address only once the token is gone from it.
 */
export function watchSetupLinks(): () => void {
  take();
  window.addEventListener('hashchange', take);
  return () => window.removeEventListener('hashchange', take);
}

export const useArrivedSetupLink = (): ArrivedSetupLink => useSyncExternalStore(arrived.subscribe, arrived.get);

export const setupLinkUsed = (): void => arrived.set({ link: null, arrival: arrived.get().arrival });

/**
 * The router's path for a hash location. A page can render between the address changing and
 * `hashchange` (the event waits for its turn behind a pending render): for that moment the
 * router sees `/setup?token=…`, which matches no route and would be redirected away, the link
 * lost. As `/setup` it is the setup screen, which the link then fills.
 */
export function routerPath(location: string): string {
  return location.startsWith('/setup?') ? '/setup' : location;
}
