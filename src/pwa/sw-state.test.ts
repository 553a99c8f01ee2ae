import { describe, expect, it } from 'vitest';
import { serviceWorkerState } from './sw-state.ts';

const worker = {} as ServiceWorker;

function nav(registration: Partial<ServiceWorkerRegistration> | undefined, controller: ServiceWorker | null): Navigator {
  return { serviceWorker: { controller, getRegistration: () => Promise.resolve(registration) } } as unknown as Navigator;
}

describe('service worker state for device health', () => {
  it('is ready once a worker is active, even on a page it does not control yet (first visit, hard reload)', async () => {
    expect(await serviceWorkerState(nav({ active: worker, waiting: null, installing: null }, null))).toBe('ready');
    expect(await serviceWorkerState(nav({ active: worker, waiting: null, installing: null }, worker))).toBe('ready');
  });

  it('is installing only while no worker has activated', async () => {
    expect(await serviceWorkerState(nav({ active: null, waiting: null, installing: worker }, null))).toBe('installing');
  });

  it('says an update waits, and when nothing is registered or supported', async () => {
    expect(await serviceWorkerState(nav({ active: worker, waiting: worker, installing: null }, worker))).toBe('update_waiting');
    expect(await serviceWorkerState(nav(undefined, null))).toBe('none');
    expect(await serviceWorkerState({} as Navigator)).toBe('unsupported');
  });
});
