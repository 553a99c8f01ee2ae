// The one module that talks to IndexedDB (through Dexie).
//
// Invariants every repository below keeps:
// - An admission, its outbox record and its scan-log line are written in ONE transaction, before
//   the verdict is shown: a crash can lose neither half. An exit or a re-entry (`movements`) and
//   its log line likewise; they never enter the outbox (Qtickets has no exit).
// - A check-in leaves `outbox` only when the server accepted it (deleted) or refused it
//   (moved to `rejected` in the same transaction), or when a person undoes that admission before
//   delivery (history.ts: admission, outbox record and log mark in one transaction, holding the
//   delivery lock), or discards it by its exact count when signing out (signout.ts) or when
//   removing its show from the device (forget-show.ts, holding the delivery lock).
// - The barcode lists are the server's view, stored as `ticketPages` of one pull (`rev`) each; a
//   pull writes a new rev beside the old one and switches the show's `listRev` in one short
//   transaction, so a reader sees the old list or the new one, never half, and nothing a scan
//   reads is held for longer than that switch. `admissions` are this device's facts and are
//   never touched by a pull, so a refresh cannot un-admit anyone.
// - `ticketChanges` (refunds and sales Qtickets' webhooks told of, through the venue hub) sit
//   beside the pages, never in them; each one stored bumps its show's `amended` count in the same
//   transaction, and a pull's switch drops those heard before the pull asked (ticket-changes.ts).
import Dexie, { type DBCore, type EntityTable, type Middleware } from 'dexie';
import type { Admission, CheckIn, Conflict, Movement, RejectedCheckIn, ScanRecord, Show, ShowId, Ticket } from '../domain/types.ts';
import type { TicketAmendment } from './ticket-list.ts';
import { encodePages, moveTextToUnits, repackColumnArrayPage, type ColumnArrayPage, type PageKey, type TicketPage } from './ticket-pages.ts';

export interface Setting {
  key: string;
  value: unknown;
}

/** A show as stored: what the door knows of it, plus which pull's pages are its list. */
export interface StoredShow extends Show {
  /** The rev of the pages that make up the current list; absent before the first pull. */
  listRev?: string;
  /** Pages of that rev (checked before switching to it). */
  pages?: number;
  /** Listed (not revoked) tickets in it: the door's header reads this on every admission. */
  listed?: number;
  /**
   * Bumped whenever a ticket change heard from Qtickets (ticketChanges) is stored for this show:
   * the list in memory, in this tab or another, is amended again when it differs.
   */
  amended?: number;
}

/** A refund or sale Qtickets told of since the show's last pull (ticket-changes.ts). */
export interface TicketChange extends TicketAmendment {
  showId: ShowId;
  /** Epoch ms this device heard it: a pull asked after this moment holds it already. */
  learnedAt: number;
}

/**
 * Writes to the records of the door's own scans (admissions, the outbox, the scan log) wait for
 * the disk flush before they complete: Chromium commits `relaxed` by default since version 121,
 * so "complete" (and the verdict) could come while an admission still sat in the OS's buffers,
 * and a phone dying at the door would lose its last seconds of admissions. Everything else (the
 * lists, which the server can send again; settings) commits relaxed: strict page writes made
 * scans during a refresh slower (bench, interleaved: p95 64 vs 45 ms) for nothing a pull cannot
 * redo. The store's log is sequential, so a crash can lose only the latest relaxed writes, never
 * one from before a strict commit.
 */
const STRICT_STORES: ReadonlySet<string> = new Set(['admissions', 'outbox', 'scans', 'movements']);

const durabilityBySubject: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'durabilityBySubject',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(stores, mode, mode === 'readwrite' ? { ...options, durability: stores.some((s) => STRICT_STORES.has(s)) ? 'strict' : 'relaxed' } : options),
  }),
};

export class KontrolDb extends Dexie {
  shows!: EntityTable<StoredShow, 'id'>;
  ticketPages!: Dexie.Table<TicketPage, PageKey>;
  admissions!: Dexie.Table<Admission, [number, string]>;
  outbox!: EntityTable<CheckIn, 'id'>;
  rejected!: EntityTable<RejectedCheckIn, 'id'>;
  scans!: EntityTable<ScanRecord, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  conflicts!: EntityTable<Conflict, 'id'>;
  ticketChanges!: Dexie.Table<TicketChange, [number, string]>;
  movements!: EntityTable<Movement, 'id'>;

