// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routerPath, setupLinkUsed, takeSetupLink, useArrivedSetupLink, watchSetupLinks } from './setup-link-arrival.ts';

const nextHashChange = () => new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));

describe('takeSetupLink', () => {
  it('reads the link and replaces its history entry with the setup screen, keeping path and query', () => {
    const replaceState = vi.fn();
    const link = takeSetupLink({ hash: '#/setup?token=abc&shows=5', pathname: '/door/', search: '?v=2' }, { replaceState });
    expect(link).toEqual({ token: 'abc', showIds: [5] });
    expect(replaceState).toHaveBeenCalledExactlyOnceWith(null, '', '/door/?v=2#/setup');
  });

  it('wipes an incomplete link too: it may still hold a token', () => {
    const replaceState = vi.fn();
    expect(takeSetupLink({ hash: '#/setup?token=abc', pathname: '/', search: '' }, { replaceState })).toBe('incomplete');
    expect(replaceState).toHaveBeenCalledExactlyOnceWith(null, '', '/#/setup');
  });

  it('leaves any other address alone', () => {
    const replaceState = vi.fn();
    expect(takeSetupLink({ hash: '#/history', pathname: '/', search: '' }, { replaceState })).toBeNull();
    expect(replaceState).not.toHaveBeenCalled();
  });
});

describe('watchSetupLinks', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    history.replaceState(null, '', '/#/');
  });

  it('takes a link that arrives in the open page before a later hashchange listener (the router) reads the address', async () => {
    history.replaceState(null, '', '/#/');
    stop = watchSetupLinks();
    const { result } = renderHook(() => useArrivedSetupLink());
    const before = result.current.arrival;
    const routerSaw: string[] = [];
    const router = () => routerSaw.push(location.hash);
    window.addEventListener('hashchange', router);
    try {
      const arrived = nextHashChange();
      location.hash = '#/setup?token=abc&shows=5';
      await arrived;
    } finally {
      window.removeEventListener('hashchange', router);
    }
    expect(routerSaw).toEqual(['#/setup']);
    expect(location.href).not.toContain('abc');
    await vi.waitFor(() => expect(result.current).toEqual({ link: { token: 'abc', showIds: [5] }, arrival: before + 1 }));

    // Used: gone, under the same arrival (the setup screen it filled is not started again).
    setupLinkUsed();
    await vi.waitFor(() => expect(result.current).toEqual({ link: null, arrival: before + 1 }));
  });

  it('takes the link the app was opened with at once', () => {
    history.replaceState(null, '', '/#/setup?token=xyz&shows=7,8');
    stop = watchSetupLinks();
    expect(location.hash).toBe('#/setup');
    const { result } = renderHook(() => useArrivedSetupLink());
    expect(result.current.link).toEqual({ token: 'xyz', showIds: [7, 8] });
  });
});

describe('routerPath', () => {
  it('shows the routes a setup link not yet taken as the setup screen, and every other path as it is', () => {
    expect(routerPath('/setup?token=abc&shows=5')).toBe('/setup');
    expect(routerPath('/setup')).toBe('/setup');
    expect(routerPath('/')).toBe('/');
    expect(routerPath('/device/add')).toBe('/device/add');
  });
});
