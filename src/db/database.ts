// The one module that talks to IndexedDB (through Dexie).
//
// Invariants every repository below keeps:
// - An admission, its outbox record and its scan-log line are written in ONE transaction, before
//   the verdict is shown: a crash can lose neither half.
// - A check-in leaves `outbox` only when the server accepted it (deleted) or refused it
//   (moved to `rejected` in the same transaction), or when a person undoes that admission before
//   delivery (history.ts: admission, outbox record and log mark in one transaction, holding the
//   delivery lock), or discards it by its exact count when signing out (signout.ts).
// - `tickets` is the server's view and is replaced on each pull; `admissions` are this device's
//   facts and are never touched by a pull, so a refresh cannot un-admit anyone.
import Dexie, { type EntityTable } from 'dexie';
import type { Admission, CheckIn, Conflict, RejectedCheckIn, ScanRecord, Show, Ticket } from '../domain/types.ts';

export interface Setting {
  key: string;
  value: unknown;
}

export class KontrolDb extends Dexie {
  shows!: EntityTable<Show, 'id'>;
  tickets!: Dexie.Table<Ticket, [number, string]>;
  admissions!: Dexie.Table<Admission, [number, string]>;
  outbox!: EntityTable<CheckIn, 'id'>;
  rejected!: EntityTable<RejectedCheckIn, 'id'>;
  scans!: EntityTable<ScanRecord, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  conflicts!: EntityTable<Conflict, 'id'>;

  constructor(name = 'kontrol') {
    super(name);
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
  }
}

/** Dexie reports a full disk as QuotaExceededError, sometimes wrapped in an AbortError. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as { inner?: unknown }).inner;
  return error.name === 'QuotaExceededError' || (inner instanceof Error && inner.name === 'QuotaExceededError');
}
