// The device's connectivity mode. Automatic mode watches the outcome and latency of every call
// (fed by observeClient) and, once it has gone offline, probes every little while so it can come
// back after a clean run. The mode is only about the extras that need the network at once:
// delivery keeps trying in any mode, and verdicts never wait for the network.
import {
  effectiveMode,
  initialAuto,
  offlineWhy,
  nextAuto,
  type AutoState,
  type ConnectivityMode,
  type Effective,
  type OfflineWhy,
} from '../domain/connectivity.ts';
import type { CallObservation } from './clock.ts';
import { cell, type Observable } from './observable.ts';

export interface ConnectivityState {
  mode: ConnectivityMode;
  auto: AutoState;
  effective: Effective;
  /** Why offline, when it is (the screen words it: no network is not the same as Qtickets failing). */
  why: OfflineWhy | null;
}

export interface ConnectivityDeps {
  initialMode: ConnectivityMode;
  saveMode: (mode: ConnectivityMode) => Promise<void>;
  /** A cheap authenticated call; its outcome reaches us through observe(). */
  probe: () => Promise<void>;
  browserOnline?: () => boolean;
  probeEveryMs?: number;
}

export interface Connectivity {
  state: Observable<ConnectivityState>;
  observe(o: CallObservation): void;
  setMode(mode: ConnectivityMode): void;
  /** Whether the network extras may run now. */
  online(): boolean;
  /** The browser's online/offline events: re-evaluate at once. */
  refresh(): void;
  stop(): void;
}

export function createConnectivity(deps: ConnectivityDeps): Connectivity {
  const browserOnline = deps.browserOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const probeEveryMs = deps.probeEveryMs ?? 20_000;
  const make = (mode: ConnectivityMode, auto: AutoState): ConnectivityState => {
    const online = browserOnline();
    return { mode, auto, effective: effectiveMode(mode, auto, online), why: offlineWhy(mode, auto, online) };
  };
  const state = cell(make(deps.initialMode, initialAuto));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  // Probing only while automatic mode sits offline with the browser online: otherwise calls
  // that happen anyway (delivery, checks) are the samples.
  const scheduleProbe = () => {
    clearTimeout(timer);
    const s = state.get();
    if (stopped || s.mode !== 'auto' || s.auto.effective !== 'offline' || !browserOnline()) return;
    timer = setTimeout(() => {
      void deps.probe().catch(() => undefined).finally(scheduleProbe);
    }, probeEveryMs);
  };

  const update = (next: ConnectivityState) => {
    state.set(next);
    scheduleProbe();
  };

  return {
    state,
    observe(o) {
      // A whole list's download time is not a latency sample; its failure still counts.
      const sample = o.kind === 'list' && o.ok ? null : { ok: o.ok, ms: o.kind === 'list' ? 0 : o.ms };
      if (!sample) return;
      const s = state.get();
      update(make(s.mode, nextAuto(s.auto, sample)));
    },
    setMode(mode) {
      const s = state.get();
      update(make(mode, s.auto));
      void deps.saveMode(mode).catch(() => undefined);
    },
    online: () => state.get().effective === 'online',
    refresh() {
      const s = state.get();
      update(make(s.mode, s.auto));
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
