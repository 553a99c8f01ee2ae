// The region of interest: the centre of the video frame that the on-screen viewfinder shows,
// decoded at full resolution for codes held far. The frame schedule (schedule.ts) alternates it
// with the whole frame scaled down, because a ticket held close overflows the region; so a code
// at the edge of the view can be read too (the repeat filter still admits each code once).

import type { FramePlan } from './schedule.ts';

export interface Roi {
  /** Fraction of the video width, centred, 0 < width ≤ 1. */
  width: number;
  /** Fraction of the video height, centred, 0 < height ≤ 1. */
  height: number;
}

export interface CropRect {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  /** Output size after the optional downscale to `maxSide`. */
  outWidth: number;
  outHeight: number;
}

export const DEFAULT_ROI: Roi = { width: 0.8, height: 0.8 };
/** The whole frame, for the schedule's full-frame looks. */
export const FULL_FRAME: Roi = { width: 1, height: 1 };
/** Larger ROIs are downscaled before decoding: more pixels mostly cost time, not reads. */
export const DEFAULT_MAX_DECODE_SIDE = 1280;

export function normaliseRoi(roi: number | Roi | undefined): Roi {
  const clamp = (v: number) => (Number.isFinite(v) && v > 0 ? Math.min(1, v) : 1);
  if (roi === undefined) return DEFAULT_ROI;
  if (typeof roi === 'number') return { width: clamp(roi), height: clamp(roi) };
  return { width: clamp(roi.width), height: clamp(roi.height) };
}

export function cropRect(videoWidth: number, videoHeight: number, roi: Roi, maxSide = DEFAULT_MAX_DECODE_SIDE): CropRect {
  const sw = Math.max(1, Math.round(videoWidth * roi.width));
  const sh = Math.max(1, Math.round(videoHeight * roi.height));
  const sx = Math.floor((videoWidth - sw) / 2);
  const sy = Math.floor((videoHeight - sh) / 2);
  const scale = Math.min(1, maxSide / Math.max(sw, sh));
  return { sx, sy, sw, sh, outWidth: Math.round(sw * scale), outHeight: Math.round(sh * scale) };
}

/** The crop a schedule's plan asks for: its region, then scaled by plan.scale (never up). */
export function planRect(videoWidth: number, videoHeight: number, plan: FramePlan, roi: Roi, maxSide = DEFAULT_MAX_DECODE_SIDE): CropRect {
  const r = cropRect(videoWidth, videoHeight, plan.region === 'roi' ? roi : FULL_FRAME, maxSide);
  const scale = Math.min(1, Math.max(0, plan.scale));
  if (scale === 1) return r;
  return { ...r, outWidth: Math.max(1, Math.round(r.outWidth * scale)), outHeight: Math.max(1, Math.round(r.outHeight * scale)) };
}
