// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { freshDoorStores } from '../door/testing.ts';
import { useKioskMode, type KioskMode } from './kiosk.ts';
import { ServicesProvider, type Services } from './services.tsx';

/** Every value the hook gave, render by render, from the first one on. */
function renderKioskMode({ store }: Pick<ReturnType<typeof freshDoorStores>, 'store'>) {
  const seen: KioskMode[] = [];
  // The hook reads only the door's store.
  const services = { store } as unknown as Services;
  const wrapper = ({ children }: { children: ReactNode }) => <ServicesProvider services={services}>{children}</ServicesProvider>;
  const { result } = renderHook(
    () => {
      const mode = useKioskMode();
      seen.push(mode);
      return mode;
    },
    { wrapper },
  );
  return { seen, result };
}

describe('useKioskMode', () => {
  it('counts a kiosk as locked from the first render, before its setting is read', async () => {
    const door = freshDoorStores();
    await door.kiosk.enable('2468');
    const { seen, result } = renderKioskMode(door);
    expect(seen[0]).toMatchObject({ enabled: undefined, locked: true, unlocked: false });
    await waitFor(() => expect(result.current.enabled).toBe(true));
    expect(seen.every((mode) => mode.locked)).toBe(true);
  });

  it('opens a door without kiosk mode once the setting says so', async () => {
    const { seen, result } = renderKioskMode(freshDoorStores());
    expect(seen[0]?.locked).toBe(true);
    await waitFor(() => expect(result.current).toEqual({ enabled: false, locked: false, unlocked: false }));
  });

  it('starts a screen mounted after the setting was read from what was read, not from locked', async () => {
    const door = freshDoorStores();
    const first = renderKioskMode(door);
    await waitFor(() => expect(first.result.current.enabled).toBe(false));
    const later = renderKioskMode(door);
    expect(later.seen[0]).toEqual({ enabled: false, locked: false, unlocked: false });
  });
});
