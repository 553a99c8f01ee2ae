// Live queries over the store, without the memory Dexie's own keep for the whole night.
//
// Dexie's liveQuery (dexie 4.4.7, `accumMuts` in live-query.ts) remembers every write it hears
// of that did not touch what the query read, and forgets them only when the query runs again. A
// query the scanning never touches (the token, the shows, kiosk and scanner settings, conflicts)
// never runs again, so each one keeps the keys of every admission, outbox record and log line as
// range-tree nodes: about 14 nodes per scan per query, ~3 KB per scan over the scan screen's
// queries, for as long as the page is open (measured with heap snapshots over 1,000 scans).
//
// This keeps Dexie's exact tracking and bounds what it can gather: after RENEW_AFTER writes
// without a run of the query, a fresh subscription runs it once more, and the old one (with all
// it gathered) is dropped as soon as the fresh one has answered. Until then the old one keeps
// delivering, so the screen never falls back to "loading". A query that the writes do touch runs
// on each of them anyway and is never renewed.
//
// A dropped subscription must not keep its successor alive, or the renewals form a chain that
// grows as before: Dexie's cache keeps the context of a query's first run, whose abort signal
// keeps the DOMException it was aborted with, whose stack trace keeps every function on the
// stack at that moment and their scopes. So everything Dexie holds of a subscription (the
// querier, the observer) is made by the module-level helpers below, which close over a small
// relay and not over the renewing subscription; a dropped relay is cut; and the old
// subscription is ended from a timer, with nothing of ours on the stack.
import { Dexie, liveQuery, type ObservabilitySet, type Observer, type Subscription } from 'dexie';

/**
 * Writes heard without a run of the query before it is renewed. A scan is about four writes
 * (admission, delivery, hub mark, watch mark), so at 32 each of the scan screen's ~20 queries
 * re-ran every 8 scans: ~2.5 extra reads a scan. At 128 that is 4x rarer, and what a query
 * gathers stays bounded at ~128 x 14 nodes (tens of KB over all of them).
 */
export const RENEW_AFTER = 128;

interface Tally {
  /** Writes heard since the query last started to run. */
  writes: number;
}

interface Relay<T> {
  next: ((value: T) => void) | null;
  error: ((error: unknown) => void) | null;
}

function counted<T>(querier: () => T | Promise<T>, tally: Tally): () => T | Promise<T> {
  return () => {
    tally.writes = 0;
    return querier();
  };
}

function relayed<T>(relay: Relay<T>): Observer<T> {
  return { next: (value) => relay.next?.(value), error: (error: unknown) => relay.error?.(error) };
}

function end(subscription: Subscription): void {
  subscription.unsubscribe();
}

interface Source<T> {
  relay: Relay<T>;
  subscription: Subscription;
}

/** What useObservable needs (an InteropableObservable), with the subscription typed. */
export interface LiveStoreQuery<T> {
  subscribe(onNext: (value: T) => unknown, onError?: (error: unknown) => unknown): Subscription;
  getValue(): T;
  hasValue(): boolean;
}

/** A liveQuery whose subscriptions renew themselves before unrelated writes pile up in them. */
export function renewingLiveQuery<T>(querier: () => T | Promise<T>, renewAfter = RENEW_AFTER): LiveStoreQuery<T> {
  let hasValue = false;
  let lastValue: T | undefined;

  function subscribe(onNext: (value: T) => unknown, onError?: (error: unknown) => unknown): Subscription {
    let closed = false;
    const tally: Tally = { writes: 0 };
    const run = counted(querier, tally);
    let current: Source<T>;
    let renewing: Source<T> | null = null;

    const drop = (source: Source<T>) => {
      source.relay.next = null;
      source.relay.error = null;
      setTimeout(end, 0, source.subscription);
    };
    /** The first answer of a renewing source makes it the current one. */
    const answered = (source: Source<T>) => {
      if (source !== renewing) return;
      drop(current);
      current = source;
      renewing = null;
    };
    const open = (): Source<T> => {
      const relay: Relay<T> = { next: null, error: null };
      const source: Source<T> = { relay, subscription: liveQuery(run).subscribe(relayed(relay)) };
      relay.next = (value) => {
        answered(source);
        hasValue = true;
        lastValue = value;
        onNext(value);
      };
      relay.error = (error) => {
        answered(source);
        onError?.(error);
      };
      return source;
    };
    const onWrite = () => {
      tally.writes += 1;
      if (tally.writes < renewAfter || renewing !== null || closed) return;
      tally.writes = 0;
      renewing = open();
    };

    current = open();
    Dexie.on.storagemutated.subscribe(onWrite);
    return {
      get closed() {
        return closed;
      },
      unsubscribe() {
        if (closed) return;
        closed = true;
        Dexie.on.storagemutated.unsubscribe(onWrite);
        drop(current);
        if (renewing) drop(renewing);
      },
    };
  }

  // hasValue spares useObservable a probe subscription (it reads getValue when there is one).
  return { subscribe, getValue: () => lastValue as T, hasValue: () => hasValue };
}

/**
 * Runs `query` now and again whenever one of `tables` is written (in this tab, another tab, by a
 * delivery), but at most once per `everyMs`: the first write after a quiet spell is answered at
 * once, a burst of them once more at the end. For numbers that read the whole night (every
 * admission's key), which re-run after every scan would hold each next scan's write back longer
 * as the night goes on. Returns the stop.
 */
export function pacedQuery<T>(
  db: Dexie,
  tables: readonly string[],
  everyMs: number,
  query: () => Promise<T>,
  onResult: (value: T) => void,
  onError?: (error: unknown) => void,
): () => void {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  let stopped = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastStart = -Infinity;

  const run = async () => {
    timer = null;
    running = true;
    again = false;
    lastStart = Date.now();
    try {
      const value = await query();
      if (!stopped) onResult(value);
    } catch (error) {
      if (!stopped) onError?.(error);
    } finally {
      running = false;
      if (again) schedule();
    }
  };
  function schedule() {
    if (stopped || timer !== null) return;
    // A write during a run may not be in what that run read: run once more after it.
    if (running) {
      again = true;
      return;
    }
    timer = setTimeout(() => void run(), Math.max(0, lastStart + everyMs - Date.now()));
  }
  const onWrite = (parts: ObservabilitySet) => {
    if ('all' in parts || Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) schedule();
  };

  Dexie.on.storagemutated.subscribe(onWrite);
  void run();
  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onWrite);
    if (timer !== null) clearTimeout(timer);
  };
}
