// A share of the simulated devices in a process of its own (`npm run bench:hub` forks two), so the
// devices can use both cores as a venue's phones would use their own, and the figures measure the
// hub rather than one overloaded simulator. Driven by the parent over IPC.
import { connectDevice, newTally, type Device, type Tally } from './devices.ts';

export type ToWorker =
  | { type: 'connect'; from: number; count: number; bases: string[]; token: string; run: string }
  | { type: 'start'; paceMs: number }
  | { type: 'stop' }
  | { type: 'count' }
  | { type: 'accepted' }
  | { type: 'report'; accepted: string[] };

export type FromWorker =
  | { type: 'connected' }
  | { type: 'stopped'; sent: number }
  | { type: 'count'; distinct: number }
  | { type: 'accepted'; nonces: string[] }
  | {
      type: 'report';
      sent: number;
      /** Σ over devices of the accepted admissions a device did not receive. */
      lost: number;
      duplicates: number;
      deviceFrames: number;
      postErrors: number;
      reconnects: number;
      latencies: Float64Array;
      sentAt: Float64Array;
    }
  | { type: 'failed'; message: string };

if (!process.send) throw new Error('started by scripts/bench-hub/index.ts only');
const reply = (m: FromWorker): void => void process.send!(m);
let tally: Tally = newTally(0);
let fleet: Device[] = [];

process.on('message', (m: ToWorker) => {
  void handle(m).catch((err: unknown) => reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) }));
});
process.on('disconnect', () => {
  for (const d of fleet) d.close();
  process.exit(0);
});

async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case 'connect': {
      tally = newTally(m.count);
      fleet = [];
      // In waves of 50, as a venue's devices come up: not one burst of handshakes.
      for (let i = 0; i < m.count; i += 50) {
        const wave = [];
        for (let k = i; k < Math.min(m.count, i + 50); k++) {
          const index = m.from + k;
          wave.push(connectDevice(index, k, m.bases[index % m.bases.length]!, m.token, m.run, tally));
        }
        fleet.push(...(await Promise.all(wave)));
      }
      return reply({ type: 'connected' });
    }
    case 'start':
      for (const d of fleet) d.start(m.paceMs);
      return;
    case 'stop':
      for (const d of fleet) d.stop();
      return reply({ type: 'stopped', sent: tally.sent });
    case 'count':
      return reply({ type: 'count', distinct: tally.received.reduce((n, s) => n + s.size, 0) });
    case 'accepted':
      return reply({ type: 'accepted', nonces: tally.accepted });
    case 'report': {
      for (const d of fleet) d.close();
      fleet = [];
      let lost = 0;
      for (const mine of tally.received) for (const nonce of m.accepted) if (!mine.has(nonce)) lost += 1;
      return reply({
        type: 'report',
        sent: tally.sent,
        lost,
        duplicates: tally.duplicates,
        deviceFrames: tally.deviceFrames,
        postErrors: tally.postErrors,
        reconnects: tally.reconnects,
        latencies: Float64Array.from(tally.latencies),
        sentAt: Float64Array.from(tally.sentAt),
      });
    }
  }
}
