// Seeded randomness for property and fuzz tests (pure, so every layer may use it): a case is a
// pure function of its seed, so a failing seed printed by a test replays exactly.
export type Random = () => number;

/** mulberry32: tiny, fast, good enough to spread test cases (not for anything secret). */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const chance = (random: Random, p: number): boolean => random() < p;

export const intBetween = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks by weight: `[['a', 3], ['b', 1]]` gives 'a' three times as often. */
export function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [item, w] of table) {
    x -= w;
    if (x < 0) return item;
  }
  const last = table.at(-1);
  if (!last) throw new Error('weighted pick from an empty table');
  return last[0];
}
