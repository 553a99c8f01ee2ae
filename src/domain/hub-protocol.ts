// The venue hub's wire vocabulary (/hub/v1, server/README.md "Venue hub"), shared by the server
// (server/hub, server/hooks) and the app (src/api/hub.ts): one definition, so the two sides cannot
// drift. Types only; each side checks what it reads (server/hub/protocol.ts, api/hub.ts readHubEvent).

/** One admission a door shares (POST /hub/v1/admissions `items[]`). */
export interface HubAdmission {
  showId: number;
  code: string;
  /** ISO 8601 with a zone, as the check-in carries it. */
  checkedAt: string;
  /** The check-in's own random id: a resent admission never becomes a second event. */
  nonce: string;
}

/** The body of POST /hub/v1/admissions. */
export interface HubAdmissionBatch {
  deviceId: string;
  deviceName: string;
  items: HubAdmission[];
}

/** What a device says of itself (the body of POST /hub/v1/heartbeat); null where it does not know. */
export interface HubHeartbeat {
  deviceId: string;
  deviceName: string;
  version: string | null;
  stored: number | null;
  lastPullAt: string | null;
  pending: number | null;
  rejected: number | null;
  storageBytes: number | null;
  battery: number | null;
  scansLastMinute: number | null;
  shows: number[];
}

/** A device as the hub keeps and streams it (`event: device`, GET /hub/v1/devices). */
export interface HubDevice extends HubHeartbeat {
  /** Server time (epoch ms) the heartbeat arrived: device clocks at a door are not to be trusted. */
  lastSeenAt: number;
}

/** What Qtickets' webhooks tell of a ticket: scanned elsewhere, undone, refunded or deleted, newly sold. */
export type HubFactKind = 'checked' | 'unchecked' | 'revoked' | 'listed';

/** Kinds of events in an organiser's log (replayed on resume); device heartbeats are live only. */
export type HubLogKind = 'admission' | 'movement' | HubFactKind;

/**
 * An exit or a re-entry a door shares (POST /hub/v1/movements `items[]`). Qtickets has no exit, so
 * these travel only between the doors; a client or server that does not know `movement` ignores it.
 */
export interface HubMovement {
  showId: number;
  code: string;
  movement: 'exit' | 'reentry';
  /** ISO 8601 with a zone. */
  at: string;
  /** The movement's own random id: a resent one never becomes a second event. */
  nonce: string;
}

/** The body of POST /hub/v1/movements. */
export interface HubMovementBatch {
  deviceId: string;
  deviceName: string;
  items: HubMovement[];
}

/** `event: movement` data. */
export interface HubMovementData extends HubMovement {
  deviceId: string;
  deviceName: string;
}

/** `event: admission` data. */
export interface HubAdmissionData extends HubAdmission {
  deviceId: string;
  deviceName: string;
}

/** `event: checked | unchecked | revoked | listed` data (from a webhook). */
export interface HubFactData {
  showId: number;
  code: string;
  checkedAt: string | null;
  source: 'webhook';
}
