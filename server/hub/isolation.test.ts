// Two organisers on one server, both holding "show 1001" (the worst case: rooms are told apart by
// the token's fingerprint, not by the show): neither sees anything of the other.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeUpstream, startStack, type FakeUpstream, type Stack } from '../test-support.ts';
import { openSse, type SseClient } from './sse-client.ts';
import { admit, get, heartbeatBody, post, scan } from './test-helpers.ts';

const A = 'organiser-a-token';
const B = 'organiser-b-token';

let upstream: FakeUpstream | null = null;
let stack: Stack | null = null;
const clients: SseClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stack?.close();
  await upstream?.close();
});

async function start(): Promise<string> {
  upstream = await fakeUpstream((req, res) => {
    const known = req.headers.authorization === `Bearer ${A}` || req.headers.authorization === `Bearer ${B}`;
    res.writeHead(known ? 200 : 401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(known ? { data: [{ id: 1, shows: [{ id: 1001 }] }], paging: { perPage: 10, currentPage: 1, total: 1 } } : { error: 'Unauthorized', status: 401 }));
  });
  stack = await startStack({ upstream: upstream.base, withDemo: false });
  return stack.base;
}

async function listen(base: string, token: string, lastEventId?: string) {
  const c = await openSse(base, '/hub/v1/events?shows=1001', { token, lastEventId });
  clients.push(c);
  await c.until(() => c.retry !== null, 'the stream to open');
  return c;
}

describe('two organisers on one hub', () => {
  it('share no admissions, no heartbeats, no devices, no replay, no nonces', async () => {
    const base = await start();
    const a = await listen(base, A);
    const b = await listen(base, B);
    await admit(base, [scan(1001, 'a-code', 'same-nonce')], undefined, A);
    await post(base, '/hub/v1/heartbeat', heartbeatBody('a-door', [1001]), A);
    await a.until(() => a.of('admission').length === 1 && a.of('device').length === 1, "A's own events");

    // B's own admission with the same nonce is B's, not a retry of A's.
    const bIds = (await admit(base, [scan(1001, 'b-code', 'same-nonce')], undefined, B)).json<{ ids: string[] }>().ids;
    await b.until(() => b.of('admission').length === 1, "B's own admission");
    expect(b.frames.map((f) => JSON.parse(f.data).code)).toEqual(['b-code']);
    expect(b.of('admission')[0]!.id).toBe(bIds[0]);
    expect(a.of('admission').map((f) => JSON.parse(f.data).code)).toEqual(['a-code']);

    expect((await get(base, '/hub/v1/devices?shows=1001', B)).json()).toEqual({ devices: [] });
    expect((await get(base, '/hub/v1/devices?shows=1001', A)).json<{ devices: unknown[] }>().devices).toHaveLength(1);

    const bFromStart = await listen(base, B, '0-0');
    await admit(base, [scan(1001, 'b-marker')], undefined, B);
    await bFromStart.until(() => bFromStart.of('admission').length === 2, "B's log");
    expect(bFromStart.of('admission').map((f) => JSON.parse(f.data).code)).toEqual(['b-code', 'b-marker']);
  });

  it('asks Qtickets once for a crowd of devices with one token, and refuses a token Qtickets refuses', async () => {
    const base = await start();
    const crowd = await Promise.all(Array.from({ length: 30 }, () => admit(base, [scan(1001, 'x')], undefined, A)));
    expect(crowd.map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(upstream!.seen.filter((s) => s.headers.authorization === `Bearer ${A}`)).toHaveLength(1);
    const seen = upstream!.seen[0]!;
    expect([seen.method, seen.url]).toEqual(['GET', '/api/rest/v1/events']);
    expect(JSON.parse(seen.body)).toEqual({ where: [{ column: 'deleted_at', operator: 'null' }], orderBy: { id: 'desc' }, page: 1 });

    const wrong = await get(base, '/hub/v1/events?shows=1001', 'made-up');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('Bearer');
    await get(base, '/hub/v1/events?shows=1001', 'made-up');
    expect(upstream!.seen.filter((s) => s.headers.authorization === 'Bearer made-up')).toHaveLength(1); // the refusal is remembered
  });
});
