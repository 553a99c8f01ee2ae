import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'install.offer': 'Установите «Контроль» на главный экран: открывается как приложение и работает без сети.',
  'install.accept': 'Установить',
  'install.later': 'Не сейчас',
  'install.ios': 'На iPhone и iPad: нажмите «Поделиться», затем «На экран „Домой“».',
  'install.offlineReady': 'Готово к работе без сети',
  'install.ok': 'Понятно',
} as const;

export const en: Messages<typeof ru> = {
  'install.offer': 'Add Kontrol to the home screen: it opens like an app and works without network.',
  'install.accept': 'Install',
  'install.later': 'Not now',
  'install.ios': 'On iPhone and iPad: tap Share, then "Add to Home Screen".',
  'install.offlineReady': 'Ready to work offline',
  'install.ok': 'OK',
};
