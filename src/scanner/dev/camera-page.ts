// A page with nothing but the scanner, for scripts/bench-decode/camera-latency.ts (not in the app bundle). The fake camera's y4m carries a
// marker (top-left square black while a symbol is shown), sampled on every presented frame, so
// the time from the first frame with a code to onCode can be measured in the page's own clock.

import { createScanner, type CodeMeta, type ScanHint } from '../index.ts';

interface Log {
  started: unknown;
  engine: string | null;
  thread: string | null;
  /** performance.now() of presented frames where a code appeared (marker turned black). */
  appearances: number[];
  codes: { text: string; at: number; meta: CodeMeta }[];
  hints: { hint: ScanHint | null; at: number }[];
  errors: unknown[];
  counters: unknown;
}

const video = document.getElementById('video') as HTMLVideoElement;
const log: Log = { started: null, engine: null, thread: null, appearances: [], codes: [], hints: [], errors: [], counters: null };
(window as unknown as { scanLog: Log }).scanLog = log;

const scanner = createScanner({
  video,
  onCode: (text, meta) => {
    log.codes.push({ text, at: performance.now(), meta });
    document.getElementById('log')!.textContent += `${text} ${meta.format} ${meta.engine}\n`;
  },
  onHint: (hint) => log.hints.push({ hint, at: performance.now() }),
  onError: (err) => log.errors.push(err),
});

const probe = new OffscreenCanvas(4, 4).getContext('2d', { willReadFrequently: true })!;
let codeShown = false;
const watch = (now: number) => {
  if (video.videoWidth > 0) {
    probe.drawImage(video, 0, 0, 32, 32, 0, 0, 4, 4);
    const dark = probe.getImageData(2, 2, 1, 1).data[0]! < 128;
    if (dark && !codeShown) log.appearances.push(now);
    codeShown = dark;
  }
  video.requestVideoFrameCallback(watch);
};
video.requestVideoFrameCallback(watch);

scanner.start().then(async (r) => {
  log.started = r;
  log.engine = await scanner.engine();
  log.thread = await scanner.thread();
});
setInterval(() => (log.counters = scanner.counters()), 500);
