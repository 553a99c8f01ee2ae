// The one sync loop: flushes the outbox soon after each admission, when the browser comes back
// online or to the foreground, and on a timer with back-off. One flush at a time per tab (a
// promise chain) and across tabs (Web Locks), so no record is ever sent by two flushes at once.
import type { FlushResult } from './flush.ts';
import { backoffDelay } from './backoff.ts';
import type { DeliveryProblem } from './port.ts';

/**
 * `lastSuccessAt`: the last pass that reached the server (an empty one too). `lastDeliveredAt`:
 * the last pass that delivered a check-in — what "last delivery" on screen means; absent or null
 * until one was delivered in this session.
 */
export type SyncState = (
  | { status: 'idle'; lastSuccessAt: number | null }
  | { status: 'syncing'; lastSuccessAt: number | null }
  | {
      status: 'waiting';
      lastSuccessAt: number | null;
      retryAt: number;
      /** The technical detail, shown quoted behind the UI's own words. */
      message: string;
      problem: DeliveryProblem;
      /** The HTTP status of the last failure, when there was one. */
      status_code?: number;
      failures: number;
    }
  | { status: 'auth_error'; lastSuccessAt: number | null; message: string; status_code: number }
) & { lastDeliveredAt?: number | null };

export interface SyncLoopDeps {
  flush: () => Promise<FlushResult>;
  onState: (state: SyncState) => void;
  /** Runs fn holding the cross-tab lock (navigator.locks where present). */
  withLock?: <T>(fn: () => Promise<T>) => Promise<T>;
  now?: () => number;
  random?: () => number;
  /**
   * How soon after a kick the flush starts: lets a burst of admissions share one request. Not a
   * trailing debounce: a kick never postpones a flush already due, so a steady stream of
   * admissions (a queue at a turnstile) is still sent within this much of the first of them.
   */
  debounceMs?: number;
  /** Heartbeat while idle: catches records another tab queued, and a network that came back silently. */
  idlePollMs?: number;
}

export interface SyncLoop {
  kick(): void;
  /** Flush now and resolve when that pass is over (tests, "send now" button). */
  flushNow(): Promise<FlushResult>;
  stop(): void;
}

export function webLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('kontrol-outbox-flush', fn) as Promise<T>) : fn();
}

export function createSyncLoop(deps: SyncLoopDeps): SyncLoop {
  const now = deps.now ?? Date.now;
  const withLock = deps.withLock ?? webLock;
  const debounceMs = deps.debounceMs ?? 250;
  const idlePollMs = deps.idlePollMs ?? 30_000;
  let failures = 0;
  let lastSuccessAt: number | null = null;
  let lastDeliveredAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the scheduled flush fires (epoch ms), or null with none scheduled. */
  let dueAt: number | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;
  /** The server asked us (Retry-After) not to come back before this moment. */
  let notBefore = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    dueAt = now() + ms;
    timer = setTimeout(() => void flushNow(), ms);
  };

  async function pass(): Promise<FlushResult> {
    deps.onState({ status: 'syncing', lastSuccessAt, lastDeliveredAt });
    let result: FlushResult;
    try {
      result = await withLock(deps.flush);
    } catch (error) {
      // IndexedDB trouble or a bug: keep the loop alive and retry like any other failure.
      const message = error instanceof Error ? error.message : String(error);
      result = { outcome: 'retry', delivered: 0, rejected: 0, conflicts: 0, nextConfirmAt: null, problem: 'answer', message };
    }
    if (result.delivered > 0 || result.outcome === 'done') lastSuccessAt = now();
    if (result.delivered > 0) lastDeliveredAt = now();
    if (result.outcome === 'done') {
      failures = 0;
      deps.onState({ status: 'idle', lastSuccessAt, lastDeliveredAt });
      // Records sent without proof are read back when due; otherwise just the heartbeat.
      schedule(result.nextConfirmAt === null ? idlePollMs : Math.min(idlePollMs, Math.max(debounceMs, result.nextConfirmAt - now())));
    } else if (result.outcome === 'auth') {
      deps.onState({ status: 'auth_error', lastSuccessAt, lastDeliveredAt, message: result.message, status_code: result.status });
      // Stay quiet until a person acts (a new token kicks the loop).
    } else {
      failures += 1;
      const delay = Math.max(backoffDelay(failures, deps.random), result.retryAfterMs ?? 0);
      notBefore = now() + (result.retryAfterMs ?? 0);
      deps.onState({
        status: 'waiting',
        lastSuccessAt,
        lastDeliveredAt,
        retryAt: now() + delay,
        message: result.message,
        problem: result.problem,
        ...(result.status !== undefined ? { status_code: result.status } : {}),
        failures,
      });
      schedule(delay);
    }
    return result;
  }

  function flushNow(): Promise<FlushResult> {
    clearTimeout(timer);
    dueAt = null;
    const run = chain.then(pass, pass);
    chain = run.catch(() => undefined);
    return run;
  }

  return {
    kick() {
      failures = Math.min(failures, 1); // a fresh reason to try: forget the long back-off
      const wanted = Math.max(debounceMs, notBefore - now());
      // A flush due sooner stays: restarting the wait on every admission starved delivery while
      // scans kept coming.
      if (dueAt !== null && dueAt <= now() + wanted) return;
      schedule(wanted);
    },
    flushNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
