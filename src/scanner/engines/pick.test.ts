import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMATS } from '../formats.ts';
import type { BarcodeDetectorCtor } from './native.ts';
import { createNativeEngine, nativeDetectorCtor, nativeSupports } from './native.ts';
import { currentEnvironment, engineOrder, pickEngine } from './pick.ts';

function fakeDetector(supported: string[] | Error): BarcodeDetectorCtor {
  return class {
    static getSupportedFormats() {
      return supported instanceof Error ? Promise.reject(supported) : Promise.resolve(supported);
    }
    constructor(readonly options?: { formats: string[] }) {}
    detect() {
      return Promise.resolve([{ rawValue: '871495495233', format: 'code_128' }]);
    }
  };
}

const withWasm = (detector: BarcodeDetectorCtor | null) => ({ detector, webAssembly: true });

describe('pickEngine', () => {
  it('skips a BarcodeDetector that lists no formats (desktop Linux/Windows)', async () => {
    expect(await pickEngine(DEFAULT_FORMATS, withWasm(fakeDetector([])))).toBe('wasm');
  });

  it('skips a BarcodeDetector that lists only some of the needed formats', async () => {
    expect(await pickEngine(DEFAULT_FORMATS, withWasm(fakeDetector(['qr_code', 'ean_13'])))).toBe('wasm');
  });

  it('uses the native detector when it lists every needed format', async () => {
    const all = ['aztec', 'code_128', 'ean_13', 'ean_8', 'itf', 'qr_code', 'upc_a'];
    expect(await pickEngine(DEFAULT_FORMATS, withWasm(fakeDetector(all)))).toBe('native');
    expect(await engineOrder(DEFAULT_FORMATS, withWasm(fakeDetector(all)))).toEqual(['native', 'wasm', 'zxing-js']);
  });

  it('needs the optional formats too once they are enabled', async () => {
    const four = ['code_128', 'ean_13', 'itf', 'qr_code'];
    expect(await pickEngine(DEFAULT_FORMATS, withWasm(fakeDetector(four)))).toBe('native');
    expect(await pickEngine([...DEFAULT_FORMATS, 'pdf417'], withWasm(fakeDetector(four)))).toBe('wasm');
  });

  it('treats a throwing getSupportedFormats as unsupported', async () => {
    expect(await pickEngine(DEFAULT_FORMATS, withWasm(fakeDetector(new Error('nope'))))).toBe('wasm');
  });

  it('falls back to zxing-js without WebAssembly and without a detector', async () => {
    expect(await pickEngine(DEFAULT_FORMATS, { detector: null, webAssembly: false })).toBe('zxing-js');
    expect(await engineOrder(DEFAULT_FORMATS, { detector: null, webAssembly: true })).toEqual(['wasm', 'zxing-js']);
  });

  it('reads the environment from a global scope', () => {
    const scope = { BarcodeDetector: fakeDetector(['qr_code']), WebAssembly: { instantiate: () => {} } };
    const env = currentEnvironment(scope);
    expect(env.webAssembly).toBe(true);
    expect(env.detector).toBe(scope.BarcodeDetector);
    expect(nativeDetectorCtor({ BarcodeDetector: {} })).toBeNull();
    expect(currentEnvironment({}).detector).toBeNull();
  });
});

describe('native engine', () => {
  it('maps the first detected barcode', async () => {
    expect(await nativeSupports(['qr_code'], null)).toBe(false);
    const engine = createNativeEngine({ formats: ['code_128'] }, fakeDetector(['code_128']));
    const frame = { width: 1, height: 1, data: new Uint8ClampedArray(4) } as unknown as ImageData;
    expect(await engine.decode(frame)).toEqual({ hit: { text: '871495495233', format: 'code_128' }, located: false });
  });
});
