// A failed call, in the person's language: our words first, the HTTP status, and the server's own
// words only as a short quoted detail.
import type { ApiError } from '../../state/errors.ts';
import type { I18n } from '../i18n/context.tsx';

const MAX_SERVER_TEXT = 160;

/** The server's own words, when it gave any, shortened so a toast stays a toast. */
function serverText(error: { status: number; message: string }): string {
  const text = error.message.trim();
  if (text === '' || text === `HTTP ${error.status}`) return '';
  return `: ${text.length > MAX_SERVER_TEXT ? `${text.slice(0, MAX_SERVER_TEXT - 1)}…` : text}`;
}

export function describeApiError(t: I18n['t'], error: ApiError): string {
  switch (error.kind) {
    case 'network':
      return t('apiError.network');
    case 'timeout':
      return t('apiError.timeout');
    case 'aborted':
      return t('apiError.aborted');
    case 'not_gateway':
      return t('apiError.notGateway', { status: error.status });
    case 'bad_response':
      return t('apiError.badResponse', { status: error.status });
  }
  const status = error.upstreamStatus ?? error.status;
  const said = serverText(error);
  switch (status) {
    case 401:
      return t('apiError.unauthorized', { status });
    case 403:
      return t('apiError.forbidden', { status });
    case 404:
      return t('apiError.notFound', { status, said });
    case 408:
      return t('apiError.timeout');
    case 413:
      return t('apiError.tooLarge', { status });
    case 429:
      return t('apiError.tooMany', { status });
    case 502:
      return t('apiError.upstreamDown', { status });
    case 504:
      return t('apiError.upstreamSlow', { status });
  }
  return status >= 500 ? t('apiError.serverError', { status, said }) : t('apiError.refused', { status, said });
}

/** A failure of one show's call, naming the show by its title. */
export const describeShowError = (t: I18n['t'], show: string, error: ApiError): string =>
  show ? t('apiError.inShow', { show, error: describeApiError(t, error) }) : describeApiError(t, error);
