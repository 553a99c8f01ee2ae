// How many requests are under way at once, in all and per key (a token fingerprint): each holds
// a socket, maybe an upstream connection or an open stream, and its body. One module for the
// gateway (gateway-admission.ts), the hub (hub/guard.ts) and the webhook endpoint, so each caps
// the same way; each keeps its own counts and limits.

export interface InFlightLimits {
  /** Under way at once, every key together. */
  total: number;
  /** Under way at once with one key. */
  perKey: number;
}

/** busy: the whole server is at its cap; per_key: this key is. */
export type InFlightRefusal = 'busy' | 'per_key';

export interface InFlightCap {
  /** Why a request with this key cannot start now, or null when it can. */
  refusal(key: string): InFlightRefusal | null;
  /** Takes a slot (call after refusal() gave null). Call the release once the request is over; a second call does nothing. */
  take(key: string): () => void;
  /** Under way now, every key together. */
  count(): number;
}

export function createInFlightCap(limits: InFlightLimits): InFlightCap {
  const perKey = new Map<string, number>();
  let total = 0;
  return {
    refusal(key) {
      if (total >= limits.total) return 'busy';
      if ((perKey.get(key) ?? 0) >= limits.perKey) return 'per_key';
      return null;
    },
    take(key) {
      total += 1;
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (perKey.get(key) ?? 1) - 1;
        if (left > 0) perKey.set(key, left);
        else perKey.delete(key);
      };
    },
    count: () => total,
  };
}
