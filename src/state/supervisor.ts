// Roles at the door (domain/supervisor.ts): a steward scans, types, searches and reads; the
// supervisor's PIN (the kiosk PIN) opens settings, undo, removing a show, sign-out and overrides.
// The unlock is this tab's and short-lived: it is the kiosk's unlock (state/kiosk.ts), which locks
// again after KIOSK_IDLE_MS (a minute) without a touch or a key, and at every reload — so a phone
// handed back to a steward does not stay a supervisor's for the rest of the night.
import { useCallback } from 'react';
import type { OverrideOutcome } from '../door/types.ts';
import { roleOf, type OverrideReason, type Role } from '../domain/supervisor.ts';
import { useLiveRead } from './live-query.ts';
import { keepUnlocked, lockKiosk, usePinUnlocked } from './kiosk.ts';
import { useServices } from './services.tsx';

export type { OverrideOutcome, Role };

export interface RoleState {
  /** Undefined while the PIN setting is read: count that as a steward (fail closed). */
  pinSet: boolean | undefined;
  role: Role;
  /** The PIN was entered in this tab and the unlock has not run out. */
  unlocked: boolean;
}

export function useRole(): RoleState {
  const { store } = useServices();
  const pinSet = useLiveRead(() => store.supervisorPinSet());
  const unlocked = usePinUnlocked();
  return { pinSet, role: roleOf(pinSet ?? true, unlocked), unlocked };
}

export function useOverride(): (logId: string, decision: { reason: OverrideReason; text?: string }) => Promise<OverrideOutcome> {
  return useServices().door.override;
}

export function useNote(): (logId: string, text: string) => Promise<boolean> {
  return useServices().door.note;
}

export interface SupervisorPinActions {
  /** Sets (or changes) the supervisor PIN; this tab stays the supervisor's until it locks. */
  set(pin: string): Promise<void>;
  /** Everyone at this device is the supervisor again (kiosk mode ends with it). */
  clear(): Promise<void>;
  /** Back to steward now, without waiting for the idle lock. */
  lock(): void;
}

export function useSupervisorPinActions(): SupervisorPinActions {
  const { kiosk } = useServices();
  return {
    set: useCallback(
      async (pin: string) => {
        await kiosk.setPin(pin);
        keepUnlocked();
      },
      [kiosk],
    ),
    clear: useCallback(() => kiosk.clearPin(), [kiosk]),
    lock: lockKiosk,
  };
}
