// Exponential back-off with full jitter (AWS architecture blog): spreads twenty devices that
// lost the network together, so they do not all retry in the same second when it returns.
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(BACKOFF_BASE_MS / 2, Math.round(random() * ceiling));
}
