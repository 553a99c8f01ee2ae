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

export interface BenchItem {
  set: string;
  name: string;
  url: string;
  /** null: no code in this image (false-positive sets, empty scenes). */
  expected: string | null;
  distortion?: Distortion;
}

export type Distortion = 'clean' | 'blur' | 'noise' | 'rotate' | 'glare' | 'low_contrast' | 'far';
export const DISTORTIONS: Distortion[] = ['clean', 'blur', 'noise', 'rotate', 'glare', 'low_contrast', 'far'];

export interface ItemResult {
  text: string | null;
  ms: number;
}

const frames: ImageData[] = [];

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

async function load(items: BenchItem[]): Promise<{ width: number; height: number }[]> {
  frames.length = 0;
  for (const [i, item] of items.entries()) {
    // The bench page is not the app: it loads its corpus photos itself, beside the engines it measures.
    // eslint-disable-next-line no-restricted-globals
    const response = await fetch(item.url);
    const blob = await response.blob();
    const bitmap = await createImageBitmap(blob).catch((err: unknown) => {
      throw new Error(`${item.url} (${response.status} ${blob.type} ${blob.size} B): ${String(err)}`);
    });
    if (item.distortion) {
      frames.push(distort(bitmap, item.distortion, i + 1));
    } else {
      const ctx = context(bitmap.width, bitmap.height);
      ctx.drawImage(bitmap, 0, 0);
      frames.push(ctx.getImageData(0, 0, bitmap.width, bitmap.height));
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
      const hit = await engines[e]!.decode(f);
      out[ids[e]!]![n] = { text: hit?.text ?? null, ms: performance.now() - t0 };
    }
  }
  for (const engine of engines) engine.dispose();
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

const api = { load, runAll, info };
(window as unknown as { bench: typeof api }).bench = api;
document.getElementById('status')!.textContent = 'ready';
