// The door's background work (double-entry check, connectivity mode, clock watch, periodic
// refresh), made once in src/app beside the core services and handed down the same way.
import { createContext, useContext, type ReactNode } from 'react';
import type { ClockEstimate } from '../domain/clock.ts';
import type { Connectivity, EntryChecker, Observable, Refresher } from '../door/types.ts';

export interface BackgroundServices {
  checker: EntryChecker;
  connectivity: Connectivity;
  clock: { state: Observable<ClockEstimate> };
  refresher: Refresher;
}

const BackgroundContext = createContext<BackgroundServices | null>(null);

export function BackgroundProvider({ background, children }: { background: BackgroundServices; children: ReactNode }) {
  return <BackgroundContext.Provider value={background}>{children}</BackgroundContext.Provider>;
}

export function useBackground(): BackgroundServices {
  const background = useContext(BackgroundContext);
  if (!background) throw new Error('useBackground outside BackgroundProvider');
  return background;
}
