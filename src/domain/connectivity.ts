// Online / offline / automatic mode, as pretixSCAN does it: in automatic mode keep the last few
// results of calls to the server, fall back to offline after repeated errors or slow answers, and
// come back after a clean run. Offline mode stops only the extras that need the network at once
// (the double-entry check, the periodic list pull); verdicts never wait for the network, and
// delivery of check-ins goes on trying in any mode.

export type ConnectivityMode = 'auto' | 'online' | 'offline';
export type Effective = 'online' | 'offline';

export interface CallSample {
  ok: boolean;
  ms: number;
}

export const WINDOW = 5;
/** Bad results among the last WINDOW that switch automatic mode to offline. */
export const BAD_TO_GO_OFFLINE = 3;
/** Consecutive good results that bring it back. */
export const GOOD_TO_COME_BACK = 3;
/** An answer slower than this counts as bad: the door cannot wait for it. */
export const SLOW_MS = 3_000;

export interface AutoState {
  effective: Effective;
  samples: CallSample[];
}

export const initialAuto: AutoState = { effective: 'online', samples: [] };

const bad = (s: CallSample) => !s.ok || s.ms > SLOW_MS;

export function nextAuto(state: AutoState, sample: CallSample): AutoState {
  const samples = [...state.samples, sample].slice(-WINDOW);
  if (state.effective === 'online') {
    return { effective: samples.filter(bad).length >= BAD_TO_GO_OFFLINE ? 'offline' : 'online', samples };
  }
  const recent = samples.slice(-GOOD_TO_COME_BACK);
  const clean = recent.length === GOOD_TO_COME_BACK && !recent.some(bad);
  // Coming back starts a fresh window: old failures must not send it straight offline again.
  return clean ? { effective: 'online', samples: [] } : { effective: 'offline', samples };
}

/**
 * Why the door works offline now, for the words on screen: no network at all, Qtickets failing or
 * slow while the network is up (automatic mode fell back), or a person chose it. null: online.
 */
export type OfflineWhy = 'no_network' | 'server' | 'chosen';

export function offlineWhy(mode: ConnectivityMode, auto: AutoState, browserOnline: boolean): OfflineWhy | null {
  if (!browserOnline) return 'no_network';
  if (mode === 'offline') return 'chosen';
  return mode === 'auto' && auto.effective === 'offline' ? 'server' : null;
}

/** Offline whenever there is a reason to be (offlineWhy): one rule for the mode and its words. */
export function effectiveMode(mode: ConnectivityMode, auto: AutoState, browserOnline: boolean): Effective {
  return offlineWhy(mode, auto, browserOnline) === null ? 'online' : 'offline';
}
