// Every setting of the device in one place: its key, type, default, validation and store.
//
// - `device` settings live in IndexedDB (`settings` table): they travel with the door's data,
//   are read inside scan transactions and are wiped by sign-out (all but the device id).
// - `browser` settings live in localStorage: what the page needs before IndexedDB answers (the
//   language of the first frame) or what is a courtesy of this browser (an install offer declined).
//
// Every read is validated: a value another version wrote, or a corrupted one, falls back to the
// default instead of crashing a screen. Adding a setting is one entry here plus its screen.
import * as v from 'valibot';
import { DEFAULT_ENTRY_WINDOW, MAX_TOLERANCE_MINUTES, type EntryWindowPolicy } from '../domain/entry-window.ts';
import { isRefreshMinutes } from '../domain/refresh-interval.ts';
import type { DoorDirection } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

export interface SettingSpec<T> {
  key: string;
  store: 'device' | 'browser';
  fallback: T;
  schema: v.GenericSchema<unknown, T>;
}

const spec = <T>(key: string, store: SettingSpec<T>['store'], schema: v.GenericSchema<unknown, T>, fallback: T): SettingSpec<T> => ({ key, store, schema, fallback });

const finite = v.pipe(v.number(), v.finite());
const text = v.pipe(v.string(), v.minLength(1));

/** The shape src/pwa/pin.ts produces: a salted PBKDF2 hash, never the PIN. */
export const PIN_HASH = v.object({ algorithm: v.literal('PBKDF2-SHA-256'), iterations: v.pipe(v.number(), v.integer(), v.minValue(1)), salt: v.string(), hash: v.string() });
export type StoredPinHash = v.InferOutput<typeof PIN_HASH>;

const PIN_THROTTLE = v.object({ failures: v.pipe(v.number(), v.integer(), v.minValue(0)), notBefore: finite });
export type StoredPinThrottle = v.InferOutput<typeof PIN_THROTTLE>;

const KIOSK = v.object({ enabled: v.boolean() });
export type KioskSettings = v.InferOutput<typeof KIOSK>;

/** Camera and feedback preferences; every field optional so a new one never breaks an old row. */
const SCANNER = v.object({
  repeatMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000))),
  /** How long a verdict stays before the screen says "ready" again (phone and kiosk alike). */
  verdictMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(60_000))),
  sound: v.optional(v.boolean()),
  vibration: v.optional(v.boolean()),
  extraFormats: v.optional(v.array(v.string())),
  facing: v.optional(v.picklist(['environment', 'user'])),
  deviceId: v.optional(v.nullable(v.string())),
  cameraOn: v.optional(v.boolean()),
});
export type StoredScannerSettings = v.InferOutput<typeof SCANNER>;

const TOLERANCE = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TOLERANCE_MINUTES));
const WINDOW_ACTION = v.picklist(['deny', 'warn']);
const ENTRY_WINDOW = v.object({ earlyMinutes: TOLERANCE, early: WINDOW_ACTION, lateMinutes: TOLERANCE, late: WINDOW_ACTION });

