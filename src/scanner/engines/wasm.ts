// zxing-cpp compiled to WebAssembly (zxing-wasm's reader build). The .wasm is bundled by Vite
// (`?url`) and precached by the service worker; zxing-wasm's default loader would fetch it
// from a public CDN, which fails offline, so locateFile must always point at our copy.

import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { normaliseFormatName, WASM_FORMAT_NAMES } from '../formats.ts';
import type { DecodeEngine, EngineOptions } from './engine.ts';

export interface WasmEngineOptions extends EngineOptions {
  /** Slow, thorough mode meant for still photos. Off for video: the next frame is the retry. */
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

export function wasmReaderOptions({ formats, tryHarder = false, overrides }: WasmEngineOptions): ReaderOptions {
  return {
    formats: formats.map((f) => WASM_FORMAT_NAMES[f]),
    tryHarder,
    tryRotate: tryHarder,
    tryInvert: tryHarder,
    tryDownscale: true,
    maxNumberOfSymbols: 1,
    textMode: 'Plain',
    ...overrides,
  };
}

export async function createWasmEngine(options: WasmEngineOptions): Promise<DecodeEngine> {
  await loadWasm();
  const readerOptions = wasmReaderOptions(options);
  return {
    kind: 'wasm',
    async decode(frame) {
      const results = await readBarcodes(frame, readerOptions);
      const hit = results.find((r) => r.isValid && r.text !== '');
      return hit ? { text: hit.text, format: normaliseFormatName(hit.format) } : null;
    },
    dispose() {},
  };
}
