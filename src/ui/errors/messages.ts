// How a failed call to the server is said to a person. src/api returns the failure as data
// (ApiError); its wording lives here, with the screens.
import type { Messages } from '../i18n/messages.ts';

export const ru = {
  'apiError.network': 'Нет связи с сервером',
  'apiError.timeout': 'Сервер не ответил вовремя',
  'apiError.aborted': 'Запрос отменён',
  'apiError.notGateway': 'Сеть требует входа (страница Wi-Fi?) (HTTP {status})',
  'apiError.badResponse': 'Сервер прислал непонятный ответ (HTTP {status})',
  'apiError.unauthorized': 'Сервер отказал: неверный токен API (HTTP {status})',
  'apiError.forbidden': 'Сервер отказал: у токена API нет доступа (HTTP {status})',
  'apiError.notFound': 'Не найдено на сервере{said} (HTTP {status})',
  'apiError.tooLarge': 'Запрос слишком большой (HTTP {status})',
  'apiError.tooMany': 'Слишком много запросов, повторим позже (HTTP {status})',
  'apiError.refused': 'Сервер отказал{said} (HTTP {status})',
  'apiError.upstreamDown': 'Сервер Qtickets недоступен (HTTP {status})',
  'apiError.upstreamSlow': 'Сервер Qtickets не ответил вовремя (HTTP {status})',
  'apiError.serverError': 'Ошибка на сервере{said} (HTTP {status})',
  'apiError.inShow': '«{show}»: {error}',
} as const;

export const en: Messages<typeof ru> = {
  'apiError.network': 'No connection to the server',
  'apiError.timeout': 'The server did not answer in time',
  'apiError.aborted': 'Request cancelled',
  'apiError.notGateway': 'The network wants a sign-in (Wi-Fi page?) (HTTP {status})',
  'apiError.badResponse': 'The server sent an answer we cannot read (HTTP {status})',
  'apiError.unauthorized': 'Server refused: wrong API token (HTTP {status})',
  'apiError.forbidden': 'Server refused: the API token has no access (HTTP {status})',
  'apiError.notFound': 'Not found on the server{said} (HTTP {status})',
  'apiError.tooLarge': 'The request is too large (HTTP {status})',
  'apiError.tooMany': 'Too many requests, will retry later (HTTP {status})',
  'apiError.refused': 'Server refused{said} (HTTP {status})',
  'apiError.upstreamDown': 'Qtickets server is unreachable (HTTP {status})',
  'apiError.upstreamSlow': 'Qtickets server did not answer in time (HTTP {status})',
  'apiError.serverError': 'Server error{said} (HTTP {status})',
  'apiError.inShow': '“{show}”: {error}',
};
