// "Уже прошёл": how long ago and where, so the supervisor reads it at a glance ("12 мин назад, Вход 2").
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'checked.ago.now': 'только что',
  'checked.ago.minutes': '{minutes} мин назад',
  'checked.ago.hours': '{hours} ч {minutes} мин назад',
  'checked.where.device': 'на этом устройстве',
  'checked.where.server': 'по данным сервера',
  'checked.line': '{ago} ({time}), {where}',
} as const;

export const en: Messages<typeof ru> = {
  'checked.ago.now': 'just now',
  'checked.ago.minutes': '{minutes} min ago',
  'checked.ago.hours': '{hours} h {minutes} min ago',
  'checked.where.device': 'on this device',
  'checked.where.server': 'per the server',
  'checked.line': '{ago} ({time}), {where}',
};
