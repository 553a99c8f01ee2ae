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

export interface RejectedBarcode {
  barcode: string;
  /** The server's own words, for staff to read. */
  reason: string;
}

export interface BatchOutcome {
  /** Codes the server did not refuse (unique, in sent order). */
  accepted: string[];
  /** Codes the server refused one by one; never retry these automatically. */
  rejected: RejectedBarcode[];
  /**
   * Set when the answer refused the batch as a whole: treat like a failed request. `accepted` is
   * then empty; `rejected` may still name the items the server blamed.
   */
  batchRefused?: string;
}
