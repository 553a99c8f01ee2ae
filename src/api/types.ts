// What the API layer hands to sync: Qtickets answers, already checked and shaped. These are the
// server's view, kept apart from src/domain's stored types so the API may change without the
// database noticing.

export interface ApiShow {
  id: number;
  name: string | null;
  /** ISO 8601 with offset, as Qtickets sends it. */
  startDate: string | null;
  finishDate: string | null;
  openDate: string | null;
  deletedAt: string | null;
  isActive: boolean;
}

export interface ApiEvent {
  id: number;
  name: string;
  deletedAt: string | null;
  isActive: boolean;
  placeName: string | null;
  shows: ApiShow[];
}

export interface Paging {
  perPage: number;
  currentPage: number;
  total: number;
}

export interface EventsPage {
  events: ApiEvent[];
  /** Null when the server sent a bare list (one page holds everything). */
  paging: Paging | null;
}

/** One barcode as `GET /shows/{id}/barcodes` lists it: a ticket valid right now. */
export interface ApiTicket {
  code: string;
  admission: boolean;
  price: number | null;
  seatName: string | null;
  zoneName: string | null;
  row: string | null;
  place: string | null;
  clientName: string | null;
  clientSurname: string | null;
  clientMiddlename: string | null;
}

export interface BarcodePage {
  tickets: ApiTicket[];
  paging: Paging | null;
}

/** `GET /shows/{id}/barcode/{code}`: the server's scan state of one code. */
export interface BarcodeStatus {
  barcode: string;
  /** When the server recorded the code as used; null when it has not. */
  checkedAt: string | null;
}

/** One record of the batch `POST /shows/{id}/barcodes` body, as the document shows it. */
export interface CheckInItem {
  barcode: string;
  /** ISO 8601 with the device's offset: the original scan time travels with the fact. */
  checked_at: string;
}

/** A code the batch answer names as recorded; `checkedAt` is the time the server gave, if any. */
export interface HeldBarcode {
  barcode: string;
  checkedAt: string | null;
}

/** A code the batch answer refuses by name, with the server's own words. */
export interface RefusedBarcode {
  barcode: string;
  reason: string;
  /** The time the server holds for this code, when the refusal carried one ("already checked"). */
  checkedAt: string | null;
}

/**
 * What a batch answer proves, code by code (src/api/batch.ts). A sent code in neither list is
 * unconfirmed: the caller must read it back before counting it delivered.
 */
export interface BatchOutcome {
  held: HeldBarcode[];
  refused: RefusedBarcode[];
  /** Set when the answer says the request as such failed: keep what it did not name queued. */
  requestFailed?: string;
}
