// Starts the embedded demo Qtickets on 127.0.0.1 (a real HTTP server on a free port), so the
// gateway talks to it exactly as it talks to qtickets.ru.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoApi } from './api.ts';
import { DEFAULT_FESTIVAL_SHOWS, DEFAULT_FIRST_SHOW_TICKETS, FIRST_SHOW_ID, type FestivalOptions } from './catalog.ts';
import { DemoState } from './state.ts';

/** Public by design: printed on the console and in the README so anyone can try the demo. */
export const DEFAULT_DEMO_TOKEN = 'demo-kontrol-token';

export interface DemoHandle {
  /** API base for the gateway, e.g. http://127.0.0.1:41234/api/rest/v1 */
  upstream: string;
  token: string;
  state: DemoState;
  firstShowId: number;
  close(): Promise<void>;
}

export interface DemoOptions {
  token?: string;
  /** Size of show 1001 (DEMO_TICKETS); the other shows keep their fixed sizes. */
  firstShowTickets?: number;
  /** The "today" that show dates are relative to. */
  now?: Date;
  /**
   * DEMO_FESTIVAL_TICKETS (and DEMO_FESTIVAL_SHOWS, default 5): one more event whose shows, all
   * open now, share that many tickets; absent, the demo sells exactly what it always did.
   */
  festival?: FestivalOptions;
}

/** Enough for the bench's scaling curve (1,000,000 tickets on one device) with room above. */
const MAX_FESTIVAL_TICKETS = 2_000_000;
const MAX_FESTIVAL_SHOWS = 50;

export function demoOptionsFromEnv(env: NodeJS.ProcessEnv): DemoOptions {
  const tickets = Number(env.DEMO_TICKETS);
  const festivalTickets = Number(env.DEMO_FESTIVAL_TICKETS);
  const festivalShows = Number(env.DEMO_FESTIVAL_SHOWS || DEFAULT_FESTIVAL_SHOWS);
  return {
    token: env.DEMO_TOKEN || DEFAULT_DEMO_TOKEN,
    firstShowTickets: Number.isFinite(tickets) && tickets > 0 ? tickets : undefined,
    ...(Number.isFinite(festivalTickets) && festivalTickets > 0
      ? { festival: { tickets: festivalTickets, shows: Number.isFinite(festivalShows) ? festivalShows : DEFAULT_FESTIVAL_SHOWS } }
      : {}),
  };
}

/** At least one show and at least as many tickets per show as the special codes need. */
function festivalWithin(festival: FestivalOptions | undefined): FestivalOptions | undefined {
  if (!festival) return undefined;
  const shows = Math.max(1, Math.min(MAX_FESTIVAL_SHOWS, Math.floor(festival.shows)));
  return { shows, tickets: Math.max(30 * shows, Math.min(MAX_FESTIVAL_TICKETS, Math.floor(festival.tickets))) };
}

export async function startDemoQtickets(options: DemoOptions = {}): Promise<DemoHandle> {
  const token = options.token || DEFAULT_DEMO_TOKEN;
  // At least enough tickets for the printed page and its special codes.
  const firstShowTickets = Math.max(30, Math.min(1_000_000, Math.floor(options.firstShowTickets ?? DEFAULT_FIRST_SHOW_TICKETS)));
  const festival = festivalWithin(options.festival);
  const state = new DemoState({ now: options.now ?? new Date(), firstShowTickets, ...(festival ? { festival } : {}) });
  const server = http.createServer(createDemoApi(state, token));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    upstream: `http://127.0.0.1:${port}/api/rest/v1`,
    token,
    state,
    firstShowId: FIRST_SHOW_ID,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Requests held open by the "timeout" fault would keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
