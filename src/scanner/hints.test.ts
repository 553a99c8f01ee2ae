import { describe, expect, it } from 'vitest';
import { frameStats, laplacianVariance, meanLuminance, toGrey } from './frame-stats.ts';
import { createHintTracker } from './hints.ts';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function rgba(width: number, height: number, pixel: (x: number, y: number) => number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixel(x, y);
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

const bright = { luminance: 180, sharpness: 500 };
const dark = { luminance: 15, sharpness: 500 };
const blurred = { luminance: 180, sharpness: 3 };

describe('frame statistics', () => {
  it('measures mean luminance', () => {
    expect(meanLuminance(toGrey(rgba(64, 48, () => 200)))).toBeCloseTo(200, 0);
    expect(meanLuminance(toGrey(rgba(64, 48, () => 0)))).toBe(0);
  });

  it('finds a checkerboard sharp and a flat or smooth image blurred', () => {
    const checker = frameStats(rgba(320, 240, (x, y) => ((x >> 2) + (y >> 2)) % 2 ? 230 : 20));
    const flat = frameStats(rgba(320, 240, () => 128));
    const ramp = frameStats(rgba(320, 240, (x) => Math.round((x / 320) * 255)));
    expect(checker.sharpness).toBeGreaterThan(1000);
    expect(flat.sharpness).toBe(0);
    expect(ramp.sharpness).toBeLessThan(30);
  });

  it('downscales to the requested long side', () => {
    const g = toGrey(rgba(640, 480, () => 1), 160);
    expect([g.width, g.height]).toEqual([160, 120]);
    expect(laplacianVariance({ data: new Uint8Array(4), width: 2, height: 2 })).toBe(0);
  });
});

describe('createHintTracker', () => {
  it('says nothing while reads keep coming or before the no-read delay', () => {
    const c = clock();
    const h = createHintTracker({ now: c.now, noReadMs: 4000 });
    c.advance(3900);
    expect(h.frame(bright, false)).toBeNull();
    c.advance(5000);
    expect(h.frame(bright, true)).toBeNull();
    c.advance(1000);
    expect(h.frame(bright, false)).toBeNull();
  });

  it("asks for light after frames stayed dark for darkForMs, even while reading nothing for long", () => {
    const c = clock();
    const h = createHintTracker({ now: c.now, darkForMs: 1000 });
    expect(h.frame(dark, false)).toBeNull();
    c.advance(500);
    expect(h.frame(dark, false)).toBeNull();
    c.advance(600);
    expect(h.frame(dark, false)).toBe('more_light');
    c.advance(5000);
    expect(h.frame(dark, false)).toBe('more_light');
    expect(h.frame(bright, false)).toBe('closer');
  });

  it("suggests 'closer' for sharp frames and 'hold_still' for blurred ones after noReadMs", () => {
    const c = clock();
    const h = createHintTracker({ now: c.now, noReadMs: 4000, window: 3 });
    c.advance(4000);
    expect(h.frame(bright, false)).toBe('closer');
    h.frame(blurred, false);
    h.frame(blurred, false);
    expect(h.frame(blurred, false)).toBe('hold_still');
  });

  it('clears the hint on a read and restarts the delay on reset()', () => {
    const c = clock();
    const h = createHintTracker({ now: c.now, noReadMs: 1000 });
    c.advance(1000);
    expect(h.frame(bright, false)).toBe('closer');
    expect(h.frame(bright, true)).toBeNull();
    c.advance(1000);
    h.reset();
    expect(h.frame(bright, false)).toBeNull();
  });
});
