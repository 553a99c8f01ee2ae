// The venue hub's stream, read through the real transport and SSE parser from bytes a hub sends;
// a malformed or hostile event is dropped, never a crash.
import { describe, expect, it } from 'vitest';
import { createHubClient, readHubEvent, type HubEvent } from './hub.ts';
import { GATEWAY_HEADER } from './transport.ts';

function streaming(chunks: string[], status = 200): typeof globalThis.fetch {
  return (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('Bearer tok');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        for (const c of chunks) controller.enqueue(encoder.encode(c));
        controller.close();
      },
    });
    return new Response(status === 200 ? body : JSON.stringify({ error: 'Forbidden', status }), {
      status,
      headers: { [GATEWAY_HEADER]: '1', 'Content-Type': status === 200 ? 'text/event-stream' : 'application/json' },
    });
  }) as typeof globalThis.fetch;
}

describe('the hub client', () => {
  it('reads admissions split across chunks, in order, with their ids, and says the stream is open', async () => {
    const events: HubEvent[] = [];
    const positions: string[] = [];
    let opened = false;
    const hub = createHubClient({
      fetch: streaming([
        'retry: 2000\nid: 1765000000000-0\n\n: ping\n\nid: 7\nevent: admission\ndata: {"showId":1001,"code":"875196723453","checked',
        'At":"2026-12-29T19:03:12+03:00","deviceId":"d2","deviceName":"Вход 2","nonce":"n1"}\n\n',
        'id: 8\nevent: admission\ndata: not json\n\nid: 9\nevent: checked\ndata: {"showId":1001,"code":"872900619969","checkedAt":"2026-12-29T19:04:00+03:00","source":"webhook"}\n\n',
      ]),
    });
    const result = await hub.listen('tok', [1001], { lastEventId: null, signal: new AbortController().signal, onEvent: (e) => events.push(e), onOpen: () => (opened = true), onPosition: (id) => positions.push(id) });
    expect(result).toEqual({ ok: true });
    expect(opened).toBe(true);
    // The hub's start position, then the id of the unreadable event: both places to resume from.
    expect(positions).toEqual(['1765000000000-0', '8']);
    expect(events).toEqual([
      { kind: 'admission', id: '7', showId: 1001, code: '875196723453', checkedAt: '2026-12-29T19:03:12+03:00', deviceId: 'd2', deviceName: 'Вход 2' },
      { kind: 'checked', id: '9', showId: 1001, code: '872900619969', checkedAt: '2026-12-29T19:04:00+03:00' },
    ]);
  });

  it('passes a refusal on as an HTTP error', async () => {
    const hub = createHubClient({ fetch: streaming([], 403) });
    const result = await hub.listen('tok', [1001], { lastEventId: '5', signal: new AbortController().signal, onEvent: () => {} });
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 403 } });
  });

  it('drops events without an id, a show or a code, and absurd values', () => {
    expect(readHubEvent('admission', undefined, '{"showId":1,"code":"x","checkedAt":"t","deviceId":"d","deviceName":"n"}')).toBeNull();
    expect(readHubEvent('admission', '1', '{"showId":-1,"code":"x","checkedAt":"t","deviceId":"d","deviceName":"n"}')).toBeNull();
    expect(readHubEvent('admission', '1', `{"showId":1,"code":"${'x'.repeat(300)}","checkedAt":"t","deviceId":"d","deviceName":"n"}`)).toBeNull();
    expect(readHubEvent('whatever', '1', '{"showId":1,"code":"x"}')).toBeNull();
    expect(readHubEvent('admission', '1', '[1,2]')).toBeNull();
  });
});
