// What the door reads of another door's exit or re-entry on the hub's stream; a malformed one, or
// a kind a newer hub may send, is dropped without harm.
import { describe, expect, it } from 'vitest';
import { readHubEvent } from './hub.ts';

const data = { showId: 1001, code: '875196723453', movement: 'exit', at: '2026-12-29T20:10:00+03:00', nonce: 'm-1', deviceId: 'exit-1', deviceName: 'Выход 1' };

describe('movement events from the hub', () => {
  it('reads an exit with its door and time', () => {
    expect(readHubEvent('movement', '7-0', JSON.stringify(data))).toEqual({ kind: 'movement', id: '7-0', ...data });
  });

  it('drops a movement that is neither exit nor re-entry, or has no time, and a kind it does not know', () => {
    expect(readHubEvent('movement', '7-0', JSON.stringify({ ...data, movement: 'teleport' }))).toBeNull();
    expect(readHubEvent('movement', '7-0', JSON.stringify({ ...data, at: undefined }))).toBeNull();
    expect(readHubEvent('wristband', '8-0', JSON.stringify(data))).toBeNull();
  });
});
