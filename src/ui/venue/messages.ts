// The supervisor's picture of the venue: every door, live.
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'venue.title': 'Площадка',
  'venue.explain': 'Все устройства на ваших мероприятиях, по последнему сигналу. Сверху — те, что молчат или держат неотправленные отметки.',
  'venue.none': 'Других устройств пока нет (или нет связи с сервером приложения).',
  'venue.seen': 'на связи в {time}',
  'venue.quiet': 'молчит с {time}',
  'venue.pending': 'не отправлено: {count}',
  'venue.rejected': 'отклонено: {count}',
  'venue.stored': 'билетов в списке: {count}',
  'venue.pace': 'за минуту: {count}',
  'venue.battery': 'батарея {percent}%',
  'venue.version': 'версия {version}',
  'venue.lastPull': 'список от {time}',
} as const;

export const en: Messages<typeof ru> = {
  'venue.title': 'Venue',
  'venue.explain': 'Every device on your shows, as its last signal said. First the ones gone quiet or holding unsent check-ins.',
  'venue.none': 'No other devices yet (or no connection to the app server).',
  'venue.seen': 'seen at {time}',
  'venue.quiet': 'quiet since {time}',
  'venue.pending': 'unsent: {count}',
  'venue.rejected': 'rejected: {count}',
  'venue.stored': 'tickets listed: {count}',
  'venue.pace': 'last minute: {count}',
  'venue.battery': 'battery {percent}%',
  'venue.version': 'version {version}',
  'venue.lastPull': 'list of {time}',
};
