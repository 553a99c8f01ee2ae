// What the service worker is doing, in the words device health shows.
export type ServiceWorkerState = 'unsupported' | 'none' | 'installing' | 'ready' | 'update_waiting';

export async function serviceWorkerState(nav: Navigator = navigator): Promise<ServiceWorkerState> {
  if (!('serviceWorker' in nav)) return 'unsupported';
  const registration = await nav.serviceWorker.getRegistration();
  if (!registration) return 'none';
  if (registration.waiting && nav.serviceWorker.controller) return 'update_waiting';
  // "ready" means the app opens without network. An active worker has its precache complete (a
  // worker whose install could not cache the shell never activates), and it serves the next
  // opening even when this page was loaded around it — the first visit, or a hard reload. Saying
  // "downloading…" then, beside "ready to work offline", was untrue.
  if (nav.serviceWorker.controller || registration.active) return 'ready';
  return 'installing';
}
