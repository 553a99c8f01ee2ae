// Double entries found by asking the server about our own admissions, kept for the supervisor,
// and the watch over admissions that looked clean (see src/domain/conflicts.ts for why a clean
// look is not the end).
//
// Invariants:
// - An admission is watched while its scan line has `verified: 0`; it leaves the watch
//   (`verified: 1`) in the same transaction that stores its conflict, or when its watch is over.
//   So a check that ran twice (after the scan and again after delivery, or in two tabs) never
//   reports one double entry twice.
// - How often a watched admission was looked at since delivery is a small row per admission in
//   `settings` (`double-entry-watch:<scan id>`), so the schedule survives a reload without
//   asking the server about the whole night again. Rows of admissions no longer watched are
//   dropped by `settleAdmissions`.
import Dexie from 'dexie';
import { nextCheckAt, type WatchMark } from '../domain/conflicts.ts';
import type { Conflict, ScanRecord } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

export const listConflicts = (db: KontrolDb): Promise<Conflict[]> => db.conflicts.orderBy('foundAt').reverse().toArray();

export const unseenConflicts = (db: KontrolDb): Promise<Conflict[]> =>
  db.conflicts.where('seen').equals(0).sortBy('foundAt').then((list) => list.reverse());

export async function markConflictsSeen(db: KontrolDb, ids: string[]): Promise<void> {
  await db.transaction('rw', db.conflicts, async () => {
    for (const id of ids) await db.conflicts.update(id, { seen: 1 });
  });
}

const WATCH_PREFIX = 'double-entry-watch:';
const watchKey = (scanId: string) => `${WATCH_PREFIX}${scanId}`;

function asMark(value: unknown): WatchMark | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { checks, lastCheckAt } = value as Partial<WatchMark>;
  return typeof checks === 'number' && typeof lastCheckAt === 'number' ? { checks, lastCheckAt } : undefined;
}

/** Ends the watch over one admission: verified, and its conflict stored if one was found. */
export async function recordVerification(db: KontrolDb, scanId: string, conflict: Conflict | null): Promise<void> {
  await db.transaction('rw', db.scans, db.conflicts, db.settings, async () => {
    await db.scans.update(scanId, { verified: 1 });
    if (conflict) await db.conflicts.put(conflict);
    await db.settings.delete(watchKey(scanId));
  });
}

/** The server was asked about a delivered admission and showed no one else: keep watching. */
export async function recordCleanCheck(db: KontrolDb, scanId: string, mark: WatchMark): Promise<void> {
  await db.settings.put({ key: watchKey(scanId), value: mark });
}

export const watchMark = async (db: KontrolDb, scanId: string): Promise<WatchMark | undefined> =>
  asMark((await db.settings.get(watchKey(scanId)))?.value);

/**
 * Takes admissions out of the watch without a conflict (their watch is over, or they were undone)
 * and drops watch rows no watched admission owns any more.
 */
export async function settleAdmissions(db: KontrolDb, scanIds: readonly string[], strayMarks: readonly string[] = []): Promise<void> {
  if (scanIds.length === 0 && strayMarks.length === 0) return;
  await db.transaction('rw', db.scans, db.settings, async () => {
    for (const id of scanIds) await db.scans.update(id, { verified: 1 });
    await db.settings.bulkDelete([...scanIds.map(watchKey), ...strayMarks]);
  });
}

export interface WatchedAdmission {
  scan: ScanRecord;
  mark: WatchMark | undefined;
}

export interface CheckPlan {
  /** Delivered admissions to ask the server about now, the most overdue first. */
  due: WatchedAdmission[];
  /** When the next watched admission falls due (epoch ms), if any is waiting beyond `now`. */
  nextDueAt: number | null;
  /** More were due than `limit`: the caller should come back soon. */
  more: boolean;
  /** Scan ids to take out of the watch without asking: watch over, or undone. */
  settle: string[];
  /** Watch rows of admissions that are not watched any more (outside the horizon, or settled). */
  strayMarks: string[];
}

/** How many scan lines one plan reads at most: a long queue of undelivered ones must not make a sweep slow. */
const MAX_EXAMINED = 400;

