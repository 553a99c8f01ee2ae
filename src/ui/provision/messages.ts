import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'provision.title': 'Добавить устройство',
  'provision.explain': 'Откройте камеру телефона и наведите на QR-код: телефон откроет «Контроль», настроится на эти сеансы и загрузит списки билетов.',
  'provision.shows': 'Сеансы: {shows}',
  'provision.noSetup': 'Сначала настройте это устройство: нужен токен и хотя бы один сеанс.',
  'provision.kiosk': 'Новое устройство — планшет в режиме киоска',
  'provision.show': 'Показать QR-код',
  'provision.hide': 'Скрыть QR-код',
  'provision.qrAlt': 'QR-код ссылки настройки',
  'provision.warning': 'Внимание: QR-код содержит токен API Qtickets. Кто его сфотографирует, получит доступ к билетам ваших мероприятий. Не показывайте его посторонним и скройте сразу после настройки.',
  'provision.https': 'Камера и работа без сети на телефоне требуют HTTPS-адреса. Этот адрес — {origin}.',
} as const;

export const en: Messages<typeof ru> = {
  'provision.title': 'Add a device',
  'provision.explain': "Point the phone's camera at the QR code: the phone opens Kontrol, sets itself up for these shows and downloads the ticket lists.",
  'provision.shows': 'Shows: {shows}',
  'provision.noSetup': 'Set this device up first: a token and at least one show are needed.',
  'provision.kiosk': 'The new device is a tablet in kiosk mode',
  'provision.show': 'Show the QR code',
  'provision.hide': 'Hide the QR code',
  'provision.qrAlt': 'QR code of the setup link',
  'provision.warning': 'Warning: the QR code carries the Qtickets API token. Whoever photographs it gets access to the tickets of your events. Do not show it to strangers and hide it right after setting up.',
  'provision.https': 'On a phone the camera and offline mode need an HTTPS address. This address is {origin}.',
};
