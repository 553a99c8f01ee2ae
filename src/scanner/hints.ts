// What to tell the person at the door when the camera reads nothing. Pure: time comes in
// through `now`, frames through their statistics.
//   too dark for a while            → 'more_light'
//   no read for `noReadMs`, blurry  → 'hold_still' (motion blur or focus hunting)
//   no read for `noReadMs`, sharp   → 'closer' (the code is too small to resolve)

import type { FrameStats } from './frame-stats.ts';

export type ScanHint = 'more_light' | 'closer' | 'hold_still';

export interface HintOptions {
  now?: () => number;
  /** Mean luminance (0–255) under which a frame counts as dark. */
  darkBelow?: number;
  /** How long frames must stay dark before asking for light. */
  darkForMs?: number;
  /** How long without a read before suggesting 'closer' or 'hold_still'. */
  noReadMs?: number;
  /**
   * Laplacian variance (on the 160 px grey ROI) under which recent frames count as blurred.
   * Rough and content-dependent: a sharp ticket scores thousands, a σ≈3 px blur ≈ 100; tune on phones.
   */
  blurBelow?: number;
  /** Frames averaged for the sharpness decision. */
  window?: number;
}

export interface HintTracker {
  /** Feed one analysed frame; returns the hint to show now (null = none). */
  frame(stats: FrameStats, decoded: boolean): ScanHint | null;
  /** Call when scanning (re)starts or a code was read by other means. */
  reset(): void;
}

export const HINT_DEFAULTS = {
  darkBelow: 40,
  darkForMs: 1000,
  noReadMs: 4000,
  blurBelow: 100,
  window: 8,
} as const;

export function createHintTracker(options: HintOptions = {}): HintTracker {
  const now = options.now ?? (() => Date.now());
  const darkBelow = options.darkBelow ?? HINT_DEFAULTS.darkBelow;
  const darkForMs = options.darkForMs ?? HINT_DEFAULTS.darkForMs;
  const noReadMs = options.noReadMs ?? HINT_DEFAULTS.noReadMs;
  const blurBelow = options.blurBelow ?? HINT_DEFAULTS.blurBelow;
  const windowSize = Math.max(1, options.window ?? HINT_DEFAULTS.window);

  let lastReadAt = now();
  let darkSince: number | null = null;
  let recentSharpness: number[] = [];

  return {
    frame(stats, decoded) {
      const t = now();
      recentSharpness.push(stats.sharpness);
      if (recentSharpness.length > windowSize) recentSharpness.shift();
      if (decoded) {
        lastReadAt = t;
        darkSince = null;
        return null;
      }
      if (stats.luminance < darkBelow) darkSince ??= t;
      else darkSince = null;
      if (darkSince !== null && t - darkSince >= darkForMs) return 'more_light';
      if (t - lastReadAt < noReadMs) return null;
      const avg = recentSharpness.reduce((a, b) => a + b, 0) / recentSharpness.length;
      return avg < blurBelow ? 'hold_still' : 'closer';
    },
    reset() {
      lastReadAt = now();
      darkSince = null;
      recentSharpness = [];
    },
  };
}
