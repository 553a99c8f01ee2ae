// What the service worker is doing, in the words device health shows.
export type ServiceWorkerState = 'unsupported' | 'none' | 'installing' | 'ready' | 'update_waiting';

export async function serviceWorkerState(nav: Navigator = navigator): Promise<ServiceWorkerState> {
  if (!('serviceWorker' in nav)) return 'unsupported';
  const registration = await nav.serviceWorker.getRegistration();
  if (!registration) return 'none';
  if (registration.waiting && nav.serviceWorker.controller) return 'update_waiting';
  // "ready" means this page is served by the worker: a reload without network still opens.
  if (nav.serviceWorker.controller) return 'ready';
  return 'installing';
}
