// A worker started on first use, with the calls waiting on it kept by id. The request worker and
// the barcode worker both need this; what differs is what a message means for its call.
import { fail, type ApiError } from './errors.ts';

export interface LazyWorker<Call> {
  /**
   * Keeps `call` under a new id and posts `request(id)`; null when no worker can start (the
   * caller then does the work on this thread).
   */
  send(call: Call, request: (id: number) => unknown): number | null;
  /** Forgets a call (answered, or given up by its caller). */
  forget(id: number): void;
  /** Posts a message about a call already sent (an abort). */
  post(message: unknown): void;
}

export interface LazyWorkerOptions<Message extends { id: number }, Call> {
  start: () => Worker;
  /** Names the worker in the failure its calls get when it dies ("request worker"). */
  name: string;
  /** A message for a waiting call; `forget(id)` once it is the last one. */
  onMessage: (message: Message, call: Call) => void;
  /** The worker could not start or died: each waiting call gets a network failure its caller already retries. */
  onLost: (call: Call, failure: { ok: false; error: ApiError }) => void;
}

export function lazyWorker<Message extends { id: number }, Call>(options: LazyWorkerOptions<Message, Call>): LazyWorker<Call> {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, Call>();

  function start(): Worker {
    const w = options.start();
    w.onmessage = (event: MessageEvent<Message>) => {
      const call = waiting.get(event.data.id);
      if (call !== undefined) options.onMessage(event.data, call);
    };
    // The next call starts a new worker.
    w.onerror = (event) => {
      event.preventDefault();
      const failure = fail({ kind: 'network', message: `${options.name}: ${event.message || 'failed'}` });
      const lost = [...waiting.values()];
      waiting.clear();
      w.terminate();
      if (worker === w) worker = null;
      for (const call of lost) options.onLost(call, failure);
    };
    return w;
  }

  function running(): Worker | null {
    try {
      return (worker ??= start());
    } catch {
      return null;
    }
  }

  return {
    send(call, request) {
      const w = running();
      if (!w) return null;
      const id = nextId++;
      waiting.set(id, call);
      w.postMessage(request(id));
      return id;
    },
    forget: (id) => void waiting.delete(id),
    post: (message) => worker?.postMessage(message),
  };
}
