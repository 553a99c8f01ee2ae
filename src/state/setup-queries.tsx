// The setup screen's requests: the token's events and the download of the picked shows. React
// Query lives here and in the setup screen's chunk only, so the scan screen's first load is
// smaller (the scan screen's refresh is a plain hook in setup.ts).
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { DownloadRequest } from '../door/setup.ts';
import type { DownloadProgress } from '../door/types.ts';
import { queryKeys, STALE } from './queries.ts';
import { useServices } from './services.tsx';

export function useEvents(token: string | null) {
  const { setup } = useServices();
  return useQuery({
    queryKey: queryKeys.events(token ?? ''),
    enabled: token !== null,
    staleTime: STALE.events,
    retry: false,
    networkMode: 'always',
    queryFn: ({ signal }) => setup.events(token ?? '', signal),
  });
}

/** Downloads the lists, then makes exactly the picked shows the ones this door admits. */
export function useDownload() {
  const { setup } = useServices();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const mutation = useMutation({
    networkMode: 'always',
    mutationFn: (request: DownloadRequest) => setup.download(request, setProgress),
  });
  return { ...mutation, progress };
}

// One client for the page's life: the event list stays cached between visits to setup.
const queryClient = new QueryClient({ defaultOptions: { queries: { networkMode: 'offlineFirst' } } });

/** Wraps the setup screen: its queries need a client, the rest of the app does not. */
export function SetupQueries({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
