// Adapts the typed Qtickets client to what delivery needs, deciding for each failure whether to
// try again later, stop for a person (token), or treat the batch itself as refused.
import { describeError, isAuthError, isRetryable, type ApiError, type QticketsClient } from '../api/index.ts';
import type { ShowId } from '../domain/types.ts';
import type { DeliveryAnswer, DeliveryPort } from './port.ts';

function failure(error: ApiError): Exclude<DeliveryAnswer, { ok: true }> {
  const message = describeError(error, 'en');
  const status = error.kind === 'http' || error.kind === 'bad_response' || error.kind === 'not_gateway' ? error.status : undefined;
  if (isAuthError(error) && status !== undefined) return { ok: false, kind: 'auth', message, status };
  if (isRetryable(error)) {
    return { ok: false, kind: 'retry', message, status, retryAfterMs: error.kind === 'http' ? error.retryAfterMs : undefined };
  }
  // 404 for the show itself means every record of the batch would fail alike: halving will
  // isolate them one by one into the rejected list, which is where a person should look.
  return { ok: false, kind: 'refused', message, status };
}

export function apiDeliveryPort(api: QticketsClient, token: () => Promise<string | undefined>): DeliveryPort {
  return {
    async postCheckIns(showId: ShowId, items) {
      const t = await token();
      if (!t) return { ok: false, kind: 'auth', message: 'no API token on this device', status: 401 };
      const result = await api.postCheckIns(t, showId, items);
      if (!result.ok) return failure(result.error);
      const outcome = result.value;
      if (outcome.batchRefused !== undefined) return { ok: false, kind: 'refused', message: outcome.batchRefused };
      return { ok: true, rejected: outcome.rejected };
    },
  };
}