/**
 * Which of our admissions since `since` to ask the server about now. Admissions still in the
 * outbox are left out: the server cannot know them yet, and their delivery starts a sweep.
 * Reads keys and the small watch rows first, and whole scan lines only for those due.
 */
export async function planChecks(db: KontrolDb, since: number, now: number, limit: number): Promise<CheckPlan> {
  return db.transaction('r', db.scans, db.outbox, db.settings, async () => {
    // Only admissions carry `verified: 0`, so this index holds exactly the ones watched.
    const ids = await db.scans.where('[verified+at]').between([0, since], [0, Dexie.maxKey]).primaryKeys();
    // Every watch row in one range read, not one read per watched admission: a sweep follows
    // each delivery, and the watch holds the last hours' admissions.
    const marks = new Map((await db.settings.where('key').startsWith(WATCH_PREFIX).toArray()).map((row) => [row.key, row.value]));
    const watched = new Set(ids.map(watchKey));
    const strayMarks = [...marks.keys()].filter((k) => !watched.has(k));

    const settle: string[] = [];
    const waiting: { id: string; mark: WatchMark | undefined; at: number }[] = [];
    ids.forEach((id) => {
      const mark = asMark(marks.get(watchKey(id)));
      const at = nextCheckAt(mark);
      if (at === null) settle.push(id);
      else waiting.push({ id, mark, at });
    });
    // Stable sort: among equals (never looked at since delivery) the index order, oldest first.
    waiting.sort((a, b) => a.at - b.at);

    const dueNow = waiting.filter((w) => w.at <= now);
    const nextDueAt = waiting.find((w) => w.at > now)?.at ?? null;
    const due: WatchedAdmission[] = [];
    let examined = 0;
    while (examined < dueNow.length && examined < MAX_EXAMINED && due.length < limit) {
      const chunk = dueNow.slice(examined, examined + limit);
      examined += chunk.length;
      const scans = await db.scans.bulkGet(chunk.map((w) => w.id));
      const queued = await db.outbox.bulkGet(scans.map((s) => s?.checkInId ?? ''));
      chunk.forEach((w, j) => {
        const scan = scans[j];
        if (!scan || scan.verdict !== 'valid' || !scan.checkInId || scan.undoneAt !== undefined) settle.push(w.id);
        else if (queued[j] === undefined) due.push({ scan, mark: w.mark });
      });
    }
    // Unread ones that are merely queued do not count: their delivery starts a sweep anyway.
    const more = due.length > limit || (due.length === limit && examined < dueNow.length);
    due.length = Math.min(due.length, limit);
    return { due, nextDueAt, more, settle, strayMarks };
  });
}

/**
 * Our admissions still watched (not settled), oldest first. Ones still in the outbox are left
 * out when `deliveredOnly`: the server cannot know them yet.
 */
export async function unverifiedAdmissions(db: KontrolDb, since: number, limit: number, deliveredOnly = true): Promise<ScanRecord[]> {
  return db.transaction('r', db.scans, db.outbox, async () => {
    const candidates = await db.scans
      .where('[verified+at]')
      .between([0, since], [0, Dexie.maxKey])
      .filter((s) => s.verdict === 'valid' && !!s.checkInId && !s.undoneAt)
      .toArray();
    if (!deliveredOnly) return candidates.slice(0, limit);
    const queued = await db.outbox.bulkGet(candidates.map((s) => s.checkInId ?? ''));
    return candidates.filter((_, i) => queued[i] === undefined).slice(0, limit);
  });
}

export const getScan = (db: KontrolDb, id: string): Promise<ScanRecord | undefined> => db.scans.get(id);

/** The log line of an admission just made (searched from the newest end: it is among the last). */
export async function findAdmissionScan(db: KontrolDb, showId: number, code: string, checkedAt: string): Promise<ScanRecord | undefined> {
  return db.scans
    .orderBy('at')
    .reverse()
    .filter((s) => s.verdict === 'valid' && s.showId === showId && s.code === code && s.checkedAt === checkedAt)
    .first();
}
