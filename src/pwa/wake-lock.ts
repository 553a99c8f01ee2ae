// Keeps a kiosk tablet's screen on. The browser drops a Screen Wake Lock whenever the page is
// hidden (tab switch, screen off by the button), so it is asked for again each time the page
// becomes visible. Where the API is missing (older iOS) this is a silent no-op.

export interface WakeLockHold {
  /** Whether a lock is held right now (for device health and tests). */
  held(): boolean;
  release(): void;
}

export function holdScreenAwake(doc: Document = document, nav: Navigator = navigator): WakeLockHold {
  let sentinel: WakeLockSentinel | null = null;
  let released = false;
  const acquire = async () => {
    if (released || !('wakeLock' in nav) || doc.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
    try {
      const next = await nav.wakeLock.request('screen');
      if (released) void next.release();
      else sentinel = next;
    } catch {
      // Refused (battery saver, no user activation yet): tried again at the next visibility change.
    }
  };
  const onVisibility = () => void acquire();
  doc.addEventListener('visibilitychange', onVisibility);
  void acquire();
  return {
    held: () => sentinel !== null && !sentinel.released,
    release() {
      released = true;
      doc.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release().catch(() => {});
      sentinel = null;
    },
  };
}
