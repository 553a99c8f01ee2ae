import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BarcodesMessage, BarcodesRequest } from './barcodes-protocol.ts';
import { withBarcodesOffThread } from './barcodes-off-thread.ts';
import { packTickets } from '../domain/ticket-pack.ts';
import type { QticketsClient } from './qtickets.ts';
import type { ApiTicket } from './types.ts';

const ticket = (code: string): ApiTicket =>
  ({ code, admission: false, price: 100, seatName: null, zoneName: 'Партер', row: null, place: null, clientName: null, clientSurname: 'Ёлкина', clientMiddlename: null }) as ApiTicket;

interface Replier {
  send(message: BarcodesMessage): void;
  fail(message: string): void;
}

/** A stand-in for the worker: answers each request the way the test says. */
function fakeWorker(answer: (request: BarcodesRequest, worker: Replier) => void) {
  const made: { terminated: boolean }[] = [];
  class FakeWorker implements Replier {
    onmessage: ((e: MessageEvent<BarcodesMessage>) => void) | null = null;
    onerror: ((e: ErrorEvent) => void) | null = null;
    terminated = false;
    constructor() {
      made.push(this);
    }
    postMessage(request: BarcodesRequest) {
      queueMicrotask(() => answer(request, this));
    }
    send(message: BarcodesMessage) {
      this.onmessage?.({ data: message } as MessageEvent<BarcodesMessage>);
    }
    fail(message: string) {
      this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return made;
}

const inThread = { getShowList: vi.fn() } as unknown as QticketsClient;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the barcode list off the page thread', () => {
  it('puts the packs back together in order, with the server date', async () => {
    const date = new Date('2026-12-29T16:00:00Z');
    const first = packTickets([ticket('871'), ticket('872')]);
    const second = packTickets([ticket('873')]);
    fakeWorker((req, w) => {
      w.send({ id: req.id, type: 'pack', pack: first });
      w.send({ id: req.id, type: 'pack', pack: second });
      w.send({ id: req.id, type: 'done', result: { ok: true, value: [], serverDate: date }, timings: [] });
    });
    const result = await withBarcodesOffThread(inThread).getShowList('t', 1001);
    expect(result).toEqual({ ok: true, value: [first, second], serverDate: date });
    expect(inThread.getShowList).not.toHaveBeenCalled();
  });

  it('keeps two pulls apart and passes a failure through as it is', async () => {
    fakeWorker((req, w) => {
      if (req.showId === 1) w.send({ id: req.id, type: 'done', result: { ok: false, error: { kind: 'http', status: 401, message: 'Unauthorized' } }, timings: [] });
      else {
        w.send({ id: req.id, type: 'pack', pack: packTickets([ticket('2')]) });
        w.send({ id: req.id, type: 'done', result: { ok: true, value: [], serverDate: null }, timings: [] });
      }
    });
    const client = withBarcodesOffThread(inThread);
    const [one, two] = await Promise.all([client.getShowList('t', 1), client.getShowList('t', 2)]);
    expect(one).toEqual({ ok: false, error: { kind: 'http', status: 401, message: 'Unauthorized' } });
    expect(two).toMatchObject({ ok: true, value: [packTickets([ticket('2')])] });
  });

  it('fails the pull (no partial list) when the worker dies, and starts a fresh worker for the next one', async () => {
    let calls = 0;
    const made = fakeWorker((req, w) => {
      calls += 1;
      if (calls === 1) {
        w.send({ id: req.id, type: 'pack', pack: packTickets([ticket('1')]) });
        w.fail('out of memory');
      } else w.send({ id: req.id, type: 'done', result: { ok: true, value: [], serverDate: null }, timings: [] });
    });
    const client = withBarcodesOffThread(inThread);
    expect(await client.getShowList('t', 1)).toEqual({ ok: false, error: { kind: 'network', message: 'barcode worker: out of memory' } });
    expect(made[0]?.terminated).toBe(true);
    expect(await client.getShowList('t', 1)).toEqual({ ok: true, value: [], serverDate: null });
    expect(made).toHaveLength(2);
  });

  it('re-marks the worker timing on the page so the benchmark can split the download', async () => {
    fakeWorker((req, w) =>
      w.send({
        id: req.id,
        type: 'done',
        result: { ok: true, value: [], serverDate: null },
        timings: [{ name: 'kontrol:pull:network', startEpochMs: performance.timeOrigin + 5, durationMs: 20, bytes: 1234 }],
      }),
    );
    performance.clearMeasures();
    await withBarcodesOffThread(inThread).getShowList('t', 1);
    const [m] = performance.getEntriesByName('kontrol:pull:network', 'measure') as PerformanceMeasure[];
    expect(m?.duration).toBeCloseTo(20);
    expect(m?.detail).toEqual({ bytes: 1234 });
  });
});