  constructor(name = 'kontrol') {
    super(name);
    this.use(durabilityBySubject);
    this.version(1).stores({
      shows: 'id',
      tickets: '[showId+code], code',
      admissions: '[showId+code]',
      outbox: 'id, queuedAt',
      rejected: 'id, rejectedAt',
      scans: 'id, at',
      settings: 'key',
    });
    // v2 (door operations): denials counted by verdict without reading every scan; admissions
    // the server has not confirmed found without reading the night's log; double entries found
    // across devices kept for the supervisor.
    this.version(2).stores({
      scans: 'id, at, verdict, [verified+at]',
      conflicts: 'id, foundAt, seen',
    });
    // v3 (a 100,000-ticket stadium): one row per ticket made a pull take 16 s and hold the store
    // every scan read. Lists move to column pages; v4 drops the old table once v3 copied it.
    this.version(3)
      .stores({ ticketPages: '[showId+rev+page]' })
      .upgrade(async (tx) => {
        const rows = (await tx.table('tickets').toArray()) as Ticket[];
        const byShow = new Map<ShowId, typeof rows>();
        for (const t of rows) {
          const list = byShow.get(t.showId) ?? [];
          list.push(t);
          byShow.set(t.showId, list);
        }
        for (const show of (await tx.table('shows').toArray()) as StoredShow[]) {
          const list = byShow.get(show.id) ?? [];
          const pages = encodePages(show.id, 'v3', list, Date.now());
          await tx.table('ticketPages').bulkPut(pages);
          await tx.table('shows').put({ ...show, listRev: 'v3', pages: pages.length, listed: list.filter((t) => t.revoked === 0).length });
        }
        const summaries = await tx.table('settings').where('key').startsWith('tickets-summary:').primaryKeys();
        await tx.table('settings').bulkDelete(summaries);
      });
    this.version(4).stores({ tickets: null });
    // v5: pages hold a few long strings and typed arrays instead of an array per field, so a
    // list read back makes hundreds of values, not a million (see ticket-pages.ts).
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('ticketPages')
          .toCollection()
          .modify((page: TicketPage | ColumnArrayPage, ref: { value: unknown }) => {
            if ('code' in page) ref.value = repackColumnArrayPage(page);
          }),
      );
    // v6: the text moves out of the collector's heap into a typed array (see domain/ticket-pack.ts).
    this.version(6)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('ticketPages')
          .toCollection()
          .modify((page: TicketPage | Parameters<typeof moveTextToUnits>[0], ref: { value: unknown }) => {
            if (typeof page.text === 'string') ref.value = moveTextToUnits(page as Parameters<typeof moveTextToUnits>[0]);
          }),
      );
    // v7 (the venue hub): refunds and sales Qtickets' webhooks told of since a show's last pull,
    // laid over its list until a pull holds them (ticket-changes.ts).
    this.version(7).stores({ ticketChanges: '[showId+code]' });
    // v8: the screen counts check-ins awaiting a read-back after every scan; an index on sentAt
    // (queued ones have none, so they are not in it) counts them without reading the outbox.
    this.version(8).stores({ outbox: 'id, queuedAt, sentAt' });
    // v9: the numbers list the supervisor's overrides after every scan; an index on the
    // override's time holds only overridden lines, so they are read without walking the log.
    this.version(9).stores({ scans: 'id, at, verdict, [verified+at], override.at' });
    // v10 (exit and re-entry): people going out and coming back, this door's and the venue's,
    // apart from admissions (Qtickets keeps only the first check-in) and never in the outbox.
    this.version(10).stores({ movements: 'id, [showId+code]' });
    // v11: the hub asks after every admission for this door's exits and re-entries not yet
    // shared; by verdict and time they are read straight, where a filter walked the whole night's
    // log each time (the warm verdict's p50 went 7 → 13 ms at 500 scans, and grew with the log).
    this.version(11).stores({ scans: 'id, at, verdict, [verified+at], override.at, [verdict+at]' });
  }
}

/** Dexie reports a full disk as QuotaExceededError, sometimes wrapped in an AbortError. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as { inner?: unknown }).inner;
  return error.name === 'QuotaExceededError' || (inner instanceof Error && inner.name === 'QuotaExceededError');
}
