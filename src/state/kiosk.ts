// Kiosk mode: a tablet at a turnstile locked to the scan screen. Settings and leaving kiosk mode
// need the PIN; the verdict clears itself; the screen stays on. Also the "is a verdict on screen
// right now" signal the update bar and the install offer wait for.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { enterFullscreen, exitFullscreen, holdScreenAwake, isValidPin, type WakeLockHold } from '../door/devices.ts';
import type { PinCheck } from '../door/kiosk.ts';
import type { DoorStore } from '../door/store.ts';
import type { KioskSettings } from '../door/types.ts';
import { useLiveRead } from './live-query.ts';
import { createStore, useServices } from './services.tsx';

export type { KioskSettings, PinCheck };
export { isValidPin };

/** How long a verdict counts as "on screen": kiosk mode clears it then; updates wait for it. */
export const VERDICT_HOLD_MS = 4000;
/** An unlocked kiosk left alone locks itself and goes back to scanning. */
export const KIOSK_IDLE_MS = 60_000;

// Per tab, not stored: a reload always comes back locked.
const unlocked = createStore(false);
const verdictAt = createStore<number | null>(null);
let wakeLock: WakeLockHold | null = null;

// The kiosk setting as last read, per database. A screen that mounts once the shell has read it
// (the scan screen, after every visit elsewhere) starts from it: otherwise each of its mounts
// would begin "not read yet", hiding a door's own controls for a moment and then showing them.
const lastRead = new WeakMap<DoorStore, KioskSettings>();

export function useKioskSettings(): KioskSettings | undefined {
  const { store } = useServices();
  return useLiveRead(
    async () => {
      const settings = await store.kioskSettings();
      lastRead.set(store, settings);
      return settings;
    },
    [],
    lastRead.get(store),
  );
}

export interface KioskMode {
  /** Undefined while the setting loads. */
  enabled: boolean | undefined;
  /** Only the scan screen: kiosk on and the PIN not entered, or the setting not read yet. */
  locked: boolean;
  unlocked: boolean;
}

/**
 * Until the setting is read, a device counts as a locked kiosk: the tablet at a turnstile must
 * not show a guest, even for a frame while it starts, what its PIN guards. It fails closed.
 */
export function kioskMode(enabled: boolean | undefined, isUnlocked: boolean): KioskMode {
  return { enabled, locked: enabled === undefined || (enabled && !isUnlocked), unlocked: enabled === true && isUnlocked };
}

export function useKioskMode(): KioskMode {
  const settings = useKioskSettings();
  const isUnlocked = useSyncExternalStore(unlocked.subscribe, unlocked.get);
  return kioskMode(settings?.enabled, isUnlocked);
}

export const lockKiosk = () => unlocked.set(false);
/** Only for the one who has just set the PIN: they are the supervisor already (state/supervisor.ts). */
export const keepUnlocked = () => unlocked.set(true);

/** Whether the PIN was entered in this tab (and not locked again since): the supervisor's unlock too. */
export function usePinUnlocked(): boolean {
  return useSyncExternalStore(unlocked.subscribe, unlocked.get);
}

/** Checks the PIN against the stored hash, with the stored wrong-PIN delay; unlocks on success. */
export function usePinCheck(): (pin: string) => Promise<PinCheck> {
  const { kiosk } = useServices();
  return useCallback(
    async (pin) => {
      const check = await kiosk.checkPin(pin);
      if (check.ok) unlocked.set(true);
      return check;
    },
    [kiosk],
  );
}

export interface KioskActions {
  /** Sets the PIN (hash only) and locks the device to the scan screen. Call from a tap: it asks for fullscreen. */
  enable(pin: string): Promise<void>;
  /** Only reachable unlocked (behind the PIN). */
  disable(): Promise<void>;
}

export function useKioskActions(): KioskActions {
  const { kiosk } = useServices();
  return {
    enable: useCallback(
      async (pin: string) => {
        if (!isValidPin(pin)) throw new Error('PIN: 4–8 digits');
        const fullscreen = enterFullscreen(); // first, while the tap still counts as a user gesture
        await kiosk.enable(pin);
        unlocked.set(false);
        await fullscreen;
      },
      [kiosk],
    ),
    disable: useCallback(async () => {
      await kiosk.disable();
      // The PIN stays as the supervisor's (state/supervisor.ts), and whoever just typed it to get
      // here is the supervisor: the unlock runs on until the device is left alone.
      await exitFullscreen();
    }, [kiosk]),
  };
}

/** While kiosk mode is on: the screen stays awake, fullscreen comes back at the next tap. */
export function useKioskDevice(enabled: boolean | undefined): void {
  useEffect(() => {
    if (!enabled) return;
    const hold = holdScreenAwake();
    wakeLock = hold;
    const onTap = () => void enterFullscreen();
    document.addEventListener('pointerdown', onTap);
    return () => {
      hold.release();
      if (wakeLock === hold) wakeLock = null;
      document.removeEventListener('pointerdown', onTap);
    };
  }, [enabled]);
}

/** For device health: null when kiosk mode is off. */
export const wakeLockHeld = (): boolean | null => (wakeLock ? wakeLock.held() : null);

/** Unlocked and left alone: lock again and return to scanning. */
export function useKioskIdleLock(active: boolean, onIdle: () => void, idleMs = KIOSK_IDLE_MS): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(fire, idleMs);
    function fire() {
      lockKiosk();
      onIdle();
    }
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, idleMs);
    };
    const events = ['pointerdown', 'keydown', 'input', 'scroll'] as const;
    events.forEach((e) => window.addEventListener(e, reset, { passive: true, capture: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, reset, { capture: true }));
    };
  }, [active, onIdle, idleMs]);
}

/**
 * Reports the verdict of scan `scanId` as on screen; returns false once it should disappear
 * (only when `autoClear`, i.e. in kiosk mode: the next guest must not read the last one's verdict).
 */
export function useVerdictHold(scanId: number | null, autoClear: boolean, holdMs = VERDICT_HOLD_MS): boolean {
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (scanId === null) return;
    verdictAt.set(Date.now());
    const timer = setTimeout(() => {
      verdictAt.set(null);
      setExpired(scanId);
    }, holdMs);
    return () => clearTimeout(timer);
  }, [scanId, holdMs]);
  useEffect(() => () => verdictAt.set(null), []);
  return scanId !== null && !(autoClear && expired === scanId);
}

/** True while a fresh verdict is on screen: no update swap, no install offer over it. */
export function useVerdictOnScreen(): boolean {
  return useSyncExternalStore(verdictAt.subscribe, () => verdictAt.get() !== null);
}
