// Messages between the page and decode.worker.ts.

import type { DecodePass, EngineKind } from './engines/engine.ts';
import type { ScanFormat } from './formats.ts';
import type { FrameInput, FrameResult } from './frame-processor.ts';

export type ToWorker =
  | { type: 'init'; formats: ScanFormat[]; engine?: EngineKind }
  | { type: 'frame'; id: number; frame: FrameInput; pass: DecodePass };

export type FromWorker =
  | { type: 'ready'; engine: EngineKind }
  | { type: 'init_failed'; message: string }
  | { type: 'result'; id: number; result: FrameResult }
  | { type: 'frame_failed'; id: number; message: string };
