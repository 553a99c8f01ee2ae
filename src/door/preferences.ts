// This browser's own preferences (settings-registry.ts, store `browser`): read before IndexedDB
// answers, so the first frame is already in the person's language.
import { readBrowserSetting, SETTINGS, writeBrowserSetting } from '../db/settings-registry.ts';

export type Locale = 'ru' | 'en';

export const loadLocale = (): Locale => readBrowserSetting(SETTINGS.locale);
export const saveLocale = (locale: Locale): boolean => writeBrowserSetting(SETTINGS.locale, locale);

/** "Not now" means not this week: an offer at every start would be nagging. */
const INSTALL_QUIET_MS = 7 * 24 * 60 * 60 * 1000;

export const installDeclinedRecently = (now = Date.now()): boolean => now - readBrowserSetting(SETTINGS.installDeclinedAt) < INSTALL_QUIET_MS;
export const declineInstall = (now = Date.now()): boolean => writeBrowserSetting(SETTINGS.installDeclinedAt, now);
