// Reading the answer to the batch check-in `POST /shows/{id}/barcodes`, whose shape nobody has
// documented. A 2xx alone proves nothing (a body that says "error", an object we do not know or an
// empty body can come back while nothing was recorded), so the rule is evidence per code:
//
// 1. HELD: an item that names a code we sent and says, explicitly, that it succeeded (`success`,
//    `ok`, `result` or `checked` true, or a success status such as "ok" or 200; the document's
//    single-ticket answer `{success, barcode, checked_at}` is one such item). A bare
//    `{barcode, checked_at}` is not: it is exactly what we sent, and a server that echoes its
//    input proves nothing. Only held items may leave the outbox on the answer alone.
// 2. REFUSED: an item that names a code we sent and says it failed (`success: false`, a status
//    >= 400 or a failure word such as "not_found", an `error`, Laravel `errors` keyed by the code or
//    by the index of what we sent). The server's words and any `checked_at` it gave are kept: an
//    "already checked" refusal with our own time means the server holds our record.
// 3. Everything else we sent is UNCONFIRMED: not in the answer, named without a verdict
//    (`checked: false` alone, an unknown status word), or matched only by position. The caller
//    reads those back (`GET /shows/{id}/barcode/{code}`) instead of guessing.
// 4. Items without a barcode are matched by position only when one record was sent: a reordered
//    list of anonymous results would otherwise confirm or refuse the wrong code.
// 5. A top-level "this failed" (`success`/`ok`/`result` false, a status >= 400 or "error", an
//    `error` text, `errors` we cannot tie to a code, a `failed` count above zero) marks the REQUEST
//    as failed: the caller keeps what was not named as held or refused queued and backs off.
// 6. The same code sent twice: if any item for it succeeded, it is held.

import type { BatchOutcome, HeldBarcode, RefusedBarcode } from './types.ts';

type Sent = readonly { barcode: string }[];
type Dict = Record<string, unknown>;

const NO_REASON = 'Refused by the server without a reason';
const MAX_REASON = 300;
const FAILURE_WORD = /error|fail|reject|invalid|denied|not[ _-]?found|unknown|refund|cancel|already|duplicate|wrong|forbidden|closed|expired/i;
const SUCCESS_WORDS = new Set(['ok', 'success', 'succeeded', 'accepted', 'checked', 'saved', 'done', 'created', 'true']);
const LIST_KEYS = ['data', 'results', 'items', 'barcodes'] as const;
const VERDICT_KEYS = ['success', 'ok', 'result'] as const;

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

type Word = 'success' | 'failure' | 'neither';

/** What a `status` or `code` value says: 2xx or "ok" succeed, >= 400 or "not_found" fail. */
function statusWord(x: unknown): Word {
  if (typeof x === 'number') return x >= 400 ? 'failure' : x >= 200 && x < 300 ? 'success' : 'neither';
  if (typeof x !== 'string') return 'neither';
  const s = x.trim().toLowerCase();
  if (/^\d+$/.test(s)) return statusWord(Number(s));
  if (SUCCESS_WORDS.has(s)) return 'success';
  return FAILURE_WORD.test(s) ? 'failure' : 'neither';
}

const checkedAtOf = (item: Dict): string | null => (typeof item.checked_at === 'string' && item.checked_at.trim() !== '' ? item.checked_at.trim() : null);

type ItemVerdict = { kind: 'held'; checkedAt: string | null } | { kind: 'refused'; reason: string; checkedAt: string | null } | { kind: 'unconfirmed' };

/** One per-item result on its own: held, refused with a reason, or saying nothing we can trust. */
function judgeItem(item: unknown): ItemVerdict {
  if (item === true) return { kind: 'held', checkedAt: null };
  if (item === false) return { kind: 'refused', reason: NO_REASON, checkedAt: null };
  if (typeof item === 'string') {
    const word = statusWord(item);
    return word === 'success' ? { kind: 'held', checkedAt: null } : word === 'failure' ? { kind: 'refused', reason: clip(item.trim()), checkedAt: null } : { kind: 'unconfirmed' };
  }
  if (!isDict(item)) return { kind: 'unconfirmed' };
  const checkedAt = checkedAtOf(item);
  const said = VERDICT_KEYS.map((k) => item[k]);
  const saysTrue = said.some(isTrue) || isTrue(item.checked);
  const saysFalse = said.some(isFalse);
  const status = [statusWord(item.status), statusWord(item.code)];
  const text = textOf(item.error) ?? textOf(item.errors) ?? textOf(item.message);
  // A `message` alone is no verdict ("Checked in"): it refuses only when it carries a failure word.
  const saysError = textOf(item.errors) !== null || FAILURE_WORD.test(textOf(item.message) ?? '');
  const failed = saysFalse || status.includes('failure') || (textOf(item.error) !== null && !saysTrue) || (saysError && !saysTrue && !status.includes('success') && checkedAt === null && item.checked !== false);
  if (failed) {
    const word = typeof item.status === 'string' || typeof item.status === 'number' ? String(item.status) : null;
    const code = typeof item.code === 'string' || typeof item.code === 'number' ? String(item.code) : null;
    const reason = text ?? (word !== null && statusWord(item.status) === 'failure' ? word : code !== null ? `code ${code}` : NO_REASON);
    return { kind: 'refused', reason: clip(reason), checkedAt };
  }
  if (isFalse(item.checked)) return { kind: 'unconfirmed' };
  if (saysTrue || status.includes('success')) return { kind: 'held', checkedAt };
  return { kind: 'unconfirmed' };
}

