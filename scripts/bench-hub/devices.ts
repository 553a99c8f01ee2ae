// Simulated door devices for `npm run bench:hub`: plain Node clients of the real protocol. Each
// keeps one event stream open, admits at door pace (POST /hub/v1/admissions, one scan a request,
// as the app sends right after a verdict) and sends a heartbeat every 15 s. What they receive is
// tallied here: latency from the POST leaving device A to the event arriving on device B, and
// every admission counted per device, so a lost or doubled message cannot hide.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { openSse, type SseClient, type SseFrame } from '../../server/hub/sse-client.ts';

export const SHOW = 1001;

export interface Tally {
  /** Streams that ended and were opened again with Last-Event-ID, as the app does. */
  reconnects: number;
  /** nonce → when it was sent (performance.now()). */
  sent: Map<string, number>;
  /** Per device, the nonces it received. */
  received: Set<string>[];
  /** ms, admission → another device. */
  latencies: number[];
  deliveries: number;
  duplicates: number;
  deviceFrames: number;
  postErrors: number;
}

export function newTally(devices: number): Tally {
  return {
    reconnects: 0,
    sent: new Map(),
    received: Array.from({ length: devices }, () => new Set<string>()),
    latencies: [],
    deliveries: 0,
    duplicates: 0,
    deviceFrames: 0,
    postErrors: 0,
  };
}

export interface Device {
  start(paceMs: number): void;
  /** Stops admitting; the stream stays open to receive what is still on its way. */
  stop(): void;
  close(): void;
}

export async function connectDevice(index: number, base: string, token: string, tally: Tally): Promise<Device> {
  const deviceId = `bench-${index}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const mine = tally.received[index]!;
  const onFrame = (frame: SseFrame) => {
    if (frame.event === 'device') {
      tally.deviceFrames += 1;
      return;
    }
    if (frame.event !== 'admission') return;
    const data = JSON.parse(frame.data) as { nonce: string; deviceId: string };
    const sentAt = tally.sent.get(data.nonce);
    if (sentAt === undefined) return; // not this run's
    if (mine.has(data.nonce)) {
      tally.duplicates += 1;
      return;
    }
    mine.add(data.nonce);
    tally.deliveries += 1;
    if (data.deviceId !== deviceId) tally.latencies.push(frame.at - sentAt);
  };
  let closed = false;
  let stream: SseClient;
  const open = async (lastEventId?: string): Promise<void> => {
    stream = await openSse(base, `/hub/v1/events?shows=${SHOW}`, { token, onFrame, lastEventId });
    if (stream.status !== 200) throw new Error(`device ${index}: stream answered ${stream.status} ${stream.body()}`);
    await stream.until(() => stream.retry !== null, 'the stream to open', 30_000);
    const mineNow = stream;
    void mineNow.ended.then(() => {
      if (closed) return;
      // The hub ends a stream that falls too far behind; the app resumes from its last id.
      tally.reconnects += 1;
      setTimeout(() => void open(mineNow.lastEventId).catch(() => (tally.postErrors += 1)), mineNow.retry ?? 2000);
    });
  };
  await open();

  const timers = new Set<NodeJS.Timeout>();
  let running = false;
  let scans = 0;

  const send = (path: string, body: unknown, expect: number) => {
    const text = JSON.stringify(body);
    const url = new URL(base);
    const req = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        agent,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
      },
      (res) => {
        if (res.statusCode !== expect) tally.postErrors += 1;
        res.resume();
      },
    );
    req.on('error', () => (tally.postErrors += 1));
    req.end(text);
  };

  const admitOne = () => {
    const nonce = randomUUID();
    scans += 1;
    tally.sent.set(nonce, performance.now());
    send(
      '/hub/v1/admissions',
      {
        deviceId,
        deviceName: `Вход ${index + 1}`,
        items: [{ showId: SHOW, code: `87${String(index).padStart(4, '0')}${String(scans).padStart(6, '0')}`, checkedAt: new Date().toISOString(), nonce }],
      },
      200,
    );
  };

  const heartbeat = () =>
    send(
      '/hub/v1/heartbeat',
      { deviceId, deviceName: `Вход ${index + 1}`, version: 'bench', stored: 3000, lastPullAt: null, pending: 0, rejected: 0, storageBytes: null, battery: null, scansLastMinute: 20, shows: [SHOW] },
      204,
    );

  const every = (meanMs: number, action: () => void) => {
    const next = () => {
      // Uniform between half and one and a half times the mean: doors do not beat in step.
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!running) return;
        action();
        next();
      }, meanMs * (0.5 + Math.random()));
      timers.add(timer);
    };
    next();
  };

  return {
    start(paceMs) {
      running = true;
      every(paceMs, admitOne);
      every(15_000, heartbeat);
    },
    stop() {
      running = false;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
    close() {
      closed = true;
      stream.close();
    },
  };
}
