// The public face of src/api: sync and state import from here, not from the files behind it.

export type { ApiError, ApiResult } from './errors';
export { isAuthError, isRetryable, parseRetryAfter, technicalDetail } from './errors';
export type { CallOptions, Transport, TransportOptions, TransportResult } from './transport';
export { createTransport, GATEWAY_HEADER } from './transport';
export type { Parsed } from './parse';
export { interpretBatchAnswer, parseBarcodePage, parseBarcodeStatus, parseEventsPage } from './parse';
export type { ListOptions, QticketsClient } from './qtickets';
export { BARCODE_SELECT, createQticketsClient } from './qtickets';
export { withBarcodesOffThread } from './barcodes-off-thread';
export { sortEventsForDoor } from './sortEvents';
export type * from './types';
