// This browser's own preferences, for screens (src/door/preferences.ts keeps them).
export { declineInstall, installDeclinedRecently, loadLocale, saveLocale, type Locale } from '../door/preferences.ts';
export { watchInstall, type InstallState } from '../door/devices.ts';
