// The supervisor's list of the venue's devices: which to look at first. Pure.
import type { HubDevice } from './hub-protocol.ts';

/** No heartbeat for this long (they come every 30 s): the device went quiet. */
export const QUIET_AFTER_MS = 90_000;

export const isQuiet = (d: Pick<HubDevice, 'lastSeenAt'>, now: number): boolean => now - d.lastSeenAt > QUIET_AFTER_MS;

/** Check-ins the device holds that Qtickets does not have: queued, sent unconfirmed, or refused. */
const undelivered = (d: Pick<HubDevice, 'pending' | 'rejected'>): number => (d.pending ?? 0) + (d.rejected ?? 0);

/** Quiet, or holding undelivered check-ins: someone should walk over. */
export const needsALook = (d: HubDevice, now: number): boolean => isQuiet(d, now) || undelivered(d) > 0;

/** Those that need a look first (the most undelivered first among them), then by name. */
export function supervisorOrder(devices: readonly HubDevice[], now: number): HubDevice[] {
  return [...devices].sort(
    (a, b) =>
      Number(needsALook(b, now)) - Number(needsALook(a, now)) ||
      undelivered(b) - undelivered(a) ||
      Number(isQuiet(b, now)) - Number(isQuiet(a, now)) ||
      a.deviceName.localeCompare(b.deviceName, 'ru'),
  );
}
