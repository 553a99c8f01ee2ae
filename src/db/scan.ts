import { candidateCodes, normaliseCode } from '../domain/code.ts';
import { formatLocalIso } from '../domain/time.ts';
import { decideExit } from '../domain/presence.ts';
import type { Admission, InputSource, Movement, ScanRecord, Ticket, Verdict } from '../domain/types.ts';
import { decide } from '../domain/verdict.ts';
import { writeAdmission } from './admission-write.ts';
import { isQuotaError, type KontrolDb } from './database.ts';
import { movementsOf } from './presence.ts';
import { scanContext } from './scan-context.ts';
import { currentLists, findTickets } from './ticket-index.ts';

export interface ScanInput {
  raw: string;
  source: InputSource;
  deviceId: string;
  now?: () => Date;
  newId?: () => string;
  /**
   * Correction (ms) to add to the device clock; by default the one stored by the clock watch,
   * which is non-zero only beyond the allowed skew. Check-ins get the corrected time, the log
   * keeps the device's own time as well.
   */
  clockOffsetMs?: number;
  /**
   * What Qtickets said of a code on no stored list (late sales): the ticket it holds, decided as
   * if it were listed, with the server's use of it if any. The scan's log line (`scanId`, logged
   * as unknown when it was first read) is rewritten with the final verdict: one scan, one line.
   */
  late?: { ticket: Ticket; serverCheckedAt: string | null; scanId: string };
}

/** `scanId`: the scan's log line (absent when even the log could not be written). */
/** `atExit`: decided at an exit door (nothing to ask the server about, nothing to deliver). */
export type ScanOutcome = { ok: true; verdict: Verdict; scanId?: string; atExit?: true } | { ok: false; reason: 'empty' };

/**
 * Decides and records one scan. An admission (ticket marked used + outbox record + log line) is
 * committed before this resolves, so the verdict shown is never ahead of what is stored. When the
 * write fails (disk full, private mode) the ticket is still valid, but the verdict says it was
 * NOT recorded so staff can note it by hand.
 */
