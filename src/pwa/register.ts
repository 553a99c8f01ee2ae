// Service-worker registration in prompt mode: a new version waits until a person taps "update",
// never swapping the app under a verdict on screen.
import { registerSW } from 'virtual:pwa-register';

export interface PwaEvents {
  onNeedRefresh: (apply: () => Promise<void>) => void;
  onOfflineReady: () => void;
}

export function registerServiceWorker(events: PwaEvents): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh: () => events.onNeedRefresh(() => update(true)),
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
