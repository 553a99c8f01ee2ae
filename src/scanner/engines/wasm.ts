// zxing-cpp compiled to WebAssembly (zxing-wasm's reader build). The .wasm is bundled by Vite
// (`?url`) and precached by the service worker; zxing-wasm's default loader would fetch it
// from a public CDN, which fails offline, so locateFile must always point at our copy.

import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { normaliseFormatName, WASM_FORMAT_NAMES } from '../formats.ts';
import type { DecodeEngine, DecodePass, EngineOptions } from './engine.ts';

export interface WasmEngineOptions extends EngineOptions {
  /** Every frame in the thorough pass, as for still photos (the benchmark's reference). */
  tryHarder?: boolean;
  /** Raw zxing-cpp options on top of ours (benchmark and tuning only). */
  overrides?: ReaderOptions;
}

let loading: Promise<unknown> | null = null;

/** Loads and compiles the wasm once per context; rejects if it cannot be fetched. */
export function loadWasm(): Promise<unknown> {
  loading ??= prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
    },
    fireImmediately: true,
  }).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

export function wasmReaderOptions({ formats, tryHarder = false, overrides }: WasmEngineOptions, pass: DecodePass = 'fast'): ReaderOptions {
  const thorough = tryHarder || pass === 'thorough';
  return {
    formats: formats.map((f) => WASM_FORMAT_NAMES[f]),
    tryHarder: thorough,
    tryRotate: thorough,
    tryInvert: thorough,
    tryDownscale: true,
    // The fast pass returns symbols that were found but failed their checks (invalid: never a
    // read), the schedule's cue for a thorough look. Such a symbol takes a result slot, so the
    // fast pass keeps two (with one, an unreadable symbol hid a readable one: 7 corpus photos);
    // the thorough pass has nothing to report it to and reads one more photo without it.
    returnErrors: !thorough,
    maxNumberOfSymbols: thorough ? 1 : 2,
    // Try-harder scans more lines and accepted a wrong Code 128 under glare (a generated ticket,
    // bench:decode) on two agreeing lines; three cost one corpus photo (187 → 186) and no misread.
    minLineCount: thorough ? 3 : 2,
    textMode: 'Plain',
    ...overrides,
  };
}

export async function createWasmEngine(options: WasmEngineOptions): Promise<DecodeEngine> {
  await loadWasm();
  const byPass: Record<DecodePass, ReaderOptions> = {
    fast: wasmReaderOptions(options, 'fast'),
    thorough: wasmReaderOptions(options, 'thorough'),
  };
  return {
    kind: 'wasm',
    async decode(frame, pass = 'fast') {
      const results = await readBarcodes(frame, byPass[pass]);
      const hit = results.find((r) => r.isValid && r.text !== '');
      return {
        hit: hit ? { text: hit.text, format: normaliseFormatName(hit.format) } : null,
        located: !hit && results.length > 0,
      };
    },
    dispose() {},
  };
}
