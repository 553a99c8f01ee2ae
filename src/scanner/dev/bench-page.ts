// Decoder benchmark page: runs in Chromium, driven by scripts/bench-decode/run.ts; not part of
// the app bundle. It uses the scanner's own engine modules, so the bench measures exactly what
// the door runs. Ticket frames arrive clean from Node and are distorted
// here with canvas (blur, noise, rotation, glare, low contrast, distance).

import type { ReaderOptions } from 'zxing-wasm/reader';
import type { DecodeEngine } from '../engines/engine.ts';
import { createNativeEngine, nativeDetectorCtor, nativeSupports } from '../engines/native.ts';
import { pickEngine } from '../engines/pick.ts';
import { createWasmEngine } from '../engines/wasm.ts';
import { createZxingJsEngine } from '../engines/zxing-js.ts';
import { DEFAULT_FORMATS } from '../formats.ts';
import { DEFAULT_MAX_DECODE_SIDE, DEFAULT_ROI, planRect } from '../roi.ts';
import type { FramePlan } from '../schedule.ts';

export interface BenchItem {
  set: string;
  name: string;
  url: string;
  /** null: no code in this image (false-positive sets, empty scenes). */
  expected: string | null;
  distortion?: Distortion;
}

export type Distortion = 'clean' | 'blur' | 'noise' | 'rotate' | 'glare' | 'low_contrast' | 'far' | 'inverted' | 'sideways';
export const DISTORTIONS: Distortion[] = ['clean', 'blur', 'noise', 'rotate', 'glare', 'low_contrast', 'far', 'inverted', 'sideways'];

export interface ItemResult {
  text: string | null;
  ms: number;
}

/** One look at a camera frame: a schedule's plan, plus raw zxing-cpp overrides (bench and tuning only). */
export interface Look extends FramePlan {
  overrides?: ReaderOptions;
}

export interface LookResult extends ItemResult {
  located: boolean;
}

/** What the fake camera shows: 640×480, the photo scaled to fit, centred on grey. */
export const CAMERA = { width: 640, height: 480 } as const;

const frames: ImageData[] = [];
/** frames[i] as the fake camera shows it (tickets already are 640×480). */
const cameraFrames: ImageData[] = [];
/** Indices of frames with no code (false-positive sets, empty scenes). */
const emptyFrames = new Set<number>();
const EMPTY_REPEATS = 5;

