import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { registerServiceWorker } from '../pwa/register.ts';
import { useShows, useToken } from '../state/door.ts';
import { ServicesProvider, type Services } from '../state/services.tsx';
import type { SetupLink } from '../state/setup.ts';
import { AppHeader } from '../ui/AppHeader.tsx';
import { I18nProvider } from '../ui/i18n/context.tsx';
import { ScanScreen } from '../ui/ScanScreen.tsx';
import { SetupScreen } from '../ui/SetupScreen.tsx';
import { UpdateBar } from '../ui/UpdateBar.tsx';

const queryClient = new QueryClient({ defaultOptions: { queries: { networkMode: 'offlineFirst' } } });

function Routes({ initialLink }: { initialLink: SetupLink | 'incomplete' | null }) {
  const [, navigate] = useLocation();
  // A setup link is used once: coming back to setup later must not download again.
  const [link, setLink] = useState(initialLink);
  const token = useToken();
  const shows = useShows();
  const configured = token !== undefined && token !== null && (shows?.length ?? 0) > 0;
  const loading = token === null || shows === undefined;
  return (
    <Switch>
      <Route path="/setup">
        <SetupScreen
          link={link}
          onDone={() => {
            setLink(null);
            navigate('/');
          }}
        />
      </Route>
      <Route path="/">{loading ? null : configured ? <ScanScreen /> : <Redirect to="/setup" />}</Route>
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}

export function App({ services, link }: { services: Services; link: SetupLink | 'incomplete' | null }) {
  const [applyUpdate, setApplyUpdate] = useState<(() => Promise<void>) | null>(null);
  useEffect(() => {
    if (import.meta.env.PROD) registerServiceWorker({ onNeedRefresh: (apply) => setApplyUpdate(() => apply), onOfflineReady: () => {} });
  }, []);
  return (
    <ServicesProvider services={services}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <Router hook={useHashLocation}>
            <AppHeader />
            {applyUpdate && <UpdateBar onApply={() => void applyUpdate()} />}
            <Routes initialLink={link} />
          </Router>
        </I18nProvider>
      </QueryClientProvider>
    </ServicesProvider>
  );
}
