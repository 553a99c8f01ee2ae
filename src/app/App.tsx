import { Suspense, useCallback, useEffect, useState } from 'react';
import { Redirect, Route, Router, Switch, useLocation, type BaseLocationHook } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { registerServiceWorker } from '../pwa/register.ts';
import { useShows, useToken } from '../state/door.ts';
import { usePersistStorage, useRememberLastSync } from '../state/health.ts';
import { useKioskActions, useKioskDevice, useKioskIdleLock, useKioskMode, useVerdictOnScreen } from '../state/kiosk.ts';
import { BackgroundProvider, type BackgroundServices } from '../state/background.tsx';
import { ServicesProvider, type Services } from '../state/services.tsx';
import { useRole } from '../state/supervisor.ts';
import type { SetupLink, SetupLinkProblem } from '../state/setup.ts';
import { routerPath, setupLinkUsed, useArrivedSetupLink } from '../state/setup-link-arrival.ts';
import { AppHeader } from '../ui/AppHeader.tsx';
import { InstallOffer } from '../ui/install/InstallOffer.tsx';
import { OfflineReady } from '../ui/install/OfflineReady.tsx';
import { KioskBar } from '../ui/kiosk/KioskBar.tsx';
import { StartingBar } from '../ui/kiosk/StartingBar.tsx';
import { I18nProvider } from '../ui/i18n/context.tsx';
import { ScanScreen } from '../ui/ScanScreen.tsx';
import { SupervisorOnly, SupervisorOnlyIf } from '../ui/supervisor/SupervisorOnly.tsx';
import { ScreenLoadBoundary } from '../ui/screen-load/ScreenLoadBoundary.tsx';
import { UpdateBar } from '../ui/UpdateBar.tsx';
import { HealthScreen, HistoryScreen, KioskPanel, ProvisionScreen, SearchScreen, SetupScreen, ShiftScreen, StatsScreen, SupervisorPinPanel, VenueScreen, retryFailedScreens, warmScreens } from './screens.ts';

function Routes({ link, linkArrival }: { link: SetupLink | SetupLinkProblem | null; linkArrival: number }) {
  const [, navigate] = useLocation();
  const kiosk = useKioskActions();
  const persist = usePersistStorage();
  const token = useToken();
  const shows = useShows();
  const configured = token !== undefined && token !== null && (shows?.length ?? 0) > 0;
  const loading = token === null || shows === undefined;
  // A door that scans gets every other screen's code in its next quiet moments (screens.ts).
  useEffect(() => {
    if (!configured) return;
    const timer = setTimeout(warmScreens, 1_000);
    return () => clearTimeout(timer);
  }, [configured]);
  return (
    <Switch>
      <Route path="/setup">
        {/* Keyed by arrival: a link that comes while setup is on screen starts it afresh. A set-up
            door's setup changes its token and shows: the supervisor's (SupervisorOnly). */}
        <SupervisorOnlyIf when={configured || loading}>
          <SetupScreen
            key={linkArrival}
            link={link}
            onDone={() => {
              // A configured device asks to keep its storage (Safari deletes it after 7 idle days).
              void persist();
              if (link && typeof link === 'object' && link.kiosk) void kiosk.enable(link.kiosk.pin);
              setupLinkUsed();
              navigate('/');
            }}
          />
        </SupervisorOnlyIf>
      </Route>
      <Route path="/device">
        <SupervisorOnly>
          <HealthScreen>
            <SupervisorPinPanel />
            <KioskPanel onLocked={() => navigate('/')} />
          </HealthScreen>
        </SupervisorOnly>
      </Route>
      <Route path="/device/add">
        <SupervisorOnly>
          <ProvisionScreen />
        </SupervisorOnly>
      </Route>
      <Route path="/search">{configured ? <SearchScreen /> : null}</Route>
      <Route path="/history">
        <HistoryScreen />
      </Route>
      <Route path="/stats">
        <StatsScreen />
      </Route>
      <Route path="/venue">
        <VenueScreen />
      </Route>
      <Route path="/shift">
        <SupervisorOnly>
          <ShiftScreen onSignedOut={() => navigate('/setup')} />
        </SupervisorOnly>
      </Route>
      <Route path="/">{loading ? null : configured ? <ScanScreen /> : <Redirect to="/setup" />}</Route>
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}

/** A locked kiosk shows the scan screen and nothing else; the PIN opens the rest. */
function KioskRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ScanScreen />
      </Route>
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}

