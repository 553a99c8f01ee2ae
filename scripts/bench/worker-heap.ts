// The JS heap of the app's barcode-list worker, sampled while a download runs. Playwright gives
// CDP sessions for pages only, so this goes through the browser's session: it finds the worker's
// DevTools target by its name (`kontrol-barcodes`, src/api/barcodes-off-thread.ts), attaches
// without flattening and sends `Runtime.getHeapUsage` through `Target.sendMessageToTarget`.
// The worker starts only when the first list is pulled, so targets are looked for on every tick.
import type { Browser, CDPSession } from '@playwright/test';

const WORKER_NAME = 'kontrol-barcodes';
const ANSWER_TIMEOUT_MS = 5000;

export class WorkerHeapSampler {
  private peak = 0;
  private done = false;
  private readonly attached = new Map<string, string>(); // targetId → sessionId
  private nextId = 1;
  private readonly answers = new Map<number, (usedSize: number | null) => void>();
  private loop: Promise<void> | null = null;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
      if (message.id === undefined) return;
      this.answers.get(message.id)?.(message.result?.usedSize ?? null);
      this.answers.delete(message.id);
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      for (const [targetId, sessionId] of this.attached) if (sessionId === event.sessionId) this.attached.delete(targetId);
    });
  }

  /** Starts sampling every `intervalMs` until stop(). */
  static async start(browser: Browser, intervalMs = 50): Promise<WorkerHeapSampler> {
    const sampler = new WorkerHeapSampler(await browser.newBrowserCDPSession());
    sampler.loop = sampler.run(intervalMs);
    return sampler;
  }

  /** The highest heap seen in any of the app's barcode workers, in bytes (0 if none was seen). */
  async stop(): Promise<number> {
    this.done = true;
    await this.loop;
    await this.cdp.detach().catch(() => undefined);
    return this.peak;
  }

  private async run(intervalMs: number): Promise<void> {
    while (!this.done) {
      try {
        await this.attachNew();
        for (const sessionId of this.attached.values()) {
          const used = await this.heapOf(sessionId);
          if (used !== null) this.peak = Math.max(this.peak, used);
        }
      } catch {
        // A worker or the browser going away mid-sample: the next tick looks again.
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  private async attachNew(): Promise<void> {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    for (const t of targetInfos) {
      if (t.type !== 'worker' || t.title !== WORKER_NAME || this.attached.has(t.targetId)) continue;
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      this.attached.set(t.targetId, sessionId);
    }
  }

  private heapOf(sessionId: string): Promise<number | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.answers.delete(id);
        resolve(null);
      }, ANSWER_TIMEOUT_MS);
      this.answers.set(id, (used) => {
        clearTimeout(timer);
        resolve(used);
      });
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => {
        clearTimeout(timer);
        this.answers.delete(id);
        resolve(null);
      });
    });
  }
}
