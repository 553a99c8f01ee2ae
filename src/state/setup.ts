// Setting a device up: check the token, list events, download the picked shows. Also the
// one-step setup link and the refresh of stored lists. The setup screen's queries (React Query)
// are in setup-queries.ts: they load with that screen, not with the scan screen.
import { useCallback, useState } from 'react';
import { findShows, pickShows, SetupError, type DownloadRequest, type SetupProblem } from '../door/setup.ts';
import type { ApiError, ApiEvent, RefreshSummary } from '../door/types.ts';
import type { ShowId } from '../domain/types.ts';
import { useServices } from './services.tsx';

export { pickShows, SetupError, type DownloadRequest, type SetupProblem };

export interface SetupLink {
  token: string;
  showIds: ShowId[];
  /** `kiosk=1&pin=1234`: the device lands locked to the scan screen behind that PIN. */
  kiosk?: { pin: string };
  /** `name=Вход 2`: what the other doors and the supervisor call this device. */
  name?: string;
}

const KIOSK_PIN = /^\d{4,8}$/;

/** Why a setup link cannot be used: no token or shows, or a kiosk link whose PIN is absent or not 4–8 digits. */
export type SetupLinkProblem = 'incomplete' | 'kiosk_pin_missing' | 'kiosk_pin_bad';

/** Reads `#/setup?token=…&shows=1,2[&kiosk=1&pin=1234]` (the hash is never sent to a server). */
export function parseSetupLink(hash: string): SetupLink | SetupLinkProblem | null {
  const match = /^#\/setup\?(.*)$/.exec(hash);
  if (!match) return null;
  const params = new URLSearchParams(match[1]);
  const token = params.get('token')?.trim();
  const showIds = (params.get('shows') ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (!token || showIds.length === 0) return params.has('token') || params.has('shows') ? 'incomplete' : null;
  const name = params.get('name')?.trim().slice(0, 60);
  const named = name ? { name } : {};
  if (params.get('kiosk') !== '1') return { token, showIds, ...named };
  // A kiosk without a PIN could not be unlocked by staff, nor kept locked against guests.
  const pin = params.get('pin')?.trim() ?? '';
  if (!pin) return 'kiosk_pin_missing';
  return KIOSK_PIN.test(pin) ? { token, showIds, kiosk: { pin }, ...named } : 'kiosk_pin_bad';
}

/** The link "Add a device" shows as a QR code. Everything after `#` stays on the phone. */
export function buildSetupLink(base: string, link: SetupLink): string {
  const params = new URLSearchParams({ token: link.token, shows: link.showIds.join(',') });
  if (link.kiosk) {
    params.set('kiosk', '1');
    params.set('pin', link.kiosk.pin);
  }
  if (link.name) params.set('name', link.name);
  return `${base.replace(/#.*$/, '')}#/setup?${params.toString().replace(/%2C/g, ',')}`;
}

/** Finds the link's shows among the token's events; unknown ids are an error that names them. */
export const resolveLinkShows = (events: ApiEvent[], link: SetupLink) => findShows(events, link.showIds);

/** Why the refresh button's pull did not complete, for the screen to word in its language. */
export class RefreshError extends Error {
  constructor(
    readonly reason: 'no_token' | 'failed',
    /** The show that failed, by its title (never its id), and how. */
    readonly show = '',
    readonly error: ApiError | null = null,
  ) {
    super(reason);
    this.name = 'RefreshError';
  }
}

type RefreshRun = { status: 'idle' } | { status: 'pending' } | { status: 'success'; data: RefreshSummary } | { status: 'error'; error: Error };

/**
 * The scan screen's button: the door's one refresh (upload first, a running pull joined).
 * A plain hook, not React Query: the scan screen loads first and should not carry it.
 */
export function useRefresh() {
  const { store, door } = useServices();
  const [run, setRun] = useState<RefreshRun>({ status: 'idle' });
  const mutate = useCallback(() => {
    setRun({ status: 'pending' });
    void (async (): Promise<RefreshSummary> => {
      const summary = await door.refresh();
      if (summary === null) throw new RefreshError((await store.token()) ? 'failed' : 'no_token');
      const failed = summary.failed[0];
      if (failed) {
        const show = (await store.shows()).find((s) => s.id === failed.showId);
        throw new RefreshError('failed', show?.eventName ?? '', failed.error);
      }
      return summary;
    })().then(
      (data) => setRun({ status: 'success', data }),
      (error: unknown) => setRun({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
  }, [door, store]);
  return {
    mutate,
    isPending: run.status === 'pending',
    isSuccess: run.status === 'success',
    isError: run.status === 'error',
    data: run.status === 'success' ? run.data : undefined,
    error: run.status === 'error' ? run.error : null,
  };
}
