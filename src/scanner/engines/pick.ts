// Which decoder to use on this device, decided at run time:
// 1. native BarcodeDetector, only when it really lists every format we need;
// 2. zxing-wasm, whenever WebAssembly exists (reads more, and faster, than zxing-js);
// 3. @zxing/library, the last resort.

import type { ScanFormat } from '../formats.ts';
import type { EngineKind } from './engine.ts';
import { nativeDetectorCtor, nativeSupports, type BarcodeDetectorCtor } from './native.ts';

export interface EngineEnvironment {
  detector: BarcodeDetectorCtor | null;
  webAssembly: boolean;
}

export function currentEnvironment(scope: unknown = globalThis): EngineEnvironment {
  const wa = (scope as { WebAssembly?: { instantiate?: unknown } }).WebAssembly;
  return { detector: nativeDetectorCtor(scope), webAssembly: typeof wa?.instantiate === 'function' };
}

/** The preferred engine followed by its fallbacks, best first. */
export async function engineOrder(
  formats: readonly ScanFormat[],
  env: EngineEnvironment = currentEnvironment(),
): Promise<EngineKind[]> {
  const order: EngineKind[] = [];
  if (await nativeSupports(formats, env.detector)) order.push('native');
  if (env.webAssembly) order.push('wasm');
  order.push('zxing-js');
  return order;
}

export async function pickEngine(
  formats: readonly ScanFormat[],
  env: EngineEnvironment = currentEnvironment(),
): Promise<EngineKind> {
  const [first] = await engineOrder(formats, env);
  return first ?? 'zxing-js';
}
