import { describe, expect, it } from 'vitest';
import { cropRect, DEFAULT_ROI, normaliseRoi } from './roi.ts';

describe('region of interest', () => {
  it('crops the centre fraction', () => {
    expect(cropRect(640, 480, { width: 0.5, height: 0.5 })).toEqual({ sx: 160, sy: 120, sw: 320, sh: 240, outWidth: 320, outHeight: 240 });
  });
  it('downscales large crops to maxSide', () => {
    const r = cropRect(1920, 1080, { width: 1, height: 1 }, 960);
    expect([r.outWidth, r.outHeight]).toEqual([960, 540]);
  });
  it('normalises numbers and junk', () => {
    expect(normaliseRoi(undefined)).toEqual(DEFAULT_ROI);
    expect(normaliseRoi(0.6)).toEqual({ width: 0.6, height: 0.6 });
    expect(normaliseRoi({ width: 2, height: -1 })).toEqual({ width: 1, height: 1 });
  });
});
