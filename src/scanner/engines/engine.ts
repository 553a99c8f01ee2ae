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

/**
 * How hard one frame is searched (see schedule.ts for which frame gets which). Only zxing-wasm
 * tells them apart; the native detector and @zxing/library read every pass alike.
 *   fast      straight codes, dark on light: what an empty frame costs
 *   thorough  also inverted (white on black: phone screens in dark mode), rotated by 90°/180°
 *             (a ticket held sideways) and the slower, more careful search
 */
export type DecodePass = 'fast' | 'thorough';

export interface DecodeOutcome {
  hit: DecodeHit | null;
  /**
   * Nothing read, but a symbol was found (a QR whose error correction failed, a linear code whose
   * checksum did not match): worth a harder look at the next frame.
   */
  located: boolean;
}

export interface DecodeEngine {
  readonly kind: EngineKind;
  decode(frame: ImageData, pass?: DecodePass): Promise<DecodeOutcome>;
  dispose(): void;
}

export interface EngineOptions {
  formats: readonly ScanFormat[];
}
