// Reading the answer to the batch check-in `POST /shows/{id}/barcodes`, whose shape nobody has
// documented. The rule, in order:
//
// 1. It came with a 2xx, so everything sent counts as ACCEPTED unless the answer refuses it.
// 2. A top-level refusal (`success: false`, a numeric `status` >= 400, or an `error` while
//    `success` is not true) refuses the whole batch: `batchRefused`, nothing accepted, so the
//    caller keeps every record queued. Items the answer blamed by name are still listed in
//    `rejected`, so the caller can set them aside instead of resending them forever (a
//    validation failure usually saves nothing, hence nothing accepted). A top-level `message`
//    alone is informational.
// 3. Per-item results may come as a bare array, under `data` / `results` / `items` / `barcodes`,
//    as an object keyed by barcode, or as Laravel-style `errors` keyed by barcode or by index path
//    (`0.barcode`, `data.3.checked_at`). An item is FAILED when `success` is false, its numeric
//    `status`/`code` is >= 400, its `status` is a word like "error", or it carries an `error` or
//    `message` while `success` is not true. A failed item is REJECTED with the server's words.
// 4. Items are matched to what we sent by `barcode`; without one, by position, but only when the
//    answer lists exactly as many items as we sent. Items for codes we did not send are ignored.
// 5. A failure we cannot tie to a sent code refuses the batch (rule 2): dropping it could lose a
//    check-in the server never recorded, and guessing could reject the wrong ticket. Sync may split
//    a batch that keeps being refused to isolate the culprit.
// 6. The same code sent twice: if any item for it succeeded, it is accepted (the server holds it).

import type { BatchOutcome, RejectedBarcode } from './types';

type Sent = readonly { barcode: string }[];
type Dict = Record<string, unknown>;

const NO_REASON = 'Rejected by the server without a reason';
const MAX_REASON = 300;
const FAILURE_WORDS = new Set(['error', 'errors', 'fail', 'failed', 'failure', 'rejected', 'invalid', 'denied']);
const LIST_KEYS = ['data', 'results', 'items', 'barcodes'] as const;

const isDict = (x: unknown): x is Dict => x !== null && typeof x === 'object' && !Array.isArray(x);

const clip = (text: string) => (text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text);

// How far textOf looks: a hostile or broken answer can nest without end (a recursive reader would
// overflow the stack and throw) or repeat a message 100,000 times.
const MAX_TEXT_DEPTH = 6;
const MAX_TEXT_PARTS = 20;

/** Human text out of whatever a server put in `error`/`message`/`errors`. */
function textOf(x: unknown, depth = 0): string | null {
  if (typeof x === 'string') return x.trim() === '' ? null : clip(x.trim());
  if (typeof x === 'number') return String(x);
  if (depth >= MAX_TEXT_DEPTH) return null;
  if (Array.isArray(x)) {
    const parts = x.slice(0, MAX_TEXT_PARTS).map((p) => textOf(p, depth + 1)).filter((t): t is string => t !== null);
    return parts.length ? clip(parts.join('; ')) : null;
  }
  if (isDict(x)) return textOf(x.message, depth + 1) ?? textOf(x.error, depth + 1) ?? textOf(Object.values(x).slice(0, MAX_TEXT_PARTS), depth + 1);
  return null;
}

const isFalse = (x: unknown) => x === false || x === 0 || x === 'false';
const isTrue = (x: unknown) => x === true || x === 1 || x === 'true';

function failingStatus(x: unknown): boolean {
  if (typeof x === 'number') return x >= 400;
  if (typeof x === 'string') return /^\d+$/.test(x) ? Number(x) >= 400 : FAILURE_WORDS.has(x.trim().toLowerCase());
  return false;
}

/** The reason an item was refused, or null when it was not refused. */
function itemFailure(item: unknown): string | null {
  if (item === false) return NO_REASON;
  if (!isDict(item)) return null;
  const statusFailed = failingStatus(item.status) || failingStatus(item.code);
  const says = textOf(item.error) ?? textOf(item.message) ?? textOf(item.errors);
  if (isFalse(item.success) || statusFailed || (says !== null && !isTrue(item.success))) {
    const code = typeof item.code === 'string' || typeof item.code === 'number' ? String(item.code) : null;
    const status = typeof item.status === 'number' || typeof item.status === 'string' ? String(item.status) : null;
    return says ?? (code ? `code ${code}` : status ? `status ${status}` : NO_REASON);
  }
  return null;
}

function topLevelRefusal(answer: Dict): string | null {
  const says = textOf(answer.error);
  if (isFalse(answer.success) || (typeof answer.status === 'number' && answer.status >= 400) || (says !== null && !isTrue(answer.success))) {
    return says ?? textOf(answer.message) ?? NO_REASON;
  }
  return null;
}

