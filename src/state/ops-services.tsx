// The door-operations services (double-entry check, connectivity mode, clock watch, periodic
// refresh), made once in src/app beside the core services and handed down the same way.
import { createContext, useContext, type ReactNode } from 'react';
import type { ClockEstimate } from '../domain/clock.ts';
import type { Connectivity } from '../sync/connectivity.ts';
import type { EntryChecker } from '../sync/double-entry.ts';
import type { Observable } from '../sync/observable.ts';
import type { Refresher } from '../sync/refresh.ts';

export interface OpsServices {
  checker: EntryChecker;
  connectivity: Connectivity;
  clock: { state: Observable<ClockEstimate> };
  refresher: Refresher;
}

const OpsContext = createContext<OpsServices | null>(null);

export function OpsProvider({ ops, children }: { ops: OpsServices; children: ReactNode }) {
  return <OpsContext.Provider value={ops}>{children}</OpsContext.Provider>;
}

export function useOps(): OpsServices {
  const ops = useContext(OpsContext);
  if (!ops) throw new Error('useOps outside OpsProvider');
  return ops;
}
