// The devices of the door that screens drive directly, handed to src/state through the door so
// state imports nothing else: the camera and the keyboard wedge (scanner/), the screen and the
// storage of the browser (pwa/), the server's clock (api/). Each is a small, framework-free
// service; state/ holds only their React glue.
export { createFeedback, createScanner, DEFAULT_FORMATS, DEFAULT_REPEAT_WINDOW_MS } from '../scanner/index.ts';
export type { CameraCapabilities, CameraInfo, CodeMeta, Facing, Feedback, Scanner, ScanFormat, ScanHint, ScannerError } from '../scanner/index.ts';
export { attachWedge } from '../scanner/wedge.ts';
export { enterFullscreen, exitFullscreen } from '../pwa/fullscreen.ts';
export { holdScreenAwake, type WakeLockHold } from '../pwa/wake-lock.ts';
export { isValidPin } from '../pwa/pin.ts';
export { requestPersistentStorage, storageInfo, type StorageInfo } from '../pwa/storage.ts';
export { serviceWorkerState, type ServiceWorkerState } from '../pwa/sw-state.ts';
export { APP_VERSION } from '../pwa/version.ts';
export { watchInstall, type InstallState } from '../pwa/install.ts';
export { CLOCK_WARN_MS, probeServerClock, type ClockReading } from '../api/server-clock.ts';
