// Demo-only routes on the main app server (/demo/*): the printable tickets page, a view of what
// the demo received, and switches for refunds, injected faults and what a repeated check-in keeps.
// End-to-end tests drive the demo through these; they exist only when the server runs in demo mode.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_SECURITY_HEADERS, pathOf, queryOf, readBody, sendJson, sendText } from '../http-util.ts';
import type { DemoHandle } from './index.ts';
import { CHECK_IN_POLICIES, FAULT_MODES, type CheckInPolicy, type FaultMode, type FaultScope } from './state.ts';
import { renderTicketsPage } from './tickets-page.ts';

const CONTROL_BODY_LIMIT = 64 * 1024;

export interface DemoRouteHooks {
  /** After the demo's state is reset: the app server forgets the demo organiser's venue hub too. */
  onReset?: () => Promise<void>;
}

export function createDemoRoutes(demo: DemoHandle, hooks: DemoRouteHooks = {}) {
  const pages = new Map<number, Promise<string | null>>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url);
    const method = req.method ?? 'GET';
    const showParam = queryOf(req.url).get('show');
    const showId = showParam === null ? null : Number(showParam);

    if (method === 'GET' || method === 'HEAD') {
      switch (path) {
        case '/demo':
        case '/demo/':
          res.writeHead(302, { ...APP_SECURITY_HEADERS, Location: '/demo/tickets' });
          res.end();
          return;
        case '/demo/tickets':
          return ticketsPage(res, showId ?? demo.firstShowId);
        case '/demo/state/checkins':
          return sendJson(
            res,
            200,
            demo.state.receivedCheckIns(showId ?? undefined).map(({ barcode, checked_at, via, received_at, accepted, showId: show }) => ({
              barcode,
              checked_at,
              via,
              received_at,
              accepted,
              showId: show,
            })),
          );
        case '/demo/state/barcodes': {
          const listed = showId === null ? null : demo.state.listed(showId);
          if (!listed) return sendJson(res, 404, { error: 'Unknown show' });
          return sendJson(res, 200, listed.map((t) => t.barcode));
        }
      }
    }
    if (method === 'POST' && path.startsWith('/demo/control/')) {
      const body = await readControlBody(req);
      if (body === undefined) return sendJson(res, 400, { error: 'Body must be JSON' });
      switch (path) {
        case '/demo/control/refund':
          return refund(res, body);
        case '/demo/control/sell':
          return sell(res, body);
        case '/demo/control/fault':
          return fault(res, body);
        case '/demo/control/checkin-policy':
          return checkInPolicy(res, body);
        case '/demo/control/reset':
          demo.state.reset();
          pages.clear(); // sold tickets are gone from the printed pages too
          await hooks.onReset?.();
          return sendJson(res, 200, { success: true });
      }
    }
    sendText(res, 404, 'Not found');
  }

  async function ticketsPage(res: ServerResponse, showId: number): Promise<void> {
    let page = pages.get(showId);
    if (!page) {
      page = renderTicketsPage(demo.state, showId);
      pages.set(showId, page);
    }
    const html = Number.isInteger(showId) ? await page : null;
    if (html === null) {
      pages.delete(showId);
      return sendText(res, 404, 'Unknown show');
    }
    res.writeHead(200, {
      ...APP_SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(html)),
      'Cache-Control': 'no-cache',
    });
    res.end(res.req.method === 'HEAD' ? undefined : html);
  }

  function refund(res: ServerResponse, body: unknown): void {
    const { showId, barcode } = (body ?? {}) as { showId?: unknown; barcode?: unknown };
    if (typeof showId !== 'number' || typeof barcode !== 'string') {
      return sendJson(res, 400, { error: 'Expected {showId: number, barcode: string}' });
    }
    if (!demo.state.refund(showId, barcode)) return sendJson(res, 404, { error: 'No such listed ticket' });
    sendJson(res, 200, { success: true });
  }

  /** A ticket sold after the door's last pull: its code, for the late-sales check. */
  function sell(res: ServerResponse, body: unknown): void {
    const { showId } = (body ?? {}) as { showId?: unknown };
    if (typeof showId !== 'number') return sendJson(res, 400, { error: 'Expected {showId: number}' });
    const ticket = demo.state.sell(showId);
    if (!ticket) return sendJson(res, 404, { error: 'Unknown show' });
    pages.delete(showId); // the printed page lists the sale among the tickets once it is fetched again
    sendJson(res, 200, { barcode: ticket.barcode });
  }

  function fault(res: ServerResponse, body: unknown): void {
    const { mode, count, paths = 'all' } = (body ?? {}) as { mode?: unknown; count?: unknown; paths?: unknown };
    if (typeof mode !== 'string' || !FAULT_MODES.includes(mode as FaultMode)) {
      return sendJson(res, 400, { error: `mode must be one of ${FAULT_MODES.join(', ')}` });
    }
    if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1)) {
      return sendJson(res, 400, { error: 'count must be a positive integer' });
    }
    if (paths !== 'all' && paths !== 'barcodes-post') {
      return sendJson(res, 400, { error: 'paths must be "all" or "barcodes-post"' });
    }
    const next = { mode: mode as FaultMode, remaining: count ?? null, paths: paths as FaultScope };
    demo.state.setFault(next);
    sendJson(res, 200, next);
  }

  /** What the demo keeps when a checked barcode is checked in again (reset restores the default). */
  function checkInPolicy(res: ServerResponse, body: unknown): void {
    const { policy } = (body ?? {}) as { policy?: unknown };
    if (typeof policy !== 'string' || !CHECK_IN_POLICIES.includes(policy as CheckInPolicy)) {
      return sendJson(res, 400, { error: `policy must be one of ${CHECK_IN_POLICIES.join(', ')}` });
    }
    demo.state.setCheckInPolicy(policy as CheckInPolicy);
    sendJson(res, 200, { policy });
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Internal error');
    });
  };
}

/** The parsed JSON body; null for an empty body; undefined when it is not JSON. */
async function readControlBody(req: IncomingMessage): Promise<unknown> {
  try {
    const text = (await readBody(req, CONTROL_BODY_LIMIT)).toString('utf8').trim();
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
