// Adapts the typed Qtickets client to what delivery needs, deciding for each failure whether to
// try again later, stop for a person (token), skip a show (403) or send smaller (413). No HTTP
// status of the batch route is taken as a refusal of the records in it: only an answer that names
// a code and says why is (src/api/batch.ts). A wrong route answers 404 or 405 for every record alike.
import { technicalDetail, type ApiError, type QticketsClient } from '../api/index.ts';
import type { ShowId } from '../domain/types.ts';
import type { DeliveryAnswer, DeliveryPort, DeliveryProblem, ReadBack } from './port.ts';

/** The status a person should see: Qtickets' own when the gateway had to wrap its answer. */
function statusOf(error: ApiError): number | undefined {
  if (error.kind === 'http') return error.upstreamStatus ?? error.status;
  return error.kind === 'bad_response' || error.kind === 'not_gateway' ? error.status : undefined;
}

function problemOf(error: ApiError): DeliveryProblem {
  switch (error.kind) {
    case 'network':
    case 'aborted':
      return 'network';
    case 'timeout':
      return 'timeout';
    case 'not_gateway':
    case 'bad_response':
      return 'answer';
    case 'http': {
      const status = error.upstreamStatus ?? error.status;
      return status === 429 ? 'rate' : status >= 500 ? 'server' : 'refused';
    }
  }
}

function failure(error: ApiError): Exclude<DeliveryAnswer, { ok: true }> {
  const message = technicalDetail(error);
  const status = statusOf(error);
  if (error.kind === 'http' && error.status === 401) return { ok: false, kind: 'auth', message, status: 401 };
  if (error.kind === 'http' && error.status === 403) return { ok: false, kind: 'forbidden', message, status: 403 };
  if (error.kind === 'http' && error.status === 413) return { ok: false, kind: 'too_large', message, status: 413 };
  return { ok: false, kind: 'retry', problem: problemOf(error), message, status, retryAfterMs: error.kind === 'http' ? error.retryAfterMs : undefined };
}

/**
 * A 404 that Qtickets itself wrote about the resource (a JSON error, as real traffic showed:
 * `{"error":"Resource \"…\" not found","code":"RESOURCE_NOT_FOUND"}`): the server does not know
 * this code, so it holds nothing. An HTML 404 page (a wrong route, a proxy) or the gateway's own
 * NOT_FOUND says nothing about the code and stays unknown.
 */
function saysResourceNotFound(error: Extract<ApiError, { kind: 'http' }>): boolean {
  if (error.code === 'NOT_FOUND') return false;
  return error.code === 'RESOURCE_NOT_FOUND' || /not found|не найден/i.test(error.message);
}

export function apiDeliveryPort(api: QticketsClient, token: () => Promise<string | undefined>): DeliveryPort {
  return {
    async postCheckIns(showId: ShowId, items) {
      const t = await token();
      if (!t) return { ok: false, kind: 'auth', message: 'no API token on this device', status: 401 };
      const result = await api.postCheckIns(t, showId, items);
      return result.ok ? { ok: true, outcome: result.value } : failure(result.error);
    },
    async readBack(showId: ShowId, code: string): Promise<ReadBack> {
      const t = await token();
      if (!t) return { kind: 'auth', message: 'no API token on this device', status: 401 };
      const result = await api.getBarcodeStatus(t, showId, code);
      if (result.ok) {
        // An answer about another code proves nothing about this one.
        if (result.value.barcode !== code) return { kind: 'unknown', message: `the server answered about ${result.value.barcode}` };
        return result.value.checkedAt === null ? { kind: 'absent' } : { kind: 'held', checkedAt: result.value.checkedAt };
      }
      const error = result.error;
      if (error.kind === 'http' && error.status === 401) return { kind: 'auth', message: technicalDetail(error), status: 401 };
      if (error.kind === 'http' && error.status === 404 && saysResourceNotFound(error)) return { kind: 'absent' };
      return { kind: 'unknown', message: technicalDetail(error) };
    },
  };
}
