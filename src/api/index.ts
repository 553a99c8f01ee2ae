// The public face of src/api: sync and state import from here, not from the files behind it.

export type { ApiError, ApiResult } from './errors.ts';
export { isAuthError, isNotFound, isRetryable, parseRetryAfter, technicalDetail } from './errors.ts';
export type { CallOptions, Transport, TransportOptions, TransportResult } from './transport.ts';
export { createTransport, DEFAULT_BASE_URL, GATEWAY_HEADER } from './transport.ts';
export type { Parsed } from './parse.ts';
export { interpretBatchAnswer, parseBarcodePage, parseBarcodeStatus, parseEventsPage } from './parse.ts';
export type { ListOptions, QticketsClient } from './qtickets.ts';
export { BARCODE_SELECT, createQticketsClient } from './qtickets.ts';
export { withBarcodesOffThread } from './barcodes-off-thread.ts';
export { offThreadTransports } from './transport-off-thread.ts';
export { sortEventsForDoor } from './sortEvents.ts';
export type * from './types.ts';
export { createHubClient, readHubEvent, HUB_BASE_URL } from './hub.ts';
export type { HubAdmission, HubClient, HubDevice, HubEvent, Heartbeat } from './hub.ts';
