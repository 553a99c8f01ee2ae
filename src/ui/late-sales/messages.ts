// A code on no stored list, and what Qtickets said of it (late sales). {time}: when the oldest
// list this door admits with was pulled.
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'verdict.unknown.checking': 'Проверяем на сервере…',
  'verdict.unknown.absent': 'Нет ни в списке, ни на сервере',
  'verdict.unknown.offline': 'Список от {time} — билет может быть новее',
  'verdict.unknown.unreachable': 'Сервер не ответил. Список от {time} — билет может быть новее',
  'verdict.unknown.unreachableNoList': 'Сервер не ответил',
} as const;

export const en: Messages<typeof ru> = {
  'verdict.unknown.checking': 'Checking with the server…',
  'verdict.unknown.absent': 'Not on the list, nor on the server',
  'verdict.unknown.offline': 'List from {time} — the ticket may be newer',
  'verdict.unknown.unreachable': 'The server did not answer. List from {time} — the ticket may be newer',
  'verdict.unknown.unreachableNoList': 'The server did not answer',
};
