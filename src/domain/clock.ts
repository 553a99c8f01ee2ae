// Device clock error, estimated from the server's `Date` header. A phone set to the wrong day or
// zone stamps every check-in wrong; beyond MAX_SKEW_MS we warn and stamp the corrected time.

export const MAX_SKEW_MS = 2 * 60_000;
/** How many recent estimates are kept: one slow answer must not swing the correction. */
export const SKEW_SAMPLES = 5;

export interface ClockSample {
  /** The server's Date header (whole seconds). */
  serverMs: number;
  /** Device clock when the request left and when the answer came. */
  sentAt: number;
  receivedAt: number;
}

/**
 * Server minus device, ms. The header truncates to the second, so its true instant is on
 * average half a second later; the device's matching instant is mid-way through the exchange.
 */
export function skewOf({ serverMs, sentAt, receivedAt }: ClockSample): number {
  return serverMs + 500 - (sentAt + receivedAt) / 2;
}

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface ClockEstimate {
  /** Median server-minus-device of the recent samples, ms; null before the first sample. */
  skewMs: number | null;
  /** What to add to the device clock when stamping: 0 while within MAX_SKEW_MS. */
  correctionMs: number;
}

export function estimateClock(skews: readonly number[]): ClockEstimate {
  if (skews.length === 0) return { skewMs: null, correctionMs: 0 };
  const skewMs = Math.round(medianOf(skews.slice(-SKEW_SAMPLES)));
  // Whole seconds: check-ins carry seconds, and a correction must not jitter between samples.
  return { skewMs, correctionMs: Math.abs(skewMs) > MAX_SKEW_MS ? Math.round(skewMs / 1000) * 1000 : 0 };
}