export async function recordScan(db: KontrolDb, input: ScanInput): Promise<ScanOutcome> {
  const code = normaliseCode(input.raw);
  if (code === null) return { ok: false, reason: 'empty' };
  const now = input.now ?? (() => new Date());
  const newId = input.newId ?? (() => crypto.randomUUID());

  const candidates = candidateCodes(code);
  // Shows, zones and the clock correction come from memory (scan-context.ts) and the tickets
  // from the lists in memory (ticket-index.ts): the only IndexedDB work before the verdict is
  // the write transaction below, so a pull or a background write never makes a scan wait.
  const { shows, zones: entrance, correction, window, direction, reentryShows } = await scanContext(db);
  const late = input.late;
  const tickets = late ? [late.ticket] : findTickets(await currentLists(db, shows), candidates);
  // The server's own use of a late ticket counts like a stored one (and is stored below, so the
  // next scan knows it even before the list is pulled again).
  const serverAdmission: Admission | null =
    late && late.serverCheckedAt !== null ? { showId: late.ticket.showId, code: late.ticket.code, checkedAt: late.serverCheckedAt, source: 'server' } : null;
  const at = now();
  // The sync layer stores a correction only when the clock is off by more than the allowed skew.
  const offset = input.clockOffsetMs ?? correction;
  const stamped = offset === 0 ? at : new Date(at.getTime() + offset);
  const checkedAt = formatLocalIso(stamped);

  let decided: ReturnType<typeof decide> | undefined;
  const scanId = late?.scanId ?? newId();
  // A late decision rewrites the line the first read logged; a new scan adds its own.
  const writeLog = (line: ScanRecord) => (late ? db.scans.put(line) : db.scans.add(line));
  const log: ScanRecord = { id: scanId, at: at.getTime(), code, verdict: 'valid', showId: null, source: input.source };
  if (offset !== 0) log.clockOffsetMs = offset;
  if (direction === 'exit' && !late) {
    const verdict = await recordExit(db, { code, tickets, shows, reentryShows, checkedAt, log, movementId: newId() });
    return { ok: true, verdict, scanId, atExit: true };
  }
  try {
    const verdict = await db.transaction('rw', [db.admissions, db.outbox, db.scans, db.movements], async (): Promise<Verdict> => {
      // Admissions are read inside the write transaction: two scans of one code racing each
      // other (camera and wedge at once, two tabs) cannot both admit.
      const stored = (await db.admissions.bulkGet(tickets.map((t) => [t.showId, t.code]))).filter((a) => a !== undefined);
      const admissions = serverAdmission && stored.length === 0 ? [serverAdmission] : stored;
      // Only a ticket already admitted can have gone out: a first entry costs no extra read.
      const movements = stored.length > 0 ? await movementsOf(db, stored.map((a) => [a.showId, a.code])) : [];
      const decision = decide({ code, tickets, admissions, shows, entrance, now: stamped, window, movements, reentryShows });
      decided = decision;
      if (!decision.admit) {
        const v = decision.verdict;
        if (serverAdmission && stored.length === 0) await db.admissions.put(serverAdmission);
        await writeLog({ ...log, verdict: v.kind, showId: 'ticket' in v ? v.ticket.showId : null });
        return v;
      }
      const { ticket, warning } = decision;
      if (decision.reentry) {
        // Qtickets keeps the first check-in: a re-entry is the device's (and the hub's) fact only.
        const movement: Movement = { id: newId(), showId: ticket.showId, code: ticket.code, kind: 'reentry', at: checkedAt, source: 'this_device' };
        await Promise.all([db.movements.add(movement), writeLog({ ...log, verdict: 'reentry', showId: ticket.showId, checkedAt, movementId: movement.id })]);
        return { kind: 'reentry', code, ticket, at: checkedAt, leftAt: decision.reentry.leftAt, recorded: true };
      }
      await writeAdmission(db, { ticket, checkedAt, deviceId: input.deviceId, queuedAt: at.getTime(), checkInId: newId() }, (checkInId) =>
        writeLog({ ...log, showId: ticket.showId, checkInId, checkedAt, verified: 0, ...(warning ? { warning: warning.kind } : {}) }),
      );
      return { kind: 'valid', code, ticket, checkedAt, recorded: true, ...(warning ? { warning } : {}) };
    });
    return { ok: true, verdict, scanId };
  } catch (error) {
    if (!decided) throw error; // could not even read: the caller shows the error
    // A denial whose log line failed is still the right answer for the person at the door.
    if (!decided.admit) return { ok: true, verdict: decided.verdict };
    if (decided.reentry) return { ok: true, verdict: { kind: 'reentry', code, ticket: decided.ticket, at: checkedAt, leftAt: decided.reentry.leftAt, recorded: false } };
    const message = isQuotaError(error) ? 'quota' : error instanceof Error ? error.name : 'unknown';
    const { warning } = decided;
    return { ok: true, verdict: { kind: 'valid', code, ticket: decided.ticket, checkedAt, recorded: false, error: message, ...(warning ? { warning } : {}) } };
  }
}

interface ExitInput {
  code: string;
  tickets: Ticket[];
  shows: Parameters<typeof decideExit>[0]['shows'];
  reentryShows: readonly number[];
  checkedAt: string;
  log: ScanRecord;
  movementId: string;
}

/**
 * At an exit door: the exit and its log line in one strict transaction before the verdict, as
 * an admission. When the write fails the person is still leaving: the verdict says not recorded.
 */
async function recordExit(db: KontrolDb, { code, tickets, shows, reentryShows, checkedAt, log, movementId }: ExitInput): Promise<Verdict> {
  let decided: ReturnType<typeof decideExit> | undefined;
  try {
    return await db.transaction('rw', [db.admissions, db.scans, db.movements], async (): Promise<Verdict> => {
      const keys = tickets.map((t): [number, string] => [t.showId, t.code]);
      const [admissions, movements] = await Promise.all([db.admissions.bulkGet(keys), movementsOf(db, keys)]);
      const decision = decideExit({ code, tickets, admissions: admissions.filter((a) => a !== undefined), movements, shows, reentryShows: [...reentryShows] });
      decided = decision;
      if (!decision.exit) {
        const v = decision.verdict;
        await db.scans.add({ ...log, verdict: v.kind, showId: 'ticket' in v ? v.ticket.showId : null });
        return v;
      }
      const { ticket } = decision;
      const movement: Movement = { id: movementId, showId: ticket.showId, code: ticket.code, kind: 'exit', at: checkedAt, source: 'this_device' };
      await Promise.all([db.movements.add(movement), db.scans.add({ ...log, verdict: 'exit', showId: ticket.showId, checkedAt, movementId })]);
      return { kind: 'exit', code, ticket, at: checkedAt, reentry: decision.reentry, recorded: true };
    });
  } catch (error) {
    if (!decided) throw error;
    if (!decided.exit) return decided.verdict;
    return { kind: 'exit', code, ticket: decided.ticket, at: checkedAt, reentry: decided.reentry, recorded: false };
  }
}
