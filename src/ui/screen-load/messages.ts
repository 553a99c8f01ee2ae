import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'screenLoad.failed': 'Этот экран не загрузился: нет сети, а приложение ещё не сохранило его на устройстве. Проверка билетов работает.',
  'screenLoad.retry': 'Повторить',
  'screenLoad.toScan': 'К проверке',
} as const;

export const en: Messages<typeof ru> = {
  'screenLoad.failed': 'This screen did not load: there is no network and the app has not stored it on this device yet. Ticket checking works.',
  'screenLoad.retry': 'Try again',
  'screenLoad.toScan': 'Back to scanning',
};
