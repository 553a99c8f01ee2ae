// The time, for screens that show how long until or since something (a PIN lockout, a past show):
// read from a ticking store, so rendering stays pure and the screen updates on its own.
import { useSyncExternalStore } from 'react';

interface Ticker {
  subscribe: (listener: () => void) => () => void;
  get: () => number;
}

function createTicker(everyMs: number): Ticker {
  let now = Date.now();
  let timer: ReturnType<typeof setInterval> | null = null;
  const listeners = new Set<() => void>();
  const tick = () => {
    now = Date.now();
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      now = Date.now();
      timer ??= setInterval(tick, everyMs);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    get: () => now,
  };
}

const tickers = new Map<number, Ticker>();

function tickerFor(everyMs: number): Ticker {
  let ticker = tickers.get(everyMs);
  if (!ticker) tickers.set(everyMs, (ticker = createTicker(everyMs)));
  return ticker;
}

/** Date.now(), refreshed every `everyMs` while a screen shows it. */
export function useNow(everyMs = 1_000): number {
  const ticker = tickerFor(everyMs);
  return useSyncExternalStore(ticker.subscribe, ticker.get);
}