function context(width: number, height: number) {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  return ctx;
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function distort(bitmap: ImageBitmap, how: Distortion, seed: number): ImageData {
  const { width, height } = bitmap;
  const ctx = context(width, height);
  ctx.fillStyle = 'rgb(80,80,80)';
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  if (how === 'blur') ctx.filter = 'blur(1.5px)';
  if (how === 'low_contrast') ctx.filter = 'contrast(0.3) brightness(1.15)';
  if (how === 'inverted') ctx.filter = 'invert(1)'; // a phone screen in dark mode: white code on black
  if (how === 'sideways') {
    // A ticket held at 90°: the bars run across the frame, so a linear code needs tryRotate.
    ctx.translate(width / 2, height / 2);
    ctx.rotate(Math.PI / 2);
    ctx.translate(-width / 2, -height / 2);
  }
  if (how === 'rotate') {
    ctx.translate(width / 2, height / 2);
    ctx.rotate((12 * Math.PI) / 180);
    ctx.translate(-width / 2, -height / 2);
  }
  if (how === 'far') {
    ctx.translate(width / 2, height / 2);
    ctx.scale(0.6, 0.6);
    ctx.translate(-width / 2, -height / 2);
  }
  ctx.drawImage(bitmap, 0, 0);
  ctx.restore();
  if (how === 'glare') {
    const g = ctx.createRadialGradient(width * 0.56, height * 0.5, 0, width * 0.56, height * 0.5, 80);
    g.addColorStop(0, 'rgba(255,255,255,0.85)');
    g.addColorStop(1, 'rgba(255,255,255,0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, width, height);
  }
  const image = ctx.getImageData(0, 0, width, height);
  if (how === 'noise') {
    const rnd = mulberry32(seed);
    const d = image.data;
    for (let i = 0; i < d.length; i += 4) {
      // Approximately Gaussian (sum of uniforms), σ ≈ 20 grey levels, same on all channels.
      const n = (rnd() + rnd() + rnd() + rnd() - 2) * 35;
      d[i] = d[i]! + n;
      d[i + 1] = d[i + 1]! + n;
      d[i + 2] = d[i + 2]! + n;
    }
  }
  return image;
}

function onCamera(bitmap: ImageBitmap): ImageData {
  const ctx = context(CAMERA.width, CAMERA.height);
  ctx.fillStyle = 'rgb(128,128,128)';
  ctx.fillRect(0, 0, CAMERA.width, CAMERA.height);
  const scale = Math.min(CAMERA.width / bitmap.width, CAMERA.height / bitmap.height);
  const w = Math.round(bitmap.width * scale);
  const h = Math.round(bitmap.height * scale);
  ctx.drawImage(bitmap, Math.floor((CAMERA.width - w) / 2), Math.floor((CAMERA.height - h) / 2), w, h);
  return ctx.getImageData(0, 0, CAMERA.width, CAMERA.height);
}

/** The pixels the loop sends for `plan` (loop.ts crops with the same planRect; the browser's resize, not ours). */
function regionOf(frame: ImageData, plan: FramePlan): ImageData {
  const r = planRect(frame.width, frame.height, plan, DEFAULT_ROI, DEFAULT_MAX_DECODE_SIDE);
  if (r.sw === frame.width && r.sh === frame.height && r.outWidth === frame.width) return frame;
  const src = context(frame.width, frame.height);
  src.putImageData(frame, 0, 0);
  const ctx = context(r.outWidth, r.outHeight);
  ctx.drawImage(src.canvas, r.sx, r.sy, r.sw, r.sh, 0, 0, r.outWidth, r.outHeight);
  return ctx.getImageData(0, 0, r.outWidth, r.outHeight);
}

async function load(items: BenchItem[]): Promise<{ width: number; height: number }[]> {
  frames.length = 0;
  cameraFrames.length = 0;
  emptyFrames.clear();
  for (const [i, item] of items.entries()) {
    if (item.expected === null) emptyFrames.add(i);
    // The bench page is not the app: it loads its corpus photos itself, beside the engines it measures.
    // eslint-disable-next-line no-restricted-globals
    const response = await fetch(item.url);
    const blob = await response.blob();
    const bitmap = await createImageBitmap(blob).catch((err: unknown) => {
      throw new Error(`${item.url} (${response.status} ${blob.type} ${blob.size} B): ${String(err)}`);
    });
    if (item.distortion) {
      frames.push(distort(bitmap, item.distortion, i + 1));
      cameraFrames.push(frames.at(-1)!);
    } else {
      const ctx = context(bitmap.width, bitmap.height);
      ctx.drawImage(bitmap, 0, 0);
      frames.push(ctx.getImageData(0, 0, bitmap.width, bitmap.height));
      cameraFrames.push(onCamera(bitmap));
    }
    bitmap.close();
  }
  return frames.map((f) => ({ width: f.width, height: f.height }));
}

async function makeEngine(id: string): Promise<DecodeEngine> {
  const formats = DEFAULT_FORMATS;
  // 'wasm:{"tryHarder":true}' = our wasm engine with raw zxing-cpp option overrides.
  if (id.startsWith('wasm:')) return createWasmEngine({ formats, overrides: JSON.parse(id.slice(5)) as ReaderOptions });
  switch (id) {
    case 'wasm':
      return createWasmEngine({ formats });
    case 'wasm-tryharder':
      return createWasmEngine({ formats, tryHarder: true });
    case 'zxing-js-default':
      return createZxingJsEngine({ formats, tuned: false });
    case 'zxing-js-tuned':
      return createZxingJsEngine({ formats, tuned: true });
    case 'native':
      return createNativeEngine({ formats });
    default:
      throw new Error(`unknown engine ${id}`);
  }
}

/**
 * All engines over all frames, interleaved frame by frame (rotating the order), so background
 * load on a shared machine hits every engine alike; a full warm-up pass first (JIT, wasm tier-up).
 */
async function runAll(ids: string[]): Promise<Record<string, ItemResult[]>> {
  const engines = await Promise.all(ids.map(makeEngine));
  for (const engine of engines) for (const f of frames.slice(0, 40)) await engine.decode(f);
  const out: Record<string, ItemResult[]> = Object.fromEntries(ids.map((id) => [id, []]));
  for (const [n, f] of frames.entries()) {
    for (let k = 0; k < engines.length; k++) {
      const e = (n + k) % engines.length;
      const t0 = performance.now();
      const { hit } = await engines[e]!.decode(f);
      out[ids[e]!]![n] = { text: hit?.text ?? null, ms: performance.now() - t0 };
    }
  }
  for (const engine of engines) engine.dispose();
  return out;
}

/**
 * Every look at every camera frame, once: a frame shown again gives the same answer, so the
 * live loop on a still frame is replayed from this table in Node (run.ts), schedule by schedule.
 * Looks interleaved frame by frame, like runAll, so background load hits them alike.
 */
async function looks(list: Look[]): Promise<LookResult[][]> {
  const formats = DEFAULT_FORMATS;
  const byOverrides = new Map<string, DecodeEngine>();
  for (const look of list) {
    const key = JSON.stringify(look.overrides ?? {});
    if (!byOverrides.has(key)) byOverrides.set(key, await createWasmEngine({ formats, ...(look.overrides ? { overrides: look.overrides } : {}) }));
  }
  const engineOf = (look: Look) => byOverrides.get(JSON.stringify(look.overrides ?? {}))!;
  const pixelsOf = (frame: ImageData, look: Look) => regionOf(frame, look);
  for (const f of cameraFrames.slice(0, 40)) for (const look of list) await engineOf(look).decode(pixelsOf(f, look), look.pass);
  const out: LookResult[][] = list.map(() => []);
  for (const [n, frame] of cameraFrames.entries()) {
    const pixels = list.map((look) => pixelsOf(frame, look));
    // Frames without a code are timed `emptyRepeats` times (median kept): they are what the
    // loop spends most of its time on, and one timing on a shared machine is noisy.
    const repeats = emptyFrames.has(n) ? EMPTY_REPEATS : 1;
    const ms: number[][] = list.map(() => []);
    for (let rep = 0; rep < repeats; rep++) {
      for (let k = 0; k < list.length; k++) {
        const l = (n + k + rep) % list.length;
        const t0 = performance.now();
        const r = await engineOf(list[l]!).decode(pixels[l]!, list[l]!.pass);
        ms[l]!.push(performance.now() - t0);
        out[l]![n] = { text: r.hit?.text ?? null, located: r.located, ms: 0 };
      }
    }
    for (let l = 0; l < list.length; l++) out[l]![n]!.ms = ms[l]!.sort((a, b) => a - b)[Math.floor((ms[l]!.length - 1) / 2)]!;
  }
  for (const e of byOverrides.values()) e.dispose();
  return out;
}

async function info() {
  const ctor = nativeDetectorCtor();
  let nativeFormats: string[] | null = null;
  if (ctor) nativeFormats = await ctor.getSupportedFormats().catch(() => []);
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    nativePresent: ctor !== null,
    nativeFormats,
    nativeUsable: await nativeSupports(DEFAULT_FORMATS, ctor),
    picked: await pickEngine(DEFAULT_FORMATS),
  };
}

const api = { load, runAll, looks, info };
(window as unknown as { bench: typeof api }).bench = api;
document.getElementById('status')!.textContent = 'ready';
