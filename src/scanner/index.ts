// Public surface of the camera scanning layer. The UI imports from here only.
//
//   const scanner = createScanner({ video, onCode: (text, meta) => decide(text), onHint, onError });
//   const r = await scanner.start();          // rear camera; start(deviceId) for a chosen one
//   if (r.status === 'failed') explain(r.error.kind);
//   …
//   scanner.destroy();                        // on unmount: stops every track and the worker
//
// Invariants: at most one frame is being decoded at any time (newer frames are dropped, never
// queued); start()/stop() are idempotent and race-safe; a code held in view yields one onCode.

export { createScanner } from './scanner.ts';
export type { CodeMeta, Scanner, ScannerError, ScannerOptions, ScannerStartResult } from './scanner.ts';
export { Camera } from './camera.ts';
export type { CameraCapabilities, CameraInfo, CameraStartOptions, CameraStartResult, Facing } from './camera.ts';
export { toCameraError } from './camera-errors.ts';
export type { CameraError, CameraErrorKind } from './camera-errors.ts';
export { pickEngine, engineOrder } from './engines/pick.ts';
export type { EngineKind } from './engines/engine.ts';
export { ALL_FORMATS, DEFAULT_FORMATS } from './formats.ts';
export type { ScanFormat } from './formats.ts';
export { createRepeatFilter, DEFAULT_REPEAT_WINDOW_MS } from './repeat-filter.ts';
export type { RepeatFilter, RepeatFilterOptions } from './repeat-filter.ts';
export { createHintTracker, HINT_DEFAULTS } from './hints.ts';
export type { HintOptions, HintTracker, ScanHint } from './hints.ts';
export { createFeedback } from './feedback.ts';
export type { Feedback, FeedbackKind, FeedbackOptions } from './feedback.ts';
export { cropRect, DEFAULT_ROI, normaliseRoi } from './roi.ts';
export type { Roi } from './roi.ts';
