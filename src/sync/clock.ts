// Every call to Qtickets is also a measurement: how long it took, whether it worked, and what
// time the server's `Date` header said. Wrapping the client once in src/app means the double-entry
// check, pulls and delivery all feed the connectivity mode and the clock estimate for free.
import type { ApiResult, QticketsClient } from '../api/index.ts';
import { estimateClock, skewOf, SKEW_SAMPLES, type ClockEstimate } from '../domain/clock.ts';
import { cell, type Observable } from './observable.ts';

export interface CallObservation {
  /** The list calls page through a whole show: their duration says nothing about the network's health. */
  kind: 'list' | 'call';
  ok: boolean;
  ms: number;
  sentAt: number;
  receivedAt: number;
  serverDate: Date | null;
}

export type CallObserver = (observation: CallObservation) => void;

const LIST_CALLS = new Set<keyof QticketsClient>(['listAllEvents', 'getShowBarcodes', 'getShowList']);

export function observeClient(api: QticketsClient, observe: CallObserver, now: () => number = Date.now): QticketsClient {
  const wrap = <K extends keyof QticketsClient>(name: K): QticketsClient[K] => {
    const call = api[name] as (...args: unknown[]) => Promise<ApiResult<unknown>>;
    return (async (...args: unknown[]) => {
      const sentAt = now();
      const result = await call.apply(api, args);
      const receivedAt = now();
      // A cancelled call (the caller's own decision) says nothing about the network.
      if (result.ok || result.error.kind !== 'aborted') {
        try {
          observe({
            kind: LIST_CALLS.has(name) ? 'list' : 'call',
            ok: result.ok || (result.error.kind === 'http' && result.error.status < 500 && result.error.status !== 429),
            ms: receivedAt - sentAt,
            sentAt,
            receivedAt,
            serverDate: result.ok ? result.serverDate : null,
          });
        } catch {
          // An observer's bug must never fail a call to the server.
        }
      }
      return result;
    }) as QticketsClient[K];
  };
  // Every method, whatever the client grows: all of them are calls to the same server.
  const names = Object.keys(api) as (keyof QticketsClient)[];
  return Object.fromEntries(names.map((name) => [name, wrap(name)])) as unknown as QticketsClient;
}

/** Keeps the recent clock estimates and stores the correction the scan path stamps with. */
export function createClockWatch(save: (correctionMs: number) => Promise<void>, initialCorrectionMs = 0) {
  const skews: number[] = [];
  const state = cell<ClockEstimate>({ skewMs: null, correctionMs: initialCorrectionMs });
  return {
    state: state as Observable<ClockEstimate>,
    /** After a reload: the stored correction is still in force; show it until a new sample comes. */
    restore(correctionMs: number) {
      if (skews.length === 0 && correctionMs !== 0) state.set({ skewMs: correctionMs, correctionMs });
    },
    observe(o: CallObservation) {
      if (!o.serverDate) return;
      // A long exchange blurs the estimate past the header's own second of precision.
      if (o.receivedAt - o.sentAt > 5_000) return;
      skews.push(skewOf({ serverMs: o.serverDate.getTime(), sentAt: o.sentAt, receivedAt: o.receivedAt }));
      if (skews.length > SKEW_SAMPLES) skews.shift();
      const next = estimateClock(skews);
      const before = state.get();
      state.set(next.skewMs === before.skewMs && next.correctionMs === before.correctionMs ? before : next);
      if (next.correctionMs !== before.correctionMs) void save(next.correctionMs).catch(() => undefined);
    },
  };
}
