// Simulated door devices for `npm run bench:hub`: plain Node clients of the real protocol. Each
// keeps one event stream open, admits at door pace (POST /hub/v1/admissions, one scan a request,
// as the app sends right after a verdict) and sends a heartbeat every 15 s. What they receive is
// tallied here: the latency from the POST leaving device A to the event arriving on device B
// (the send time travels in the nonce, so devices in different processes can measure it), and
// every admission counted per device, so a lost or doubled message cannot hide.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { openSse, type SseClient, type SseFrame } from '../../server/hub/sse-client.ts';

export const SHOW = 1001;

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes on one machine. */
export const epochMs = () => performance.timeOrigin + performance.now();

export interface Tally {
  /** Admissions these devices sent. */
  sent: number;
  /** Nonces the hub answered 200 for: only these must reach every device. */
  accepted: string[];
  /** Per device, the nonces of this run it received. */
  received: Set<string>[];
  /** ms, admission → another device. */
  latencies: number[];
  /** When each of those admissions was sent (epoch ms), to see how latency moves through a run. */
  sentAt: number[];
  duplicates: number;
  deviceFrames: number;
  postErrors: number;
  /** Streams that ended and were opened again with Last-Event-ID, as the app does. */
  reconnects: number;
}

export function newTally(devices: number): Tally {
  return { sent: 0, accepted: [], received: Array.from({ length: devices }, () => new Set<string>()), latencies: [], sentAt: [], duplicates: 0, deviceFrames: 0, postErrors: 0, reconnects: 0 };
}

export interface Device {
  start(paceMs: number): void;
  /** Stops admitting; the stream stays open to receive what is still on its way. */
  stop(): void;
  close(): void;
}

/** A string field of the hub's JSON (its values here never hold quotes). */
function field(json: string, name: string): string {
  const key = `"${name}":"`;
  const start = json.indexOf(key);
  if (start === -1) return '';
  const from = start + key.length;
  return json.slice(from, json.indexOf('"', from));
}

/**
 * `index` is the device's number in the whole fleet, `slot` its place in this tally. Nonces are
 * `<run>~<send time>~<uuid>`: only this run's count, and the send time gives the latency.
 */
export async function connectDevice(index: number, slot: number, base: string, token: string, run: string, tally: Tally): Promise<Device> {
  const deviceId = `bench-${index}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const mine = tally.received[slot]!;
  const prefix = `${run}~`;
  const onFrame = (frame: SseFrame) => {
    if (frame.event === 'device') {
      tally.deviceFrames += 1;
      return;
    }
    if (frame.event !== 'admission') return;
    // The two fields the tally needs, without parsing the whole event: the devices must cost as
    // little as possible, they share the machine with the hub they measure.
    const nonce = field(frame.data, 'nonce');
    if (!nonce.startsWith(prefix)) return;
    if (mine.has(nonce)) {
      tally.duplicates += 1;
      return;
    }
    mine.add(nonce);
    if (field(frame.data, 'deviceId') !== deviceId) {
      const sent = Number(nonce.split('~')[1]);
      tally.latencies.push(epochMs() - sent);
      tally.sentAt.push(sent);
    }
  };

  let closed = false;
  let stream: SseClient;
  const open = async (lastEventId?: string): Promise<void> => {
    stream = await openSse(base, `/hub/v1/events?shows=${SHOW}`, { token, onFrame, lastEventId, keepFrames: false });
    if (stream.status !== 200) throw new Error(`device ${index}: stream answered ${stream.status} ${stream.body()}`);
    await stream.until(() => stream.retry !== null, 'the stream to open', 30_000);
    const current = stream;
    void current.ended.then(() => {
      if (closed) return;
      // The hub ends a stream that falls too far behind; the app resumes from its last id.
      tally.reconnects += 1;
      setTimeout(() => void open(current.lastEventId).catch(() => (tally.postErrors += 1)), current.retry ?? 2000);
    });
  };
  await open();

  const timers = new Set<NodeJS.Timeout>();
  let running = false;
  let scans = 0;
  const url = new URL(base);

  const send = (path: string, body: unknown, expect: number, onOk: () => void = () => {}) => {
    const text = JSON.stringify(body);
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
        else onOk();
        res.resume();
      },
    );
    req.on('error', () => (tally.postErrors += 1));
    req.end(text);
  };

  const admitOne = () => {
    scans += 1;
    tally.sent += 1;
    const nonce = `${run}~${epochMs().toFixed(3)}~${randomUUID()}`;
    const code = `87${String(index).padStart(4, '0')}${String(scans).padStart(6, '0')}`;
    const items = [{ showId: SHOW, code, checkedAt: new Date().toISOString(), nonce }];
    send('/hub/v1/admissions', { deviceId, deviceName: `Вход ${index + 1}`, items }, 200, () => tally.accepted.push(nonce));
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
      agent.destroy();
    },
  };
}
