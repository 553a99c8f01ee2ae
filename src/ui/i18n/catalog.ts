// All UI messages. The core screens' words are in ru.ts / en.ts; a feature keeps its own words
// beside it (e.g. `ui/kiosk/messages.ts` exporting `ru` (as const) and `en: Messages<typeof ru>`)
// and adds one spread per language here, so features never edit each other's dictionaries.
import { en as coreEn } from './en.ts';
import { ru as coreRu } from './ru.ts';

export type Messages<T> = Record<keyof T, string>;

const ru = { ...coreRu };
export type MessageKey = keyof typeof ru;

const en: Record<MessageKey, string> = { ...coreEn };

export const catalogs: Record<'ru' | 'en', Record<MessageKey, string>> = { ru, en };
