// Decodes frames off the main thread. One frame at a time: the page never sends a second
// frame before the first one's result came back, so there is no queue to fall behind.

import { createBestEngine } from './engines/create.ts';
import { createFrameProcessor, warmUp, type FrameProcessor } from './frame-processor.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let processor: Promise<FrameProcessor> | null = null;

const post = (msg: FromWorker) => self.postMessage(msg);

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'init') {
    // Safari before 16.4 has workers but no OffscreenCanvas: decode on the main thread there.
    if (typeof OffscreenCanvas === 'undefined') {
      post({ type: 'init_failed', message: 'OffscreenCanvas is not available in workers' });
      return;
    }
    processor = createBestEngine(msg.formats, msg.engine).then(warmUp).then(createFrameProcessor);
    processor.then(
      (p) => post({ type: 'ready', engine: p.engine }),
      (err: unknown) => post({ type: 'init_failed', message: String(err) }),
    );
    return;
  }
  if (msg.type === 'frame') {
    if (!processor) {
      post({ type: 'frame_failed', id: msg.id, message: 'decoder not initialised' });
      return;
    }
    processor
      .then((p) => p.process(msg.frame, msg.pass))
      .then(
        (result) => post({ type: 'result', id: msg.id, result }),
        (err: unknown) => post({ type: 'frame_failed', id: msg.id, message: String(err) }),
      );
  }
});
