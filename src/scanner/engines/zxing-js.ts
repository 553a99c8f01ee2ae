// @zxing/library, the pure-JavaScript last resort (no wasm, no native detector). It prints a
// console.warn with a stack for misses on every frame, so warnings are muted around each decode.

import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import type { ScanFormat } from '../formats.ts';
import type { DecodeEngine, EngineOptions } from './engine.ts';

const TO_ZXING: Record<ScanFormat, BarcodeFormat> = {
  qr_code: BarcodeFormat.QR_CODE,
  code_128: BarcodeFormat.CODE_128,
  ean_13: BarcodeFormat.EAN_13,
  itf: BarcodeFormat.ITF,
  pdf417: BarcodeFormat.PDF_417,
  aztec: BarcodeFormat.AZTEC,
  data_matrix: BarcodeFormat.DATA_MATRIX,
};

const FROM_ZXING = new Map<BarcodeFormat, string>(
  Object.entries(TO_ZXING).map(([ours, theirs]) => [theirs, ours]),
);

export interface ZxingJsEngineOptions extends EngineOptions {
  /** false = the library's default configuration (all formats, no hints); kept for the benchmark. */
  tuned?: boolean;
}

/** RGBA → one luminance byte per pixel (integer BT.601 weights, as zxing does). */
export function rgbaToLuminance(frame: ImageData): Uint8ClampedArray {
  const { data, width, height } = frame;
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = ((data[p]! * 306 + data[p + 1]! * 601 + data[p + 2]! * 117) >> 10) & 0xff;
  }
  return out;
}

export function createZxingJsEngine({ formats, tuned = true }: ZxingJsEngineOptions): DecodeEngine {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>();
  if (tuned) hints.set(DecodeHintType.POSSIBLE_FORMATS, formats.map((f) => TO_ZXING[f]));
  reader.setHints(hints);
  return {
    kind: 'zxing-js',
    async decode(frame) {
      const source = new RGBLuminanceSource(rgbaToLuminance(frame), frame.width, frame.height);
      const bitmap = new BinaryBitmap(new HybridBinarizer(source));
      const warn = console.warn;
      console.warn = () => {};
      try {
        const result = reader.decodeWithState(bitmap);
        const format = FROM_ZXING.get(result.getBarcodeFormat()) ?? String(BarcodeFormat[result.getBarcodeFormat()]).toLowerCase();
        return { hit: { text: result.getText(), format }, located: false };
      } catch {
        // The library throws NotFound alike for "no symbol" and "symbol, unreadable": nothing to tell apart.
        return { hit: null, located: false };
      } finally {
        console.warn = warn;
      }
    },
    dispose() {
      reader.reset();
    },
  };
}
