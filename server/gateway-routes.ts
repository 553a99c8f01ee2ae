// The calls the gateway forwards: exactly the ones the app makes (src/api/qtickets.ts), nothing
// else. The organiser's token can do far more at Qtickets (orders, clients, refunds, any PUT or
// DELETE); a page that got to run on our origin must not be able to do any of that through us.
import { GATEWAY_PREFIX, parseGatewayPath } from './gateway-path.ts';

/** Qtickets ids are integers (ShowId is a number in the app). */
const ID = /^[0-9]{1,18}$/;
/** A barcode as the client sends it; parseGatewayPath already allowed only unreserved characters. */
const ANY_SEGMENT = /^.+$/;

interface Route {
  segments: readonly (string | RegExp)[];
  methods: readonly string[];
}

export const ROUTES: readonly Route[] = [
  // listEventsPage / checkToken
  { segments: ['events'], methods: ['GET'] },
  // getShowBarcodes (the list) and postCheckIns (the batch check-in)
  { segments: ['shows', ID, 'barcodes'], methods: ['GET', 'POST'] },
  // getBarcodeStatus, and the document's single check-in
  { segments: ['shows', ID, 'barcode', ANY_SEGMENT], methods: ['GET', 'POST'] },
];

export type RouteCheck =
  | { ok: true; remainder: string }
  | { ok: false; status: 400 | 404; reason: string }
  | { ok: false; status: 405; reason: string; allow: readonly string[] };

/** Decides from the raw path (no query) and the method alone whether a request may go upstream. */
export function checkRoute(rawPath: string, method: string): RouteCheck {
  if (!rawPath.startsWith(GATEWAY_PREFIX)) return { ok: false, status: 404, reason: 'Only /api/rest/v1/ is forwarded' };
  const parsed = parseGatewayPath(rawPath);
  if (!parsed.ok) return { ok: false, status: 400, reason: parsed.reason };
  const segments = parsed.remainder.split('/');
  const route = ROUTES.find((r) => matches(r.segments, segments));
  if (!route) return { ok: false, status: 404, reason: 'Kontrol does not forward this API path' };
  if (!route.methods.includes(method)) {
    return { ok: false, status: 405, reason: `Method ${method} is not allowed here`, allow: route.methods };
  }
  return { ok: true, remainder: parsed.remainder };
}

function matches(pattern: Route['segments'], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((p, i) => {
    const segment = segments[i] ?? '';
    return typeof p === 'string' ? p === segment : p.test(segment);
  });
}
