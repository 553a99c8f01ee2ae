// Kiosk mode's stored half: the PIN (a salted hash only), its wrong-PIN delay that survives a
// reload, and the setting itself. Whether this tab is unlocked is the screen's (state/kiosk.ts):
// a reload always comes back locked. The same PIN is the supervisor's (старший): set, it keeps
// settings, undo, removing a show, sign-out and overrides from a steward (domain/supervisor.ts),
// with or without kiosk mode; turning kiosk mode off keeps it.
import type { KontrolDb } from '../db/database.ts';
import { clearKioskPin, getKioskPin, getPinThrottle, setKioskPin, setPinThrottle, updateKioskSettings } from '../db/settings.ts';
import { afterWrongPin, hashPin, isValidPin, NO_THROTTLE, verifyPin } from '../pwa/pin.ts';

export type PinCheck = { ok: true } | { ok: false; wrong: boolean; waitMs: number };

export function createKioskStore(db: KontrolDb) {
  async function setPin(pin: string): Promise<void> {
    if (!isValidPin(pin)) throw new Error('PIN: 4–8 digits');
    await setKioskPin(db, await hashPin(pin));
    await setPinThrottle(db, NO_THROTTLE);
  }
  return {
    /** Checks `pin` against the stored hash, unless the wrong-PIN delay is still running. */
    async checkPin(pin: string): Promise<PinCheck> {
      const throttle = await getPinThrottle(db);
      const now = Date.now();
      if (throttle.notBefore > now) return { ok: false, wrong: false, waitMs: throttle.notBefore - now };
      const stored = await getKioskPin(db);
      if (stored && (await verifyPin(pin, stored))) {
        await setPinThrottle(db, NO_THROTTLE);
        return { ok: true };
      }
      const next = afterWrongPin(throttle, Date.now());
      await setPinThrottle(db, next);
      return { ok: false, wrong: true, waitMs: Math.max(0, next.notBefore - Date.now()) };
    },
    /** Stores the PIN's hash (never the PIN) and turns kiosk mode on. */
    async enable(pin: string): Promise<void> {
      await setPin(pin);
      await updateKioskSettings(db, { enabled: true });
    },
    /** Stores the supervisor PIN's hash without kiosk mode. */
    setPin,
    /** Everyone is the supervisor again; kiosk mode goes too, as it cannot be left without a PIN. */
    async clearPin(): Promise<void> {
      await updateKioskSettings(db, { enabled: false });
      await clearKioskPin(db);
    },
    disable: () => updateKioskSettings(db, { enabled: false }),
  };
}

export type KioskStore = ReturnType<typeof createKioskStore>;
