// Finding a guest on the device.
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'search.title': 'Поиск билета',
  'search.label': 'Фамилия, имя, место или часть номера',
  'search.hint': 'От двух символов. Ё можно писать как Е.',
  'search.loading': 'Читаю списки…',
  'search.empty': 'Ничего не найдено',
  'search.count': 'Найдено: {tickets}',
  'search.countFirst': 'Показаны первые {shown} из {ticketsOf} — уточните запрос',
  'search.usedAt': 'уже прошёл в {time}',
  'ticketsOf.one': '{count} билета',
  'ticketsOf.few': '{count} билетов',
  'ticketsOf.many': '{count} билетов',
  'search.took': '{ms} мс',
  'search.admit': 'Пропустить',
  'search.confirm': 'Пропустить по этому билету?',
  'search.confirm.yes': 'Да, пропустить',
  'search.confirm.no': 'Отмена',
  'search.revoked': 'аннулирован',
} as const;

export const en: Messages<typeof ru> = {
  'search.title': 'Find a ticket',
  'search.label': 'Surname, name, seat or part of the number',
  'search.hint': 'Two characters or more.',
  'search.loading': 'Reading the lists…',
  'search.empty': 'Nothing found',
  'search.count': 'Found: {tickets}',
  'search.countFirst': 'Showing the first {shown} of {ticketsOf} — narrow the search',
  'search.usedAt': 'already used at {time}',
  'ticketsOf.one': '{count} ticket',
  'ticketsOf.few': '{count} tickets',
  'ticketsOf.many': '{count} tickets',
  'search.took': '{ms} ms',
  'search.admit': 'Admit',
  'search.confirm': 'Admit on this ticket?',
  'search.confirm.yes': 'Yes, admit',
  'search.confirm.no': 'Cancel',
  'search.revoked': 'cancelled',
};
