// Finding a guest on the device.
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'search.title': 'Поиск билета',
  'search.label': 'Фамилия, имя, место или часть номера',
  'search.hint': 'От двух символов. Ё можно писать как Е.',
  'search.loading': 'Читаю списки…',
  'search.empty': 'Ничего не найдено',
  'search.count': 'Найдено: {count}',
  'search.took': '{ms} мс',
  'search.admit': 'Пропустить',
  'search.confirm': 'Пропустить по этому билету?',
  'search.confirm.yes': 'Да, пропустить',
  'search.confirm.no': 'Отмена',
  'search.used': 'уже прошёл',
  'search.revoked': 'аннулирован',
} as const;

export const en: Messages<typeof ru> = {
  'search.title': 'Find a ticket',
  'search.label': 'Surname, name, seat or part of the number',
  'search.hint': 'Two characters or more.',
  'search.loading': 'Reading the lists…',
  'search.empty': 'Nothing found',
  'search.count': 'Found: {count}',
  'search.took': '{ms} ms',
  'search.admit': 'Admit',
  'search.confirm': 'Admit on this ticket?',
  'search.confirm.yes': 'Yes, admit',
  'search.confirm.no': 'Cancel',
  'search.used': 'already used',
  'search.revoked': 'cancelled',
};
