import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'header.menu': 'Меню',
  'header.status.label': 'Связь:',
  'header.status.online': 'Онлайн',
  'header.status.offline': 'Офлайн',
  'header.status.noNetwork': 'Нет сети',
  'header.status.retry': 'Повтор в {time}',
  'header.status.auth': 'Токен не принят',
  'nav.search': 'Поиск',
  'nav.history': 'История',
  'nav.stats': 'Сводка',
  'nav.shift': 'Смена',
  'nav.venue': 'Площадка',
} as const;

export const en: Messages<typeof ru> = {
  'header.menu': 'Menu',
  'header.status.label': 'Connection:',
  'header.status.online': 'Online',
  'header.status.offline': 'Offline',
  'header.status.noNetwork': 'No network',
  'header.status.retry': 'Retry at {time}',
  'header.status.auth': 'Token refused',
  'nav.search': 'Search',
  'nav.history': 'History',
  'nav.stats': 'Numbers',
  'nav.shift': 'Shift',
  'nav.venue': 'Venue',
};
