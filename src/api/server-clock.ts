// How far this device's clock is from the server's, from the `Date` header of a tiny same-origin
// request. Check-ins carry the device's time, so a phone set an hour wrong would report
// admissions an hour off. Until the sync layer records the server's Date on its own calls, this
// probe is the health screen's source.
// It lives in src/api because src/api is the one place that talks to the network.
//
// A HEAD request: the service worker routes only GET, so this always reaches the network and
// never answers with a cached, stale Date.

export interface ClockReading {
  /** serverTime − deviceTime, in ms (positive: the device is behind). */
  offsetMs: number;
  /** Round trip of the probe; the reading is good to about half of it plus the header's 1 s. */
  roundTripMs: number;
  at: number;
}

export async function probeServerClock(
  fetcher: typeof fetch = fetch,
  now: () => number = Date.now,
  url = `/?clock-probe=${Date.now()}`,
): Promise<ClockReading | null> {
  try {
    const sent = now();
    const response = await fetcher(url, { method: 'HEAD', cache: 'no-store', credentials: 'omit' });
    const received = now();
    return clockFromDateHeader(response.headers.get('Date'), sent, received);
  } catch {
    return null;
  }
}

/** The header has whole seconds: its true moment is on average half a second later. */
export function clockFromDateHeader(header: string | null, sent: number, received: number): ClockReading | null {
  if (!header) return null;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return null;
  const midpoint = (sent + received) / 2;
  return { offsetMs: Math.round(server + 500 - midpoint), roundTripMs: received - sent, at: received };
}

/** Beyond this, device health warns: check-in times would be visibly wrong. */
export const CLOCK_WARN_MS = 2 * 60 * 1000;
