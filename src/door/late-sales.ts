// Late sales: a code on no stored list may be a ticket sold since the last pull. When the device
// is online, the door asks Qtickets about it for every show it admits, all at once and for at most
// LATE_LOOKUP_MS; a ticket the server holds is then decided like a listed one (and recorded), and
// the lists are pulled again in the background so the next such ticket is on them. The verdict
// "unknown" is already on screen meanwhile: this is a follow-up that replaces it, never a wait.
import { isNotFound, type QticketsClient } from '../api/index.ts';
import type { KontrolDb } from '../db/database.ts';
import { recordScan, type ScanOutcome } from '../db/scan.ts';
import { scanContext } from '../db/scan-context.ts';
import { getToken } from '../db/settings.ts';
import { candidateCodes } from '../domain/code.ts';
import { admittingShows } from '../domain/door-day.ts';
import { settleLateLookup, type LateAnswer } from '../domain/late-sale.ts';
import type { InputSource, Ticket, Verdict } from '../domain/types.ts';

/** How long the door waits for Qtickets before it leaves the verdict at "not found". */
export const LATE_LOOKUP_MS = 1500;

export interface LateSalesParts {
  db: KontrolDb;
  api: QticketsClient;
  deviceId: () => Promise<string>;
  timeoutMs?: number;
  now?: () => Date;
  /** Aborted when the next scan comes: the panel has moved on, so nothing is recorded for this one. */
  superseded?: AbortSignal;
}

export interface LateQuestion {
  code: string;
  source: InputSource;
  /** The log line of the scan, logged as unknown: the final verdict rewrites it. */
  scanId: string;
  /** The unknown verdict on screen now, for the answers that leave it unknown. */
  unknown: Extract<Verdict, { kind: 'unknown' }>;
}

/** A ticket the server holds but no list of ours has yet: what the batch list would tell is unknown until the pull. */
function serverTicket(showId: number, code: string): Ticket {
  return {
    showId, code, revoked: 0, admission: false, price: null, seatName: null, zoneName: null, row: null, place: null,
    clientName: null, clientSurname: null, clientMiddlename: null,
  };
}

/**
 * Asks Qtickets about a code no list holds and records what it says. Resolves to the verdict that
 * replaces "unknown" on screen (and the outcome of recording it, when the server held the ticket).
 */
export async function askAboutLateTicket(parts: LateSalesParts, question: LateQuestion): Promise<{ verdict: Verdict; recorded?: ScanOutcome }> {
  const { db, api } = parts;
  const { unknown } = question;
  const token = await getToken(db);
  if (!token) return { verdict: { ...unknown, server: 'unreachable' } };
  const now = (parts.now ?? (() => new Date()))();
  const { shows } = await scanContext(db);
  const showIds = [...admittingShows(shows, now)];
  const codes = candidateCodes(question.code);
  // One signal for the time limit and the next scan (by hand: AbortSignal.any is too new for older phones).
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), parts.timeoutMs ?? LATE_LOOKUP_MS);
  parts.superseded?.addEventListener('abort', () => stop.abort(), { once: true });
  const signal = stop.signal;
  const answers = await Promise.all(
    showIds.flatMap((showId) =>
      codes.map(async (code): Promise<LateAnswer> => {
        const res = await api.getBarcodeStatus(token, showId, code, { signal });
        if (res.ok) return { showId, code, state: 'held', checkedAt: res.value.checkedAt };
        return { showId, code, state: isNotFound(res.error) ? 'absent' : 'failed' };
      }),
    ),
  ).finally(() => clearTimeout(timer));
  const finding = settleLateLookup(answers);
  if (!finding.found) return { verdict: { ...unknown, server: finding.server } };
  // The guest was never shown this answer (another ticket is on the panel): admitting them in the
  // records would make their next scan "already used". They are asked about again when rescanned.
  if (parts.superseded?.aborted) return { verdict: { ...unknown, server: 'unreachable' } };
  const recorded = await recordScan(db, {
    raw: question.code,
    source: question.source,
    deviceId: await parts.deviceId(),
    ...(parts.now ? { now: parts.now } : {}),
    late: { ticket: serverTicket(finding.showId, finding.code), serverCheckedAt: finding.checkedAt, scanId: question.scanId },
  });
  return recorded.ok ? { verdict: recorded.verdict, recorded } : { verdict: { ...unknown, server: 'unreachable' } };
}
