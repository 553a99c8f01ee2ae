// Service-worker registration in prompt mode: a new version waits until a person taps "update",
// never swapping the app under a verdict on screen.
import { registerSW } from 'virtual:pwa-register';

export interface PwaEvents {
  onNeedRefresh: (apply: () => Promise<void>) => void;
  onOfflineReady: () => void;
}

export function registerServiceWorker(events: PwaEvents): void {
  if (!('serviceWorker' in navigator)) return;
  // The worker claims a first visit's page (vite.config.ts), so that page never reloaded: the
  // plugin's own reload after the switch only fires for pages that opened under a worker. Reload
  // here once the tapped version controls the page, whichever page it is.
  const apply = async () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    await update(true);
  };
  const update = registerSW({
    onNeedRefresh: () => events.onNeedRefresh(() => apply()),
    onOfflineReady: events.onOfflineReady,
    onRegisteredSW: (_url, registration) => {
      // A kiosk tablet may stay open for days: look for a new version whenever it comes back to
      // the foreground, not only at the next navigation.
      if (!registration) return;
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && navigator.onLine) void registration.update().catch(() => {});
      });
    },
  });
}
