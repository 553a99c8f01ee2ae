// The records, outcomes and states the door's screens show, by their names in the layers that
// make them; type-only, so src/state and src/ui see their shape and nothing of how they are made.
export type { ApiError, ApiEvent, HubDevice } from '../api/index.ts';
export type { StoredShow } from '../db/database.ts';
export type { ForgetShowOutcome } from '../db/forget-show.ts';
export type { StoreHealth } from '../db/health.ts';
export type { HistoryEntry, UndoOutcome } from '../db/history.ts';
export type { Presence } from '../db/presence.ts';
export type { KioskSettings, StoredScannerSettings } from '../db/settings-registry.ts';
export type { SignOutOutcome } from '../db/signout.ts';
export type { OverrideOutcome } from '../db/supervisor.ts';
export type { LiveNumbers } from '../db/stats.ts';
export type { DoorCount } from '../db/venue.ts';
export type { Connectivity } from '../sync/connectivity.ts';
export type { EntryChecker } from '../sync/double-entry.ts';
export type { HubStatus } from '../sync/hub-link.ts';
export type { SyncState } from '../sync/loop.ts';
export type { Cell, Observable } from '../sync/observable.ts';
export type { DownloadProgress, PullOutcome } from '../sync/pull.ts';
export type { Refresher, RefreshState, RefreshSummary } from '../sync/refresh.ts';
