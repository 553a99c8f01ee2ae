// "Add to home screen": Chromium offers a prompt event we keep until a calm moment; iOS has no
// prompt at all, only Share → Add to Home Screen, which we can merely explain.

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallState = { kind: 'installed' } | { kind: 'prompt'; prompt: () => Promise<boolean> } | { kind: 'ios_hint' } | { kind: 'none' };

export function isStandalone(win: Window = window): boolean {
  return win.matchMedia?.('(display-mode: standalone)').matches || (win.navigator as { standalone?: boolean }).standalone === true;
}

/** iPhone and iPad Safari (iPadOS says "Macintosh" but has touch). */
export function isIos(nav: Navigator = navigator): boolean {
  return /iPhone|iPad|iPod/.test(nav.userAgent) || (/Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1);
}

/** Watches for the install prompt; `onChange` gets the current state at once and on every change. */
export function watchInstall(onChange: (state: InstallState) => void, win: Window = window): () => void {
  let state: InstallState = isStandalone(win) ? { kind: 'installed' } : isIos(win.navigator) ? { kind: 'ios_hint' } : { kind: 'none' };
  const set = (next: InstallState) => {
    state = next;
    onChange(state);
  };
  const onPrompt = (event: Event) => {
    // Keep it for later: the browser's own mini-bar would pop up over a verdict.
    event.preventDefault();
    const deferred = event as BeforeInstallPromptEvent;
    set({
      kind: 'prompt',
      prompt: async () => {
        await deferred.prompt();
        const { outcome } = await deferred.userChoice;
        set(outcome === 'accepted' ? { kind: 'installed' } : { kind: 'none' });
        return outcome === 'accepted';
      },
    });
  };
  const onInstalled = () => set({ kind: 'installed' });
  win.addEventListener('beforeinstallprompt', onPrompt);
  win.addEventListener('appinstalled', onInstalled);
  onChange(state);
  return () => {
    win.removeEventListener('beforeinstallprompt', onPrompt);
    win.removeEventListener('appinstalled', onInstalled);
  };
}