/** Why the request as a whole failed, or null when the answer does not say so. */
function requestFailure(answer: Dict): string | null {
  const said = VERDICT_KEYS.map((k) => answer[k]);
  const saysTrue = said.some(isTrue);
  const error = textOf(answer.error);
  const failedCount = typeof answer.failed === 'number' && answer.failed > 0 ? answer.failed : null;
  if (said.some(isFalse) || statusWord(answer.status) === 'failure' || (error !== null && !saysTrue) || failedCount !== null) {
    return clip(error ?? textOf(answer.message) ?? (failedCount !== null ? `the server says ${failedCount} failed` : typeof answer.status === 'string' || typeof answer.status === 'number' ? `status ${String(answer.status)}` : NO_REASON));
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
    // Only short keys are indices: a long one is a barcode, and one we did not send must not be
    // read as an anonymous item (with one record sent it would confirm that record by position).
    if (keys.length > 0 && keys.every((k) => /^\d{1,6}$/.test(k) && !sentCodes.has(k))) return Object.values(x);
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
  private readonly held = new Map<string, string | null>();
  private readonly refused = new Map<string, { reason: string; checkedAt: string | null }>();
  readonly unattributed: string[] = [];
  readonly sentCodes: Set<string>;

  constructor(private readonly sent: Sent) {
    this.sentCodes = new Set(sent.map((s) => s.barcode));
  }

  /** Record one per-item result for `code` (a code we did not send is ignored). */
  item(item: unknown, code: string | null): void {
    const verdict = judgeItem(item);
    if (code === null) {
      if (verdict.kind === 'refused') this.unattributed.push(verdict.reason);
      return;
    }
    if (!this.sentCodes.has(code)) return;
    if (verdict.kind === 'held' && !this.held.has(code)) this.held.set(code, verdict.checkedAt);
    else if (verdict.kind === 'refused' && !this.refused.has(code)) this.refused.set(code, { reason: verdict.reason, checkedAt: verdict.checkedAt });
  }

  list(items: unknown[]): void {
    // Anonymous results are tied to what we sent only when there is nothing to confuse (rule 4).
    const onlyCode = this.sent.length === 1 && items.length === 1 ? (this.sent[0]?.barcode ?? null) : null;
    for (const item of items) this.item(item, itemBarcode(item) ?? onlyCode);
  }

  /** An object whose keys are barcodes; only keys we sent are read. */
  keyed(answer: Dict): boolean {
    let found = false;
    for (const [key, value] of Object.entries(answer)) {
      if (!this.sentCodes.has(key)) continue;
      found = true;
      this.item(value, key);
    }
    return found;
  }

  /** Laravel validation errors: keys are barcodes or index paths into what we sent. */
  errors(errors: Dict): void {
    for (const [key, value] of Object.entries(errors)) {
      const reason = textOf(value) ?? NO_REASON;
      const index = /^(?:[A-Za-z_]+\.)?(\d{1,6})(?:\.|$)/.exec(key);
      const code = this.sentCodes.has(key) ? key : index && !/^\d{7,}$/.test(key) ? (this.sent[Number(index[1])]?.barcode ?? null) : null;
      if (code !== null) this.item({ success: false, error: reason }, code);
      else if (/^\d{7,}$/.test(key)) continue; // a barcode we did not send
      else this.unattributed.push(`${key}: ${reason}`);
    }
  }

  outcome(failure: string | null = null): BatchOutcome {
    const held: HeldBarcode[] = [];
    const refused: RefusedBarcode[] = [];
    for (const code of this.sentCodes) {
      if (this.held.has(code)) held.push({ barcode: code, checkedAt: this.held.get(code) ?? null });
      else {
        const r = this.refused.get(code);
        if (r) refused.push({ barcode: code, reason: r.reason, checkedAt: r.checkedAt });
      }
    }
    const reasons = [failure, ...this.unattributed].filter((r): r is string => r !== null);
    return reasons.length > 0 ? { held, refused, requestFailed: clip(reasons.join('; ')) } : { held, refused };
  }
}

export function interpretBatchAnswer(sent: Sent, answer: unknown): BatchOutcome {
  const tally = new Tally(sent);
  const list = asList(answer, tally.sentCodes);
  if (list) {
    tally.list(list);
    return tally.outcome();
  }
  if (typeof answer === 'string' && statusWord(answer) === 'failure') return tally.outcome(clip(answer.trim()));
  if (!isDict(answer)) return tally.outcome(); // null (empty body), true, "ok": says nothing per code

  const failure = requestFailure(answer);
  // The document's single-ticket answer, or one item at the top level.
  if (itemBarcode(answer) !== null) {
    tally.list([answer]);
    return tally.outcome(judgeItem(answer).kind === 'refused' ? null : failure);
  }

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
    for (const e of errors) {
      const code = itemBarcode(e);
      if (code !== null) tally.item(isDict(e) ? { success: false, ...e } : { success: false, error: e }, code);
      else tally.unattributed.push(textOf(e) ?? NO_REASON);
    }
  } else if (typeof errors === 'string' && errors.trim() !== '') tally.unattributed.push(clip(errors.trim()));
  else if (!readItems) tally.keyed(answer);
  return tally.outcome(failure);
}
