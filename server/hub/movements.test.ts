// Exits and re-entries between the doors: relayed like admissions (never to Qtickets), checked
// before they are stored, idempotent by their nonce.
import { afterEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test-support.ts';
import { openSse, type SseClient } from './sse-client.ts';
import { DEMO_TOKEN, post } from './test-helpers.ts';

const clients: SseClient[] = [];
let stack: Stack | null = null;
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stack?.close();
  stack = null;
});

const exit = { showId: 1001, code: '875196723453', movement: 'exit', at: '2026-12-29T20:10:00+03:00', nonce: 'move-1' };
const device = { deviceId: 'exit-1', deviceName: 'Выход 1' };

describe('venue hub movements', () => {
  it('streams an exit to the other doors of the show, once for a resent one', async () => {
    stack = await startStack({ hub: { pingMs: 100 } });
    const door = await openSse(stack.base, '/hub/v1/events?shows=1001', { token: DEMO_TOKEN });
    clients.push(door);
    const first = await post(stack.base, '/hub/v1/movements', { ...device, items: [exit] });
    expect(first.status).toBe(200);
    const again = await post(stack.base, '/hub/v1/movements', { ...device, items: [exit] });
    expect(again.json<{ ids: string[] }>().ids).toEqual(first.json<{ ids: string[] }>().ids);
    await door.until(() => door.of('movement').length === 1, 'the exit on the door');
    expect(JSON.parse(door.of('movement')[0]!.data)).toEqual({ ...exit, ...device });
  });

  it('refuses a movement that is neither an exit nor a re-entry, or has no time zone, in words', async () => {
    stack = await startStack({ hub: { pingMs: 100 } });
    const odd = await post(stack.base, '/hub/v1/movements', { ...device, items: [{ ...exit, movement: 'teleport' }] });
    expect(odd.status).toBe(400);
    expect(odd.json<{ error: string }>().error).toContain('movement');
    const naive = await post(stack.base, '/hub/v1/movements', { ...device, items: [{ ...exit, at: '2026-12-29T20:10:00' }] });
    expect(naive.status).toBe(400);
  });
});