/**
 * PHP serialises a list with holes as an object with numeric keys. Barcodes are digits too, so an
 * object keyed by a code we sent is read as keyed by barcode, not as a list.
 */
function asList(x: unknown, sentCodes: ReadonlySet<string>): unknown[] | null {
  if (Array.isArray(x)) return x;
  if (isDict(x)) {
    const keys = Object.keys(x);
    if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k) && !sentCodes.has(k))) return Object.values(x);
  }
  return null;
}

function itemBarcode(item: unknown): string | null {
  if (!isDict(item)) return null;
  const b = item.barcode;
  if (typeof b === 'string' && b.trim() !== '') return b.trim();
  if (typeof b === 'number' && Number.isSafeInteger(b)) return String(b);
  return null;
}

class Tally {
  readonly rejected = new Map<string, string>();
  readonly succeeded = new Set<string>();
  readonly unattributed: string[] = [];
  readonly sentCodes: Set<string>;

  constructor(private readonly sent: Sent) {
    this.sentCodes = new Set(sent.map((s) => s.barcode));
  }

  /** Record one per-item result; `position` is used only when the item names no barcode. */
  item(item: unknown, barcode: string | null, position: number | null): void {
    const reason = itemFailure(item);
    const code = barcode ?? (position !== null ? (this.sent[position]?.barcode ?? null) : null);
    if (code === null) {
      if (reason !== null) this.unattributed.push(reason);
      return;
    }
    if (!this.sentCodes.has(code)) return;
    if (reason === null) this.succeeded.add(code);
    else if (!this.rejected.has(code)) this.rejected.set(code, reason);
  }

  list(items: unknown[]): void {
    const byPosition = items.length === this.sent.length;
    items.forEach((item, i) => this.item(item, itemBarcode(item), byPosition ? i : null));
  }

  /** An object whose keys are barcodes; only keys we sent are read. */
  keyed(answer: Dict): boolean {
    let found = false;
    for (const [key, value] of Object.entries(answer)) {
      if (!this.sentCodes.has(key)) continue;
      found = true;
      this.item(isDict(value) ? { ...value, barcode: key } : value, key, null);
    }
    return found;
  }

  /** Laravel validation errors: keys are barcodes or index paths, values are messages. */
  errors(errors: Dict): void {
    for (const [key, value] of Object.entries(errors)) {
      const reason = textOf(value) ?? NO_REASON;
      const index = /^(?:[A-Za-z_]+\.)?(\d{1,6})(?:\.|$)/.exec(key);
      const code = this.sentCodes.has(key)
        ? key
        : index && !/^\d{7,}$/.test(key)
          ? (this.sent[Number(index[1])]?.barcode ?? null)
          : null;
      if (code !== null) this.item({ success: false, error: reason }, code, null);
      else if (/^\d{7,}$/.test(key)) continue; // a barcode we did not send
      else this.unattributed.push(`${key}: ${reason}`);
    }
  }

  /** `refusal` is a top-level refusal already found; unattributed failures refuse the batch too. */
  outcome(refusal: string | null = null): BatchOutcome {
    const accepted: string[] = [];
    const rejected: RejectedBarcode[] = [];
    for (const code of this.sentCodes) {
      const reason = this.rejected.get(code);
      if (reason !== undefined && !this.succeeded.has(code)) rejected.push({ barcode: code, reason });
      else accepted.push(code);
    }
    const reasons = [refusal, ...this.unattributed].filter((r): r is string => r !== null);
    if (reasons.length > 0) return { accepted: [], rejected, batchRefused: clip(reasons.join('; ')) };
    return { accepted, rejected };
  }
}

export function interpretBatchAnswer(sent: Sent, answer: unknown): BatchOutcome {
  const tally = new Tally(sent);
  const list = asList(answer, tally.sentCodes);
  if (list) {
    tally.list(list);
    return tally.outcome();
  }
  if (!isDict(answer)) return tally.outcome(); // null (empty body), true, "ok": nothing refused

  const refusal = topLevelRefusal(answer);

  let readItems = false;
  for (const key of LIST_KEYS) {
    const carried = answer[key];
    const items = asList(carried, tally.sentCodes);
    if (items) {
      tally.list(items);
      readItems = true;
    } else if (isDict(carried) && tally.keyed(carried)) {
      readItems = true;
    } else if (isDict(carried) && itemBarcode(carried) !== null) {
      tally.list([carried]);
      readItems = true;
    }
  }
  const errors = answer.errors;
  if (isDict(errors)) tally.errors(errors);
  else if (Array.isArray(errors)) {
    // An error list is not parallel to what we sent: match by barcode only.
    for (const e of errors) tally.item(isDict(e) ? { success: false, ...e } : { success: false, error: e }, itemBarcode(e), null);
  } else if (!readItems) tally.keyed(answer);
  return tally.outcome(refusal);
}
