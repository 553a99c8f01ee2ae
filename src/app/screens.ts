// Every screen but the scan screen loads on demand: a door opens on scanning, and the first load
// carries only what the scan screen and its verdict need (README, Performance: first load). The
// service worker precaches these chunks too, so a screen opened offline still loads.
import { lazy, type ComponentType } from 'react';

// React.lazy wants a default export; ours are named.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- lazy()'s own constraint
function onDemand<C extends ComponentType<any>>(load: () => Promise<C>) {
  return lazy(async () => ({ default: await load() }));
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
