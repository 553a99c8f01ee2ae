// One small interface for every decoder. An engine sees one greyscale-or-RGBA frame (already
// cropped to the region of interest) and returns at most one symbol: at the door a frame holds
// one ticket, and looking for more costs time on every frame.

import type { ScanFormat } from '../formats.ts';

export type EngineKind = 'native' | 'wasm' | 'zxing-js';

export interface DecodeHit {
  text: string;
  /** Our format name (see formats.ts), or the decoder's own name lower-cased if unknown. */
  format: string;
}

export interface DecodeEngine {
  readonly kind: EngineKind;
  decode(frame: ImageData): Promise<DecodeHit | null>;
  dispose(): void;
}

export interface EngineOptions {
  formats: readonly ScanFormat[];
}
