// Double entries found across devices.
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'conflicts.title': 'Повторные проходы',
  'conflicts.empty': 'Повторных проходов не найдено',
  'conflicts.row': '{code}: у нас в {local}, на сервере раньше — в {server} (другое устройство или вход)',
  'conflicts.row.later': '{code}: у нас в {local}, позже ещё раз — в {server} (другое устройство или вход)',
  'conflicts.alert': 'Повторный проход! Билет {code} уже прошёл в {server} на другом устройстве. У нас — в {local}.',
  'conflicts.alert.later': 'Повторный проход! Билет {code} прошёл у нас в {local}, а в {server} — ещё раз на другом устройстве.',
  'conflicts.alert.more': 'И ещё {count}',
  'conflicts.ack': 'Понятно',
  'conflicts.device': 'это устройство: {device}',
  'conflicts.otherDoor': 'другой вход: {door}',
} as const;

export const en: Messages<typeof ru> = {
  'conflicts.title': 'Double entries',
  'conflicts.empty': 'No double entries found',
  'conflicts.row': '{code}: here at {local}, on the server earlier, at {server} (another device or entrance)',
  'conflicts.row.later': '{code}: here at {local}, and again later, at {server} (another device or entrance)',
  'conflicts.alert': 'Double entry! Ticket {code} was already admitted at {server} on another device. Here at {local}.',
  'conflicts.alert.later': 'Double entry! Ticket {code} was admitted here at {local} and again at {server} on another device.',
  'conflicts.alert.more': 'And {count} more',
  'conflicts.ack': 'Got it',
  'conflicts.device': 'this device: {device}',
  'conflicts.otherDoor': 'the other door: {door}',
};
