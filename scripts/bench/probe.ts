// What the bench installs in every page before the app's own scripts (context.addInitScript):
// timestamps read from the page's own clock, so no CDP round trip lands inside a figure.
//   - scan-ready: performance.now() when [data-testid=tickets-stored] first shows the expected count;
//   - verdicts: performance.now() when [data-testid=verdict] shows a new data-scan-id, and at the
//     next animation frame (what the eye can see);
//   - delivery: when the browser went online, and when [data-testid=pending-count] reached 0 after it;
//   - the scan screen: when its status bar ([data-testid=tickets-stored]) first appears, and when
//     the frame that shows it has been produced (a task queued from that frame's animation callback).
// The scan driver types like a wedge scanner (keydown per character, then Enter, on the window)
// and takes the time right before it dispatches Enter.
// Runs in the browser: self-contained, no imports.

export interface ProbeOptions {
  expectedStored: number;
}

export interface ScanSample {
  ms: number;
  frameMs: number;
  verdict: string;
}

export interface ProbeState {
  readyAt: number | null;
  scanScreenAt: number | null;
  scanScreenPaintAt: number | null;
  onlineAt: number | null;
  drainedAt: number | null;
  scan(code: string): Promise<ScanSample>;
  scanMany(codes: string[], gapMs: number): Promise<ScanSample[]>;
}

export function installProbe(options: ProbeOptions): void {
  type Waiter = (v: { at: number; verdict: string }) => void;
  const waiters: Waiter[] = [];
  let lastScanId: string | null = null;
  const state = {
    readyAt: null as number | null,
    scanScreenAt: null as number | null,
    scanScreenPaintAt: null as number | null,
    onlineAt: null as number | null,
    drainedAt: null as number | null,
    async scan(code: string) {
      for (const key of code) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      const shown = new Promise<{ at: number; verdict: string }>((resolve, reject) => {
        // A scan that never shows a verdict is a failure of the door, not a long figure.
        const timer = setTimeout(() => {
          const screen = document.querySelector('main')?.textContent?.slice(0, 200) ?? '';
          reject(new Error(`no verdict within 30 s for ${code}; on screen: ${screen}`));
        }, 30_000);
        waiters.push((v) => {
          clearTimeout(timer);
          resolve(v);
        });
      });
      const start = performance.now();
      // Marks for a trace (trace-cold.ts --warm): where each scan began and where its verdict showed.
      performance.mark('probe:scan');
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      const { at, verdict } = await shown;
      performance.mark('probe:verdict');
      const frame = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      return { ms: at - start, frameMs: frame - start, verdict };
    },
    async scanMany(codes: string[], gapMs: number) {
      const out = [];
      for (const code of codes) {
        out.push(await state.scan(code));
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
      return out;
    },
  };
  (window as unknown as { __bench: typeof state }).__bench = state;
  window.addEventListener('online', () => {
    state.onlineAt = performance.now();
    state.drainedAt = null;
  });

  const check = () => {
    const verdict = document.querySelector('[data-testid="verdict"]');
    const id = verdict?.getAttribute('data-scan-id') ?? null;
    if (verdict && id !== lastScanId) {
      lastScanId = id;
      const at = performance.now();
      const kind = verdict.getAttribute('data-verdict') ?? '';
      for (const resolve of waiters.splice(0)) resolve({ at, verdict: kind });
    }
    if (state.scanScreenAt === null && document.querySelector('[data-testid="tickets-stored"]')) {
      state.scanScreenAt = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          state.scanScreenPaintAt = performance.now();
        };
        channel.port2.postMessage(null);
      });
    }
    if (state.readyAt === null) {
      const stored = document.querySelector('[data-testid="tickets-stored"]');
      if (stored && Number(stored.getAttribute('data-count')) >= options.expectedStored) state.readyAt = performance.now();
    }
    if (state.onlineAt !== null && state.drainedAt === null) {
      const pending = document.querySelector('[data-testid="pending-count"]');
      if (pending && pending.textContent?.trim() === '0') state.drainedAt = performance.now();
    }
  };
  const observe = () =>
    new MutationObserver(check).observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-scan-id', 'data-count', 'data-verdict'],
    });
  if (document.documentElement) observe();
  else document.addEventListener('readystatechange', observe, { once: true });
}
