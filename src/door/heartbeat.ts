// What this door tells the venue every half minute (the supervisor's screen): its version, list,
// last pull, what waits to be sent or was refused, storage, battery and pace. Counts, never names.
import type { Heartbeat } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { pendingCount, rejectedCount } from '../db/outbox.ts';
import { listShows } from '../db/shows.ts';
import { getDeviceName } from '../db/venue.ts';
import { storageInfo } from '../pwa/storage.ts';
import { APP_VERSION } from '../pwa/version.ts';

interface BatteryManagerLike {
  level: number;
}

async function batteryLevel(): Promise<number | null> {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { getBattery?: () => Promise<BatteryManagerLike> });
  try {
    const battery = await nav?.getBattery?.();
    return battery ? Math.round(battery.level * 100) : null;
  } catch {
    return null; // Firefox and Safari do not tell
  }
}

export async function readHeartbeat(db: KontrolDb, deviceId: string, now = Date.now()): Promise<Heartbeat> {
  const shows = await listShows(db);
  const active = shows.filter((s) => s.active);
  const pulls = shows.map((s) => s.pulledAt).filter((p): p is string => p !== null).sort();
  const [pending, rejected, storage, battery, scansLastMinute, named] = await Promise.all([
    pendingCount(db),
    rejectedCount(db),
    storageInfo().catch(() => null),
    batteryLevel(),
    db.scans.where('at').above(now - 60_000).count(),
    getDeviceName(db),
  ]);
  return {
    deviceId,
    deviceName: named || `Устройство ${deviceId.slice(0, 4)}`,
    version: APP_VERSION,
    stored: active.reduce((sum, s) => sum + (s.listed ?? 0), 0),
    lastPullAt: pulls.at(-1) ?? null,
    pending,
    rejected,
    storageBytes: storage?.usage ?? null,
    battery,
    scansLastMinute,
    shows: active.map((s) => s.id),
  };
}
