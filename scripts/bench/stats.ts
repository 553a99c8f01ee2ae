// Numbers: every figure is reported as the median of several runs with their min and max.

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: p95 of 500 scans is the 475th value, an actual observation.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function spread(runs: readonly number[]): Spread {
  const finite = runs.filter((x) => Number.isFinite(x));
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    runs: [...runs],
  };
}

/** Per-run objects → one Spread per numeric key. */
export function spreadEach<K extends string>(runs: readonly Record<K, number>[]): Record<K, Spread> {
  const first = runs[0];
  if (!first) return {} as Record<K, Spread>;
  const out = {} as Record<K, Spread>;
  for (const key of Object.keys(first) as K[]) out[key] = spread(runs.map((r) => r[key]));
  return out;
}

/** `--rates 1,4` → [1, 4]: CPU slow-down factors, each at least 1, in the order given. */
export function parseRates(text: string | undefined): number[] {
  const rates = (text ?? '1,4').split(',').map((r) => Number(r.trim()));
  const bad = rates.filter((r) => !Number.isFinite(r) || r < 1);
  if (rates.length === 0 || bad.length > 0) throw new Error(`--rates takes factors of at least 1, like "1,4"; got "${text}"`);
  return [...new Set(rates)];
}
