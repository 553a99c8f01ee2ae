import { describe, expect, it } from 'vitest';
import type { HubDevice } from './hub-protocol.ts';
import { QUIET_AFTER_MS, supervisorOrder } from './venue-devices.ts';

const NOW = 1_800_000_000_000;
const device = (deviceName: string, extra: Partial<HubDevice> = {}): HubDevice => ({
  deviceId: deviceName, deviceName, version: '1.0', stored: 500, lastPullAt: null, pending: 0, rejected: 0,
  storageBytes: null, battery: null, scansLastMinute: 3, shows: [1001], lastSeenAt: NOW - 5_000, ...extra,
});

describe('the order the supervisor reads the devices in', () => {
  it('puts the quiet ones and those holding undelivered check-ins first, the rest by name', () => {
    const order = supervisorOrder(
      [
        device('Вход 1'),
        device('Вход 2', { pending: 4 }),
        device('Вход 3', { lastSeenAt: NOW - QUIET_AFTER_MS - 1 }),
        device('Вход 4', { rejected: 1 }),
        device('Бар'),
      ],
      NOW,
    ).map((d) => d.deviceName);
    expect(order).toEqual(['Вход 2', 'Вход 4', 'Вход 3', 'Бар', 'Вход 1']);
  });

  it('counts a device as quiet only after the quiet time, and unknown counts as none held', () => {
    const order = supervisorOrder(
      [device('А', { lastSeenAt: NOW - QUIET_AFTER_MS }), device('Б', { pending: null, rejected: null }), device('В', { lastSeenAt: NOW - QUIET_AFTER_MS - 1 })],
      NOW,
    ).map((d) => d.deviceName);
    expect(order).toEqual(['В', 'А', 'Б']);
  });
});
