// Fullscreen needs a user gesture: callers invoke these from click handlers. Failures are quiet:
// iPhones have no element fullscreen, and the kiosk still works without it.

export async function enterFullscreen(doc: Document = document): Promise<void> {
  if (doc.fullscreenElement || !doc.documentElement.requestFullscreen) return;
  try {
    await doc.documentElement.requestFullscreen({ navigationUI: 'hide' });
  } catch {
    // Refused or unsupported.
  }
}

export async function exitFullscreen(doc: Document = document): Promise<void> {
  if (!doc.fullscreenElement || !doc.exitFullscreen) return;
  try {
    await doc.exitFullscreen();
  } catch {
    // Already left (Esc) between the check and the call.
  }
}
