// Two devices admit one ticket offline and deliver one after the other, through the real client,
// gateway and demo Qtickets, under every way the server may keep a repeated check-in (the API
// document does not say which) and in both orders. Whoever delivers first, the double entry must
// end up in the conflicts list of a device that can see it, with both times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../server/test-support.ts';
import type { CheckInPolicy } from '../../server/demo/state.ts';
import { createQticketsClient, createTransport, type QticketsClient } from '../api/index.ts';
import { listConflicts } from '../db/conflicts.ts';
import type { KontrolDb } from '../db/database.ts';
import { listRejected, pendingCount } from '../db/outbox.ts';
import { recordScan } from '../db/scan.ts';
import { saveShows } from '../db/shows.ts';
import { aListedTicket, aShow, freshDb } from '../db/testing.ts';
import { replaceShowTickets } from '../db/tickets.ts';
import { RECHECK_AFTER_MS } from '../domain/conflicts.ts';
import { apiDeliveryPort } from './api-port.ts';
import { createEntryChecker, type EntryChecker } from './double-entry.ts';
import { flushOutbox } from './flush.ts';

const SHOW = 1001;
const EARLIER = '2026-12-29T19:03:12+03:00';
const LATER = '2026-12-29T19:03:40+03:00';

let stack: Stack;
let api: QticketsClient;
beforeAll(async () => {
  stack = await startStack({ timeoutMs: 2_000 });
  api = createQticketsClient(createTransport({ baseUrl: `${stack.base}/api/rest/v1`, timeoutMs: 3_000 }));
});
afterAll(async () => stack?.close());

interface Device {
  name: string;
  db: KontrolDb;
  checker: EntryChecker;
  clock: { t: number };
  deliver(): Promise<void>;
}

/** A device with the show stored that admitted `code` offline at `at` (its own clock). */
async function offlineDevice(name: string, code: string, at: string): Promise<Device> {
  const db = freshDb();
  await saveShows(db, [aShow(SHOW)]);
  await replaceShowTickets(db, SHOW, [aListedTicket(code)], '2026-12-29T18:00:00+03:00');
  const admitted = await recordScan(db, { raw: code, source: 'scanner', deviceId: name, now: () => new Date(at), clockOffsetMs: 0 });
  expect(admitted).toMatchObject({ ok: true, verdict: { kind: 'valid' } });
  const token = async () => stack.demo!.token;
  const clock = { t: Date.parse(LATER) + 60_000 };
  const checker = createEntryChecker({ db, api, token, deviceId: async () => name, online: () => true, now: () => clock.t, setTimer: () => () => undefined });
  const port = apiDeliveryPort(api, token);
  return {
    name,
    db,
    checker,
    clock,
    // What the app does when the network comes back: a delivery pass, and the sweep it starts.
    async deliver() {
      expect(await flushOutbox(db, port)).toMatchObject({ outcome: 'done' });
      expect(await pendingCount(db)).toBe(0);
      await checker.sweep();
    },
  };
}

const cases: [CheckInPolicy, 'later device first' | 'earlier device first', 'earlier' | 'later', string][] = [
  ['keep-earliest', 'later device first', 'later', 'sees the earlier time replace its own on its next look'],
  ['keep-earliest', 'earlier device first', 'later', 'sees the earlier time right after delivering'],
  ['keep-first', 'later device first', 'earlier', 'sees the later time kept instead of its own right after delivering'],
  ['keep-first', 'earlier device first', 'later', 'sees the earlier time right after delivering'],
  ['keep-last', 'later device first', 'later', 'sees the earlier time overwrite its own on its next look'],
  ['keep-last', 'earlier device first', 'earlier', 'sees the later time overwrite its own on its next look'],
  ['refuse-repeat', 'later device first', 'earlier', 'is refused and sees the later time kept'],
  ['refuse-repeat', 'earlier device first', 'later', 'is refused and sees the earlier time kept'],
];

describe('double entry across two offline devices, through the demo Qtickets', () => {
  it.each(cases)('server policy %s, %s: the %s device %s', async (policy, order, finder) => {
    const demo = stack.demo!;
    demo.state.reset();
    demo.state.setCheckInPolicy(policy);
    const code = demo.state.listed(SHOW)!.find((t) => demo.state.checkedAt(SHOW, t.barcode) === null)!.barcode;
    const early = await offlineDevice('device-early', code, EARLIER);
    const late = await offlineDevice('device-late', code, LATER);
    try {
      const [first, second] = order === 'later device first' ? [late, early] : [early, late];
      await first.deliver();
      await second.deliver();
      // Both keep the app open: the next look of each falls due and its sweep runs.
      for (const d of [first, second]) {
        d.clock.t += RECHECK_AFTER_MS[0]!;
        await d.checker.sweep();
      }

      const [finding, other] = finder === 'earlier' ? [early, late] : [late, early];
      const own = (d: Device) => (d === early ? EARLIER : LATER);
      const conflicts = await listConflicts(finding.db);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ code, showId: SHOW, deviceId: finding.name, foundBy: 'delivery', seen: 0 });
      expect(Date.parse(conflicts[0]!.localCheckedAt)).toBe(Date.parse(own(finding)));
      expect(Date.parse(conflicts[0]!.serverCheckedAt)).toBe(Date.parse(own(other)));
      // The other device holds what the server shows it: its own time. It has nothing to tell.
      expect(await listConflicts(other.db)).toEqual([]);
      // A refusal that names another time is a double entry, never a rejected admission.
      expect(await listRejected(second.db)).toEqual([]);
    } finally {
      await early.db.delete();
      await late.db.delete();
    }
  });
});
