// Words for delivery to Qtickets: what waits, what failed and what to check, what was refused.
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'delivery.awaiting': 'ждут подтверждения сервера: {count}',
  'delivery.refusing': 'Qtickets не принимает отметки (HTTP {status})',
  'delivery.failing': 'Отметки не удаётся отправить: {problem}',
  'delivery.problem.network': 'нет связи с сервером',
  'delivery.problem.timeout': 'сервер не отвечает вовремя',
  'delivery.problem.server': 'ошибка на сервере Qtickets',
  'delivery.problem.rate': 'сервер просит подождать',
  'delivery.problem.answer': 'сервер отвечает, но не подтверждает отметки',
  'delivery.problem.refused': 'сервер отказывает',
  'delivery.problem.no_token': 'на устройстве нет токена',
  'delivery.check':
    'Отметки сохранены на этом устройстве, повторяем отправку автоматически. Проверьте: токен и его доступ к этому мероприятию, адрес сервера Qtickets у шлюза, сеть.',
  'delivery.detail': 'Ответ сервера: «{message}»',
  'rejected.alert': 'Сервер отклонил {checkins}. Разберите их в списке «Отклонено сервером».',
  'rejected.reason': 'причина: «{reason}»',
  'rejected.resend': 'Отправить снова',
  'rejected.dismiss': 'Снять',
  'rejected.dismissLabel': 'Почему снять эту отметку',
  'rejected.dismissConfirm': 'Снять с учёта',
  'rejected.dismissNeedsReason': 'Напишите причину: она останется в записи устройства',
  'rejected.show': 'Показать',
  'heldPull.title': 'Qtickets прислал {received} для «{show}», а в списке {listed}',
  'heldPull.explain':
    'Похоже на сбой сервера, а не на массовый возврат: прежний список оставлен и продолжает работать. Проверьте мероприятие в Qtickets. Если его действительно отменили, примите новый список.',
  'heldPull.keep': 'Оставить прежний список',
  'heldPull.accept': 'Принять новый список',
  'heldPull.failed': 'Не удалось загрузить список: нет связи с сервером. Прежний список работает.',
} as const;

export const en: Messages<typeof ru> = {
  'delivery.awaiting': 'awaiting server confirmation: {count}',
  'delivery.refusing': 'Qtickets refuses delivery (HTTP {status})',
  'delivery.failing': 'Check-ins cannot be delivered: {problem}',
  'delivery.problem.network': 'no connection to the server',
  'delivery.problem.timeout': 'the server does not answer in time',
  'delivery.problem.server': 'an error on the Qtickets server',
  'delivery.problem.rate': 'the server asks us to wait',
  'delivery.problem.answer': 'the server answers but does not confirm the check-ins',
  'delivery.problem.refused': 'the server refuses',
  'delivery.problem.no_token': 'no token on this device',
  'delivery.check':
    'Check-ins are kept on this device and sent again automatically. Check: the token and its access to this event, the Qtickets address the gateway uses, the network.',
  'delivery.detail': 'Server said: “{message}”',
  'rejected.alert': 'The server rejected {checkins}. Settle them in the “Rejected by the server” list.',
  'rejected.reason': 'reason: “{reason}”',
  'rejected.resend': 'Send again',
  'rejected.dismiss': 'Dismiss',
  'rejected.dismissLabel': 'Why dismiss this check-in',
  'rejected.dismissConfirm': 'Dismiss it',
  'rejected.dismissNeedsReason': 'Write a reason: it stays in the device record',
  'rejected.show': 'Show',
  'heldPull.title': 'Qtickets sent {received} for “{show}”, the list holds {listed}',
  'heldPull.explain':
    'This looks like a server fault, not a mass refund: the previous list is kept and still in use. Check the event in Qtickets. If it really was cancelled, accept the new list.',
  'heldPull.keep': 'Keep the previous list',
  'heldPull.accept': 'Accept the new list',
  'heldPull.failed': 'The list could not be downloaded: no connection to the server. The previous list is still in use.',
};
