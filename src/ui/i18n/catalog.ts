// All UI messages. The core screens' words are in ru.ts / en.ts; a feature keeps its own words
// beside it (e.g. `ui/kiosk/messages.ts` exporting `ru` (as const) and `en: Messages<typeof ru>`)
// and adds one spread per language here, so features never edit each other's dictionaries.
import { en as cameraEn, ru as cameraRu } from '../camera/messages.ts';
import { en as deliveryEn, ru as deliveryRu } from '../delivery/messages.ts';
import { en as errorsEn, ru as errorsRu } from '../errors/messages.ts';
import { en as headerEn, ru as headerRu } from '../header/messages.ts';
import { en as healthEn, ru as healthRu } from '../health/messages.ts';
import { en as installEn, ru as installRu } from '../install/messages.ts';
import { en as kioskEn, ru as kioskRu } from '../kiosk/messages.ts';
import { en as conflictsEn, ru as conflictsRu } from '../conflicts/messages.ts';
import { en as historyEn, ru as historyRu } from '../history/messages.ts';
import { en as numbersEn, ru as numbersRu } from '../numbers/messages.ts';
import { en as searchEn, ru as searchRu } from '../search/messages.ts';
import { en as shiftEn, ru as shiftRu } from '../shift/messages.ts';
import { en as venueEn, ru as venueRu } from '../venue/messages.ts';
import { en as provisionEn, ru as provisionRu } from '../provision/messages.ts';
import { en as entryWindowEn, ru as entryWindowRu } from '../entry-window/messages.ts';
import { en as lateSalesEn, ru as lateSalesRu } from '../late-sales/messages.ts';
import { en as alreadyCheckedEn, ru as alreadyCheckedRu } from '../already-checked/messages.ts';
import { en as supervisorEn, ru as supervisorRu } from '../supervisor/messages.ts';
import { en as exitEn, ru as exitRu } from '../exit/messages.ts';
import { en as screenLoadEn, ru as screenLoadRu } from '../screen-load/messages.ts';
import { en as coreEn } from './en.ts';
import { ru as coreRu } from './ru.ts';

export type { Messages } from './messages.ts';

const ru = { ...coreRu, ...cameraRu, ...kioskRu, ...healthRu, ...provisionRu, ...installRu, ...searchRu, ...historyRu, ...conflictsRu, ...numbersRu, ...shiftRu, ...venueRu, ...headerRu, ...deliveryRu, ...errorsRu, ...entryWindowRu, ...lateSalesRu, ...alreadyCheckedRu, ...supervisorRu, ...exitRu, ...screenLoadRu };
export type MessageKey = keyof typeof ru;

/** The {placeholders} of a message, read from its Russian text at the type level. */
type ParamNames<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
export type ParamsOf<K extends MessageKey> = ParamNames<(typeof ru)[K]>;
/** A message without placeholders takes no parameters; one with them must get every one. */
export type MessageArgs<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, string | number>];

const en: Record<MessageKey, string> = { ...coreEn, ...cameraEn, ...kioskEn, ...healthEn, ...provisionEn, ...installEn, ...searchEn, ...historyEn, ...conflictsEn, ...numbersEn, ...shiftEn, ...venueEn, ...headerEn, ...deliveryEn, ...errorsEn, ...entryWindowEn, ...lateSalesEn, ...alreadyCheckedEn, ...supervisorEn, ...exitEn, ...screenLoadEn };

export const catalogs: Record<'ru' | 'en', Record<MessageKey, string>> = { ru, en };
