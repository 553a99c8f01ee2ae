// @vitest-environment jsdom
// The supervisor's unlock is short-lived: it lasts while the device is being used and runs out
// after the idle time without a touch or a key, leaving a steward again.
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDoorStores } from '../door/testing.ts';
import { lockKiosk, useKioskIdleLock, usePinCheck } from './kiosk.ts';
import { ServicesProvider, type Services } from './services.tsx';
import { useRole } from './supervisor.ts';

const IDLE_MS = 500;
afterEach(() => lockKiosk());

function renderRole(door: ReturnType<typeof freshDoorStores>) {
  const services = { store: door.store, kiosk: door.kiosk } as unknown as Services;
  const wrapper = ({ children }: { children: ReactNode }) => <ServicesProvider services={services}>{children}</ServicesProvider>;
  return renderHook(
    () => {
      const role = useRole();
      // As the app wires it (App.tsx): the unlock of a device with a PIN runs out when idle.
      useKioskIdleLock(role.unlocked && role.pinSet === true, () => undefined, IDLE_MS);
      return { role, check: usePinCheck() };
    },
    { wrapper },
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the supervisor role', () => {
  it('is everyone\'s without a PIN, and a steward\'s once a PIN is set', async () => {
    const door = freshDoorStores();
    const { result } = renderRole(door);
    expect(result.current.role.role).toBe('steward'); // not read yet: fail closed
    await waitFor(() => expect(result.current.role).toMatchObject({ pinSet: false, role: 'supervisor' }));
    await door.kiosk.setPin('2468');
    await waitFor(() => expect(result.current.role).toMatchObject({ pinSet: true, role: 'steward' }));
  });

  it('opens with the PIN, stays open while the device is used, and locks again after the idle time', async () => {
    const door = freshDoorStores();
    await door.kiosk.setPin('2468');
    const { result } = renderRole(door);
    await waitFor(() => expect(result.current.role.pinSet).toBe(true));
    expect(await act(() => result.current.check('1357'))).toMatchObject({ ok: false });
    expect(result.current.role.role).toBe('steward');
    await act(() => result.current.check('2468'));
    expect(result.current.role.role).toBe('supervisor');

    // Touches keep it open well past the idle time...
    for (let i = 0; i < 10; i++) {
      await act(() => sleep(IDLE_MS / 5));
      window.dispatchEvent(new Event('pointerdown'));
    }
    expect(result.current.role.role).toBe('supervisor');
    // ...and left alone it closes.
    await waitFor(() => expect(result.current.role.role).toBe('steward'), { timeout: IDLE_MS * 4 });
  });
});
