// The door's numbers and its entrance zones.
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'zones.title': 'Вход',
  'zones.all': 'Все зоны',
  'zones.only': 'Только: {zones}',
  'zones.hint': 'Отметьте зоны, которые пропускает этот вход. Ничего не отмечено — пропускаются все.',
  'zones.loading': 'Читаю списки…',
  'zones.none': 'В списках нет зон',
  'stats.title': 'Сводка',
  'stats.admitted': 'Прошли / ожидается',
  'stats.noZone': 'без зоны',
  'stats.pace': 'Проходов в минуту (последние 10 минут)',
  'stats.paceNow': 'сейчас {count} в минуту',
  'stats.denials': 'Отказы по причинам',
  'stats.pending': 'Ожидают отправки',
  'stats.loading': 'Считаю…',
  'stats.open': 'Сводка по входу',
} as const;

export const en: Messages<typeof ru> = {
  'zones.title': 'Entrance',
  'zones.all': 'All zones',
  'zones.only': 'Only: {zones}',
  'zones.hint': 'Tick the zones this entrance admits. Nothing ticked: every zone.',
  'zones.loading': 'Reading the lists…',
  'zones.none': 'The lists have no zones',
  'stats.title': 'Numbers',
  'stats.admitted': 'Admitted / expected',
  'stats.noZone': 'no zone',
  'stats.pace': 'Admissions per minute (last 10 minutes)',
  'stats.paceNow': 'now {count} a minute',
  'stats.denials': 'Denials by reason',
  'stats.pending': 'Waiting to be sent',
  'stats.loading': 'Counting…',
  'stats.open': 'Door numbers',
};
