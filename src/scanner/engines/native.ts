// The platform's BarcodeDetector (Chrome Android, some desktop builds). Used only when
// getSupportedFormats() really lists every format we need: desktop Linux/Windows expose the
// class with an empty list, and in-app browsers may expose it and read nothing.

import type { ScanFormat } from '../formats.ts';
import { normaliseFormatName } from '../formats.ts';
import type { DecodeEngine, EngineOptions } from './engine.ts';

interface DetectedBarcodeLike {
  rawValue: string;
  format: string;
}
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<DetectedBarcodeLike[]>;
}
export interface BarcodeDetectorCtor {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** The global BarcodeDetector constructor, if this context has one (window or worker). */
export function nativeDetectorCtor(scope: unknown = globalThis): BarcodeDetectorCtor | null {
  const ctor = (scope as { BarcodeDetector?: unknown }).BarcodeDetector;
  if (typeof ctor !== 'function') return null;
  if (typeof (ctor as Partial<BarcodeDetectorCtor>).getSupportedFormats !== 'function') return null;
  return ctor as BarcodeDetectorCtor;
}

/** True when the native detector exists and lists all of `formats`. Never throws. */
export async function nativeSupports(
  formats: readonly ScanFormat[],
  ctor: BarcodeDetectorCtor | null = nativeDetectorCtor(),
): Promise<boolean> {
  if (!ctor || formats.length === 0) return false;
  try {
    const supported = new Set(await ctor.getSupportedFormats());
    return formats.every((f) => supported.has(f));
  } catch {
    return false;
  }
}

export function createNativeEngine(
  { formats }: EngineOptions,
  ctor: BarcodeDetectorCtor | null = nativeDetectorCtor(),
): DecodeEngine {
  if (!ctor) throw new Error('BarcodeDetector is not available');
  const detector = new ctor({ formats: [...formats] });
  return {
    kind: 'native',
    async decode(frame) {
      const found = await detector.detect(frame);
      const first = found[0];
      // The platform reports only what it read: no partial finds, so `located` stays false.
      return { hit: first ? { text: first.rawValue, format: normaliseFormatName(first.format) } : null, located: false };
    },
    dispose() {},
  };
}
