// One organiser's live feed in one process: a blocking XREAD on its own connection over the log
// and the heartbeat stream, dispatched to every listener here. One per organiser (not per device)
// so 500 streams on a server cost one Redis connection, not 500.
//
// The tail starts from the streams' newest ids, read before `ready` settles; everything appended
// after that is read by XREAD in order. A listener that joins a running tail gets every event the
// tail reads from then on, which includes every event appended after it joined.
import type { EventId } from './event-id.ts';
import type { Heartbeat, LogEvent } from './protocol.ts';
import { blockingConnection, reportErrors } from './redis-connection.ts';
import type { Live, LiveListener } from './store.ts';

export interface TailKeys {
  log: string;
  live: string;
}

export interface TailOptions {
  url: string;
  keys: TailKeys;
  /** The newest ids of [log, live] now. */
  start: () => Promise<[EventId, EventId]>;
  toEvent: (id: string, fields: string[]) => LogEvent | null;
  toHeartbeat: (fields: string[]) => Heartbeat | null;
  log: (line: string) => void;
  /** Called once when the tail ends (no listeners left, or Redis failed). */
  onStop: () => void;
}

export interface Tail {
  add(listener: LiveListener): Live;
  stop(): void;
}

/** XREAD returns after this at the latest, so a dead connection is noticed within the command timeout. */
const BLOCK_MS = 5000;
const BATCH = 1000;

type XReadReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

export function createTail(options: TailOptions): Tail {
  const listeners = new Set<LiveListener>();
  const connection = blockingConnection(options.url, BLOCK_MS);
  reportErrors(connection, 'live feed', options.log);
  let stopped = false;

  const ready = run();
  ready.catch(() => {}); // failures reach listeners through onError (and each `ready`)

  async function run(): Promise<void> {
    let [logId, liveId] = await options.start().catch((err: unknown) => {
      throw fail(err);
    });
    void (async () => {
      try {
        while (!stopped) {
          const reply = (await connection.call('XREAD', 'COUNT', BATCH, 'BLOCK', BLOCK_MS, 'STREAMS', options.keys.log, options.keys.live, logId, liveId)) as XReadReply;
          if (stopped) return;
          for (const [key, entries] of reply ?? []) {
            for (const [id, fields] of entries) {
              if (key === options.keys.log) {
                logId = id;
                const event = options.toEvent(id, fields);
                if (event) dispatch((l) => l.onEvent(event));
              } else {
                liveId = id;
                const heartbeat = options.toHeartbeat(fields);
                if (heartbeat) dispatch((l) => l.onDevice(heartbeat));
              }
            }
          }
        }
      } catch (err) {
        fail(err);
      }
    })();
  }

  function dispatch(send: (l: LiveListener) => void): void {
    for (const listener of [...listeners]) {
      try {
        send(listener);
      } catch {
        // One broken stream must not keep the event from the others.
      }
    }
  }

  /** Ends the tail and tells its listeners (unless it had already stopped); returns the error. */
  function fail(err: unknown): Error {
    const error = err instanceof Error ? err : new Error(String(err));
    if (!stopped) {
      options.log(`hub: live feed from Redis ended: ${error.message}`);
      const gone = [...listeners];
      stop();
      for (const l of gone) l.onError(error);
    }
    return error;
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    listeners.clear();
    connection.disconnect();
    options.onStop();
  }

  return {
    add(listener) {
      listeners.add(listener);
      return {
        ready,
        close() {
          listeners.delete(listener);
          if (listeners.size === 0) stop();
        },
      };
    },
    stop,
  };
}
