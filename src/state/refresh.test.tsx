// @vitest-environment jsdom
// The scan screen's "refresh lists" button: running while the door refreshes, then the summary it
// shows, or why it failed (the failed show by its title, or that there is no token).
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { RefreshSummary } from '../door/types.ts';
import { ServicesProvider, type Services } from './services.tsx';
import { RefreshError, useRefresh } from './setup.ts';

const summary = (failed: RefreshSummary['failed'] = []): RefreshSummary => ({ at: 1, listed: 120, added: 3, revoked: 1, failed });

function renderRefresh(refresh: () => Promise<RefreshSummary | null>, token: string | null = 'tok') {
  const services = {
    door: { refresh },
    store: { token: async () => token, shows: async () => [{ id: 7, eventName: 'Щелкунчик' }] },
  } as unknown as Services;
  const wrapper = ({ children }: { children: ReactNode }) => <ServicesProvider services={services}>{children}</ServicesProvider>;
  return renderHook(() => useRefresh(), { wrapper }).result;
}

describe('useRefresh', () => {
  it('is running until the door has refreshed, then holds the summary', async () => {
    let finish!: (s: RefreshSummary) => void;
    const result = renderRefresh(() => new Promise((resolve) => (finish = resolve)));
    expect(result.current.isPending).toBe(false);
    act(() => result.current.mutate());
    expect(result.current.isPending).toBe(true);
    await act(async () => finish(summary()));
    expect(result.current).toMatchObject({ isPending: false, isSuccess: true, isError: false, error: null });
    expect(result.current.data?.added).toBe(3);
  });

  it('names the show whose list failed, and says so when there is no token', async () => {
    const failed = renderRefresh(async () => summary([{ showId: 7, error: { kind: 'network', message: 'down' } }]));
    act(() => failed.current.mutate());
    await waitFor(() => expect(failed.current.isError).toBe(true));
    expect(failed.current.error).toBeInstanceOf(RefreshError);
    expect(failed.current.error).toMatchObject({ reason: 'failed', show: 'Щелкунчик' });

    const signedOut = renderRefresh(async () => null, null);
    act(() => signedOut.current.mutate());
    await waitFor(() => expect(signedOut.current.error).toMatchObject({ reason: 'no_token' }));
  });

  it('forgets the last failure when tapped again', async () => {
    let calls = 0;
    const result = renderRefresh(async () => (++calls === 1 ? null : summary()));
    act(() => result.current.mutate());
    await waitFor(() => expect(result.current.isError).toBe(true));
    act(() => result.current.mutate());
    expect(result.current).toMatchObject({ isError: false, error: null, isPending: true });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
  });
});