export const SETTINGS = {
  /** The Qtickets API token: on the device only, never in a URL or a log. */
  token: spec<string | undefined>('token', 'device', v.optional(text), undefined),
  /** A random id per browser profile, carried by every check-in (kept by sign-out). */
  deviceId: spec<string | undefined>('deviceId', 'device', v.optional(text), undefined),
  kiosk: spec<KioskSettings>('kiosk', 'device', KIOSK, { enabled: false }),
  kioskPin: spec<StoredPinHash | undefined>('kioskPin', 'device', v.optional(PIN_HASH), undefined),
  kioskPinThrottle: spec<StoredPinThrottle>('kioskPinThrottle', 'device', PIN_THROTTLE, { failures: 0, notBefore: 0 }),
  /** Added to the device clock when stamping check-ins (non-zero only beyond the allowed skew). */
  clockCorrectionMs: spec<number>('clockCorrectionMs', 'device', finite, 0),
  connectivityMode: spec<'auto' | 'online' | 'offline'>('connectivityMode', 'device', v.picklist(['auto', 'online', 'offline']), 'auto'),
  /** How often lists are pulled while online: whole minutes 1–60, or 0 for off (an old 0.05 reads as the default). */
  refreshMinutes: spec<number>('refreshMinutes', 'device', v.pipe(v.number(), v.check(isRefreshMinutes)), 5),
  /** Zones this entrance admits; empty means every zone. */
  entranceZones: spec<string[]>('entranceZones', 'device', v.array(v.string()), []),
  scanner: spec<StoredScannerSettings>('scanner', 'device', SCANNER, {}),
  /** When a show's door admits: tolerances around the doors' opening and the show's end, and deny or warn outside. */
  entryWindow: spec<EntryWindowPolicy>('entryWindow', 'device', ENTRY_WINDOW, DEFAULT_ENTRY_WINDOW),
  /** An entrance, or an exit that records people going out (switched on the scan screen). */
  doorDirection: spec<DoorDirection>('doorDirection', 'device', v.picklist(['entry', 'exit']), 'entry'),
  /** Shows that let a person back in after an exit; the rest keep "no re-entry" (the default). */
  reentryShows: spec<number[]>('reentryShows', 'device', v.array(v.pipe(v.number(), v.integer())), []),
  /** How many people a zone holds, by zone name ('' for tickets without a zone): the inside count warns near it. */
  zoneCapacity: spec<Record<string, number>>('zoneCapacity', 'device', v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000))), {}),
  /** Whether the verdict shows the buyer's name (off where privacy asks for it). */
  showBuyerName: spec<boolean>('showBuyerName', 'device', v.boolean(), true),
  /** When delivery last succeeded (epoch ms), for the health screen after a reload. */
  lastDeliveryAt: spec<number | null>('lastSyncAt', 'device', v.nullable(finite), null),
  /** This device's name as people read it ("Вход 2"): set at setup, in the provisioning QR, or on the shift screen. */
  deviceName: spec<string>('deviceName', 'device', v.pipe(v.string(), v.maxLength(60)), ''),
  /** The venue hub's last event this device took in: the stream resumes after it. */
  hubResumeId: spec<string | null>('hubResumeId', 'device', v.nullable(v.pipe(v.string(), v.maxLength(200))), null),
  /** This device's admissions up to here (scan log time, epoch ms) are known to the hub. */
  hubSharedUpTo: spec<number>('hubSharedUpTo', 'device', finite, 0),
  /** This device's exits and re-entries up to here (scan log time, epoch ms) are known to the hub. */
  hubMovementsSharedUpTo: spec<number>('hubMovementsSharedUpTo', 'device', finite, 0),
  locale: spec<'ru' | 'en'>('kontrol.locale', 'browser', v.picklist(['ru', 'en']), 'ru'),
  installDeclinedAt: spec<number>('kontrol.installDismissedAt', 'browser', finite, 0),
} as const;

function valid<T>(s: SettingSpec<T>, raw: unknown): T {
  const parsed = v.safeParse(s.schema, raw);
  return parsed.success ? parsed.output : s.fallback;
}

/** Whether a value is one the registry would read back as it is (a screen's input checked before it is stored). */
export function isValidSetting<T>(s: SettingSpec<T>, value: unknown): value is T {
  return v.safeParse(s.schema, value).success;
}

/** A device setting, validated; the default when absent or unreadable. */
export async function readSetting<T>(db: KontrolDb, s: SettingSpec<T>): Promise<T> {
  return valid(s, (await db.settings.get(s.key))?.value);
}

export async function writeSetting<T>(db: KontrolDb, s: SettingSpec<T>, value: T): Promise<void> {
  await db.settings.put({ key: s.key, value });
}

/** A browser setting, validated; the default where storage is blocked (private mode) or corrupted. */
export function readBrowserSetting<T>(s: SettingSpec<T>): T {
  try {
    const raw = localStorage.getItem(s.key);
    if (raw === null) return s.fallback;
    return valid(s, parseStored(raw));
  } catch {
    return s.fallback;
  }
}

/** Returns false when the browser would not keep it (then it holds for this page only). */
export function writeBrowserSetting<T>(s: SettingSpec<T>, value: T): boolean {
  try {
    localStorage.setItem(s.key, typeof value === 'string' ? value : JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Strings were stored bare by earlier versions; everything else as JSON. */
function parseStored(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