interface ShellProps {
  applyUpdate: (() => Promise<void>) | null;
  offlineReady: boolean;
  onOfflineReadySeen: () => void;
}

function Shell({ applyUpdate, offlineReady, onOfflineReadySeen }: ShellProps) {
  const [location, navigate] = useLocation();
  // The setup link the app opened with or that arrived since; used once (setupLinkUsed).
  const { link, arrival } = useArrivedSetupLink();
  const kiosk = useKioskMode();
  // An update or an install offer never covers a verdict someone is reading.
  const verdictOnScreen = useVerdictOnScreen();
  const backToScan = useCallback(() => navigate('/'), [navigate]);
  useKioskDevice(kiosk.enabled);
  // The PIN's unlock (kiosk or supervisor) runs out after a minute untouched (state/supervisor.ts).
  const role = useRole();
  useKioskIdleLock(role.unlocked && (kiosk.enabled === true || role.pinSet === true), backToScan);
  useRememberLastSync();
  // Until the kiosk setting is read neither shell is right: a locked kiosk's would redirect a
  // plain door's screens (a setup link among them) to scanning, and the plain one would show a
  // locked kiosk its menu and whatever screen it was reloaded on. So: the name only, no screen.
  const starting = kiosk.enabled === undefined;
  return (
    <div className={kiosk.enabled ? 'kiosk' : undefined} data-kiosk={starting ? 'starting' : kiosk.locked ? 'locked' : kiosk.unlocked ? 'unlocked' : undefined}>
      {starting ? <StartingBar /> : kiosk.locked ? <KioskBar onUnlocked={() => navigate('/device')} /> : <AppHeader />}
      {offlineReady && <OfflineReady onClose={onOfflineReadySeen} />}
      {applyUpdate && !verdictOnScreen && <UpdateBar onApply={() => void applyUpdate()} />}
      {/* The other screens load on demand (screens.ts); the header stays while one arrives. */}
      <ScreenLoadBoundary resetKey={location} onRetry={retryFailedScreens}>
        <Suspense fallback={null}>{starting ? null : kiosk.locked ? <KioskRoutes /> : <Routes link={link} linkArrival={arrival} />}</Suspense>
      </ScreenLoadBoundary>
      <InstallOffer calm={!verdictOnScreen && kiosk.enabled === false} />
    </div>
  );
}

/** The hash location as the routes see it: a setup link's query never reaches them (routerPath). */
function useAppLocation(): ReturnType<typeof useHashLocation> {
  const [location, navigate] = useHashLocation();
  return [routerPath(location), navigate];
}
// Links as `#/…`: the hash hook's own formatter, which its type declarations leave out.
const hashHrefs = (useHashLocation as BaseLocationHook).hrefs;

/** Call watchSetupLinks() before rendering: it reads the setup link the app opens with. */
export function App({ services }: { services: Services & { background: BackgroundServices } }) {
  const [applyUpdate, setApplyUpdate] = useState<(() => Promise<void>) | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  useEffect(() => {
    if (import.meta.env.PROD) registerServiceWorker({ onNeedRefresh: (apply) => setApplyUpdate(() => apply), onOfflineReady: () => setOfflineReady(true) });
  }, []);
  return (
    <ServicesProvider services={services}>
      <BackgroundProvider background={services.background}>
        <I18nProvider>
          <Router hook={useAppLocation} hrefs={hashHrefs}>
            <Shell applyUpdate={applyUpdate} offlineReady={offlineReady} onOfflineReadySeen={() => setOfflineReady(false)} />
          </Router>
        </I18nProvider>
      </BackgroundProvider>
    </ServicesProvider>
  );
}
