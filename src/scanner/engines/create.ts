// Builds the first engine of the preference list that actually starts (a wasm that cannot be
// loaded or a native detector that throws falls through to the next one).

import type { ScanFormat } from '../formats.ts';
import type { DecodeEngine, EngineKind } from './engine.ts';
import { createNativeEngine } from './native.ts';
import { engineOrder } from './pick.ts';
import { createWasmEngine } from './wasm.ts';
import { createZxingJsEngine } from './zxing-js.ts';

export async function createEngineOfKind(kind: EngineKind, formats: readonly ScanFormat[]): Promise<DecodeEngine> {
  switch (kind) {
    case 'native':
      return createNativeEngine({ formats });
    case 'wasm':
      return createWasmEngine({ formats });
    case 'zxing-js':
      return createZxingJsEngine({ formats });
  }
}

/** `preferred` forces a kind (settings, tests); otherwise the device's best. */
export async function createBestEngine(
  formats: readonly ScanFormat[],
  preferred?: EngineKind,
): Promise<DecodeEngine> {
  const order = preferred ? [preferred, 'zxing-js' as const] : await engineOrder(formats);
  let lastError: unknown = null;
  for (const kind of order) {
    try {
      return await createEngineOfKind(kind, formats);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('no decoder could be started');
}
