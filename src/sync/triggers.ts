// Browser events that mean "try delivering now": the network came back, the app came back to
// the foreground (phones freeze background tabs and their timers).
export function attachSyncTriggers(kick: () => void, win: Window = window, doc: Document = document): () => void {
  const onVisible = () => {
    if (doc.visibilityState === 'visible') kick();
  };
  win.addEventListener('online', kick);
  doc.addEventListener('visibilitychange', onVisible);
  return () => {
    win.removeEventListener('online', kick);
    doc.removeEventListener('visibilitychange', onVisible);
  };
}
