// A supervisor's decisions on a scan already logged: admitting a denied ticket anyway, and a note.
// An override Qtickets can take is an admission like a scan's — admission, outbox record and the
// scan's log line in ONE strict transaction, before the verdict that says so — so it is queued,
// delivered and undone like any other. One that Qtickets cannot take stays on this device, marked
// so on its line (domain/supervisor.ts says which and why).
import { candidateCodes } from '../domain/code.ts';
import { cleanWords, isOverridable, overrideDelivery, type OverrideMark, type OverrideReason } from '../domain/supervisor.ts';
import { formatLocalIso } from '../domain/time.ts';
import type { Verdict } from '../domain/types.ts';
import { writeAdmission } from './admission-write.ts';
import type { KontrolDb } from './database.ts';
import { scanContext } from './scan-context.ts';
import { allLists, ticketOf } from './ticket-index.ts';

export interface OverrideRequest {
  /** The denied scan's log line. */
  scanId: string;
  reason: OverrideReason;
  text?: string;
  deviceId: string;
  now?: () => Date;
  newId?: () => string;
}

export type OverrideOutcome =
  | { ok: true; verdict: Extract<Verdict, { kind: 'valid'; recorded: true }> }
  /** `not_denied`: the line was an admission, or a denial with no ticket to admit (`unknown`). */
  | { ok: false; reason: 'not_found' | 'not_denied' | 'already_overridden' | 'not_listed' };

export async function overrideScan(db: KontrolDb, request: OverrideRequest): Promise<OverrideOutcome> {
  const now = request.now ?? (() => new Date());
  const newId = request.newId ?? (() => crypto.randomUUID());
  const line = await db.scans.get(request.scanId);
  if (!line) return { ok: false, reason: 'not_found' };
  if (!isOverridable(line.verdict) || line.showId === null) return { ok: false, reason: 'not_denied' };
  if (line.override) return { ok: false, reason: 'already_overridden' };
  const { showId, verdict: denied } = line;
  // The ticket as the list holds it now (an EAN-13 read matches its 12-digit code, as at the scan).
  const lists = await allLists(db);
  const ticket = candidateCodes(line.code).map((c) => ticketOf(lists, showId, c)).find((t) => t !== null);
  if (!ticket) return { ok: false, reason: 'not_listed' };
  const { correction } = await scanContext(db);
  const at = now();
  const checkedAt = formatLocalIso(correction === 0 ? at : new Date(at.getTime() + correction));
  const text = request.text ? cleanWords(request.text) : '';

  return db.transaction('rw', [db.admissions, db.outbox, db.scans], async (): Promise<OverrideOutcome> => {
    // Read again inside the write: a second tap, or another tab, must not override twice.
    const fresh = await db.scans.get(line.id);
    if (!fresh || fresh.override) return { ok: false, reason: fresh ? 'already_overridden' : 'not_found' };
    const admitted = (await db.admissions.get([ticket.showId, ticket.code])) !== undefined;
    const delivery = overrideDelivery({ revoked: ticket.revoked === 1, admitted });
    const override: OverrideMark = { denied: denied as OverrideMark['denied'], reason: request.reason, ...(text ? { text } : {}), at: at.getTime(), delivery };
    if (delivery === 'local') {
      await db.scans.update(line.id, { override });
    } else {
      await writeAdmission(db, { ticket, checkedAt, deviceId: request.deviceId, queuedAt: at.getTime(), checkInId: newId() }, (checkInId) =>
        db.scans.update(line.id, { override, checkInId, checkedAt, verified: 0 }),
      );
    }
    return { ok: true, verdict: { kind: 'valid', code: line.code, ticket, checkedAt, recorded: true, override } };
  });
}

/** Sets (or, with blank words, clears) the note on a scan's line; false when there is no such line. */
export async function noteScan(db: KontrolDb, scanId: string, raw: string): Promise<boolean> {
  const note = cleanWords(raw);
  return db.transaction('rw', db.scans, async () => {
    const line = await db.scans.get(scanId);
    if (!line) return false;
    if (note) await db.scans.update(scanId, { note });
    else {
      delete line.note;
      await db.scans.put(line);
    }
    return true;
  });
}
