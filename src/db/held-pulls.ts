// Pulls held back because they would revoke most of a show (domain/list-shrink.ts): the old list
// stays in use, and the supervisor decides. One row per show in `settings`.
import type { ShowId } from '../domain/types.ts';
import type { KontrolDb } from './database.ts';

export interface HeldPull {
  showId: ShowId;
  /** Tickets listed before the pull. */
  listed: number;
  /** Tickets the server's answer held. */
  received: number;
  /** Epoch ms of the pull. */
  at: number;
}

const PREFIX = 'held-pull:';

function asHeldPull(value: unknown): HeldPull | null {
  if (value === null || typeof value !== 'object') return null;
  const { showId, listed, received, at } = value as Partial<HeldPull>;
  return [showId, listed, received, at].every((n) => typeof n === 'number' && Number.isFinite(n)) ? (value as HeldPull) : null;
}

export async function holdPull(db: KontrolDb, pull: HeldPull): Promise<void> {
  await db.settings.put({ key: `${PREFIX}${pull.showId}`, value: pull });
}

export async function clearHeldPull(db: KontrolDb, showId: ShowId): Promise<void> {
  await db.settings.delete(`${PREFIX}${showId}`);
}

/** Held pulls of shows still on the device (a corrupted row is skipped, never a crash). */
export async function listHeldPulls(db: KontrolDb): Promise<HeldPull[]> {
  const rows = await db.settings.where('key').startsWith(PREFIX).toArray();
  return rows.flatMap((row) => asHeldPull(row.value) ?? []);
}
