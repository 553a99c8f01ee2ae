// Every screen but the scan screen loads on demand: a door opens on scanning, and the first load
// carries only what the scan screen and its verdict need (README, Performance: first load). The
// service worker precaches these chunks too, so a screen opened offline still loads; and once the
// door has been quiet a moment, warmScreens() fetches them all, so a session that started online
// has every screen even where the service worker does not control the page yet (its first visit).
import { createElement, lazy, type ComponentProps, type ComponentType, type LazyExoticComponent } from 'react';

const loaders: Array<() => Promise<unknown>> = [];
// Bumped by "try again": a screen whose load failed makes a fresh attempt only then (never in a
// render loop of its own while the network is away).
let attempt = 0;

/** The screen-load boundary's "try again": the screens that failed load once more. */
export function retryFailedScreens(): void {
  attempt += 1;
}

// React.lazy wants a default export; ours are named. And lazy() keeps a failed load for ever, so
// after a failure and a "try again" the screen makes a fresh lazy component.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- lazy()'s own constraint
function onDemand<C extends ComponentType<any>>(load: () => Promise<C>) {
  let current: LazyExoticComponent<C>;
  let madeAt = attempt;
  let failed = false;
  const fresh = () => {
    failed = false;
    madeAt = attempt;
    current = lazy(async () => {
      try {
        return { default: await load() };
      } catch (error) {
        failed = true;
        throw error;
      }
    });
  };
  fresh();
  loaders.push(load);
  return function Screen(props: ComponentProps<C>) {
    if (failed && madeAt !== attempt) fresh();
    return createElement(current, props);
  };
}

/** Loads every screen's code, one per idle moment, so none needs the network later. */
export function warmScreens(): void {
  const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 5_000 }) : setTimeout(run, 200));
  const next = (i: number) => {
    const load = loaders[i];
    if (!load) return;
    idle(() => {
      // A failure here is not the door's: the screen tries again when it is opened.
      load().then(
        () => next(i + 1),
        () => next(i + 1),
      );
    });
  };
  next(0);
}

export const SetupScreen = onDemand(() => import('./setup-route.tsx').then((m) => m.SetupRoute));
export const HealthScreen = onDemand(() => import('../ui/health/HealthScreen.tsx').then((m) => m.HealthScreen));
export const KioskPanel = onDemand(() => import('../ui/kiosk/KioskPanel.tsx').then((m) => m.KioskPanel));
export const ProvisionScreen = onDemand(() => import('../ui/provision/ProvisionScreen.tsx').then((m) => m.ProvisionScreen));
export const SearchScreen = onDemand(() => import('../ui/search/SearchScreen.tsx').then((m) => m.SearchScreen));
export const HistoryScreen = onDemand(() => import('../ui/history/HistoryScreen.tsx').then((m) => m.HistoryScreen));
export const StatsScreen = onDemand(() => import('../ui/numbers/StatsScreen.tsx').then((m) => m.StatsScreen));
export const VenueScreen = onDemand(() => import('../ui/venue/VenueScreen.tsx').then((m) => m.VenueScreen));
export const ShiftScreen = onDemand(() => import('../ui/shift/ShiftScreen.tsx').then((m) => m.ShiftScreen));
export const SupervisorPinPanel = onDemand(() => import('../ui/supervisor/SupervisorPinPanel.tsx').then((m) => m.SupervisorPinPanel));
