// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { KontrolDb } from '../db/database.ts';
import { updateKioskSettings } from '../db/settings.ts';
import { freshDb } from '../db/testing.ts';
import { useKioskMode, type KioskMode } from './kiosk.ts';
import { ServicesProvider, type Services } from './services.tsx';

/** Every value the hook gave, render by render, from the first one on. */
function renderKioskMode(db: KontrolDb) {
  const seen: KioskMode[] = [];
  // The hook reads only the database of the services.
  const services = { db } as unknown as Services;
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
    const db = freshDb();
    await updateKioskSettings(db, { enabled: true });
    const { seen, result } = renderKioskMode(db);
    expect(seen[0]).toMatchObject({ enabled: undefined, locked: true, unlocked: false });
    await waitFor(() => expect(result.current.enabled).toBe(true));
    expect(seen.every((mode) => mode.locked)).toBe(true);
  });

  it('opens a door without kiosk mode once the setting says so', async () => {
    const { seen, result } = renderKioskMode(freshDb());
    expect(seen[0]?.locked).toBe(true);
    await waitFor(() => expect(result.current).toEqual({ enabled: false, locked: false, unlocked: false }));
  });

  it('starts a screen mounted after the setting was read from what was read, not from locked', async () => {
    const db = freshDb();
    const first = renderKioskMode(db);
    await waitFor(() => expect(first.result.current.enabled).toBe(false));
    const later = renderKioskMode(db);
    expect(later.seen[0]).toEqual({ enabled: false, locked: false, unlocked: false });
  });
});
