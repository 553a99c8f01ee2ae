// The request worker, with the worker's side real (transport-host.ts over a real transport) and
// only the thread boundary stood in for: every message crosses through structuredClone, as
// postMessage would, so an answer that cannot cross (a Response, a function) fails here too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, jsonReply, rawReply, type Handler } from './fakeGateway.ts';
import { hostTransport } from './transport-host.ts';
import { offThreadTransports } from './transport-off-thread.ts';
import type { TransportReply, TransportRequest } from './transport-protocol.ts';
import { createTransport } from './transport.ts';

const TOKEN = 'secret-token-123';

/** Stubs `Worker` with one that runs the real host in this thread behind cloned messages. */
function workerAnswering(handler: Handler) {
  const api = fakeFetch(handler, '/api/rest/v1');
  const hub = fakeFetch(handler, '/hub/v1');
  const made: FakeWorker[] = [];
  class FakeWorker {
    onmessage: ((e: MessageEvent<TransportReply>) => void) | null = null;
    onerror: ((e: ErrorEvent) => void) | null = null;
    terminated = false;
    readonly serve = hostTransport(
      (reply) => queueMicrotask(() => !this.terminated && this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<TransportReply>)),
      (baseUrl) => createTransport({ baseUrl, fetch: baseUrl === '/hub/v1' ? hub.fetch : api.fetch }),
    );
    constructor() {
      made.push(this);
    }
    postMessage(request: TransportRequest) {
      const crossed = structuredClone(request);
      queueMicrotask(() => void this.serve(crossed));
    }
    die(message: string) {
      this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return { made, apiCalls: api.calls, hubCalls: hub.calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requests off the page thread', () => {
  it('answers a GET and a POST as the transport does, one worker for Qtickets and the hub', async () => {
    const { made, apiCalls, hubCalls } = workerAnswering((call) =>
      call.method === 'GET' ? jsonReply({ barcode: '871', checked_at: null }, { headers: { Date: 'Tue, 29 Dec 2026 16:00:00 GMT' } }) : rawReply(''),
    );
    const transports = offThreadTransports();
    const api = transports('/api/rest/v1');
    const hub = transports('/hub/v1');

    const status = await api.get('shows/7/barcode/871', TOKEN);
    expect(status).toEqual({ ok: true, value: { barcode: '871', checked_at: null }, status: 200, serverDate: new Date('2026-12-29T16:00:00Z') });
    const shared = await hub.post('admissions', TOKEN, { device: 'd1', items: [{ show: 7, code: '871', at: '2026-12-29T19:00:00+03:00' }] });
    expect(shared).toMatchObject({ ok: true, value: null, status: 200 });

    expect(apiCalls.map((c) => [c.method, c.path])).toEqual([['GET', 'shows/7/barcode/871']]);
    expect(hubCalls.map((c) => [c.method, c.path, c.params])).toEqual([
      ['POST', 'admissions', { device: 'd1', items: [{ show: 7, code: '871', at: '2026-12-29T19:00:00+03:00' }] }],
    ]);
    expect(hubCalls[0]!.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(made).toHaveLength(1);
  });

  it('brings back a refusal as the same error, the token scrubbed from its words', async () => {
    workerAnswering(() => jsonReply({ error: `token ${TOKEN} is not valid` }, { status: 401 }));
    const result = await offThreadTransports()('/api/rest/v1').get('events', TOKEN, { page: 1 });
    expect(result).toEqual({ ok: false, error: { kind: 'http', status: 401, message: 'token ••• is not valid' } });
  });

  it("answers a caller's abort at once and cancels the worker's fetch", async () => {
    let seen: AbortSignal | undefined;
    workerAnswering((call) => {
      seen = call.init.signal ?? undefined;
      return new Promise<Response>(() => undefined); // a server that never answers
    });
    const caller = new AbortController();
    const pending = offThreadTransports()('/api/rest/v1').get('shows/7/barcode/871', TOKEN, undefined, { signal: caller.signal });
    await vi.waitFor(() => expect(seen).toBeDefined());
    caller.abort();
    expect(await pending).toEqual({ ok: false, error: { kind: 'aborted' } });
    await vi.waitFor(() => expect(seen!.aborted).toBe(true));
  });

  it('fails the calls of a worker that dies as a network failure, and starts a new one for the next', async () => {
    let answer = false;
    const { made } = workerAnswering(() => (answer ? jsonReply({ ok: 1 }) : new Promise<Response>(() => undefined)));
    const api = offThreadTransports()('/api/rest/v1');
    const stuck = api.post('shows/7/barcodes', TOKEN, [{ barcode: '871' }]);
    await vi.waitFor(() => expect(made).toHaveLength(1));
    made[0]!.die('out of memory');
    expect(await stuck).toEqual({ ok: false, error: { kind: 'network', message: 'request worker: out of memory' } });
    expect(made[0]!.terminated).toBe(true);

    answer = true;
    expect(await api.get('events', TOKEN)).toMatchObject({ ok: true, value: { ok: 1 } });
    expect(made).toHaveLength(2);
  });

  it('keeps the hub stream on this thread (it stays open for hours)', async () => {
    const { made } = workerAnswering(() => jsonReply({}));
    const local = fakeFetch(() => rawReply('', { status: 403 }), '/hub/v1');
    vi.stubGlobal('fetch', local.fetch);
    const result = await offThreadTransports()('/hub/v1').stream('stream?shows=7', TOKEN, { signal: new AbortController().signal, onText: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 403 } });
    expect(local.calls.map((c) => c.path)).toEqual(['stream']);
    expect(made).toHaveLength(0);
  });

  it('stays on this thread where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const local = fakeFetch(() => jsonReply({ data: [] }));
    vi.stubGlobal('fetch', local.fetch);
    expect(await offThreadTransports()('/api/rest/v1').get('events', TOKEN)).toMatchObject({ ok: true, value: { data: [] } });
    expect(local.calls).toHaveLength(1);
  });
});
