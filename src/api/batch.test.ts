// The batch answer decides which scans may leave the outbox. A code wrongly reported as held is a
// scan the server never recorded and the door will never resend: so held needs a per-code success,
// a refusal needs the code named, and everything else is unconfirmed (in neither list) and read back.
import { describe, expect, it } from 'vitest';
import { interpretBatchAnswer } from './batch.ts';

// The document's batch example.
const SENT = [
  { barcode: '875196723453', checked_at: '2020-03-02T18:08:35+03:00' },
  { barcode: '875136523412', checked_at: '2020-03-02T18:08:39+03:00' },
  { barcode: '875136213454', checked_at: '2020-03-02T18:08:40+03:00' },
];
const [A, B, C] = SENT.map((s) => s.barcode) as [string, string, string];
const AT = '2020-03-02T18:08:35+03:00';
const NO_REASON = 'Refused by the server without a reason';

const held = (barcode: string, checkedAt: string | null = null) => ({ barcode, checkedAt });
const refused = (barcode: string, reason: string, checkedAt: string | null = null) => ({ barcode, reason, checkedAt });
const NOTHING = { held: [], refused: [] };

describe('interpretBatchAnswer: a 2xx that names no code confirms nothing', () => {
  it.each([
    ['an empty body', null],
    ['an empty object', {}],
    ['true', true],
    ['"ok"', 'ok'],
    ['an empty array', []],
    ['{success: true} without items', { success: true }],
    ['{status: 200}', { status: 200 }],
    ['a count', { count: 3 }],
    ['a saved count', { saved: 3 }],
    ['a count with a cheerful message', { count: 3, message: 'Checked 3 barcodes' }],
    ['{saved: 3, failed: 0}', { saved: 3, failed: 0 }],
    ['our own items echoed without a verdict', { data: SENT.map(({ barcode }) => ({ barcode })) }],
  ])('%s: every sent code stays unconfirmed, to be read back', (_name, answer) => {
    expect(interpretBatchAnswer(SENT, answer)).toEqual(NOTHING);
  });
});

describe('interpretBatchAnswer: an answer that says the request failed', () => {
  it.each([
    ['{status: "error"}', { status: 'error' }, 'status error'],
    ['{status: "422"}', { status: '422' }, 'status 422'],
    ['{status: 500}', { status: 500 }, 'status 500'],
    ['{errors: "text"}', { errors: 'text' }, 'text'],
    ['{ok: false}', { ok: false }, NO_REASON],
    ['{result: false}', { result: false }, NO_REASON],
    ['{saved: 0, failed: 2}', { saved: 0, failed: 2 }, 'the server says 2 failed'],
    ['the string "error"', 'error', 'error'],
    ['{success: false, error}', { success: false, error: 'Show is closed' }, 'Show is closed'],
    ['an error with a failing status', { error: 'Some error', status: 403 }, 'Some error'],
    ['Laravel errors tied to no code', { errors: { token: ['Expired'] } }, 'token: Expired'],
    ['an errors list naming no code', { errors: ['Something broke'] }, 'Something broke'],
  ])('%s: nothing held or refused, the request failed with the server words', (_name, answer, reason) => {
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [], refused: [], requestFailed: reason });
  });

  it('still holds and refuses the codes a failed request named', () => {
    const answer = { success: false, error: 'Validation failed', data: [{ barcode: A, success: true }], errors: { '1.barcode': ['Unknown barcode'] } };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({
      held: [held(A)],
      refused: [refused(B, 'Unknown barcode')],
      requestFailed: 'Validation failed',
    });
  });
});

describe('interpretBatchAnswer: per-item results', () => {
  it('holds and refuses only the codes named; the unnamed one stays unconfirmed', () => {
    const answer = [
      { barcode: A, success: true },
      { barcode: B, success: false, error: 'Билет возвращён' },
    ];
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [held(A)], refused: [refused(B, 'Билет возвращён')] });
  });

  it('refuses a code whose status is a failure word, with that word as the reason', () => {
    expect(interpretBatchAnswer(SENT, [{ barcode: A, status: 'not_found' }, { barcode: B, status: 'ok' }])).toEqual({
      held: [held(B)],
      refused: [refused(A, 'not_found')],
    });
  });

  it('refuses by a status or code >= 400 and by an error object, keeping the server words', () => {
    const answer = {
      results: [
        { barcode: A, status: 404, message: 'Barcode not found' },
        { barcode: B, code: 422 },
        { barcode: C, error: { message: 'checked_at is invalid' } },
      ],
    };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({
      held: [],
      refused: [refused(A, 'Barcode not found'), refused(B, 'code 422'), refused(C, 'checked_at is invalid')],
    });
  });

  it('gives a reason even when the server gave none', () => {
    expect(interpretBatchAnswer(SENT, [{ barcode: A, success: false }])).toEqual({ held: [], refused: [refused(A, NO_REASON)] });
  });

  it('leaves a code with `checked: false` alone, or an unknown status word, unconfirmed', () => {
    expect(interpretBatchAnswer(SENT, [{ barcode: A, checked: false }, { barcode: B, status: 'queued' }])).toEqual(NOTHING);
  });

  it('leaves a code named with only a neutral message unconfirmed, neither held nor refused', () => {
    expect(interpretBatchAnswer(SENT, [{ barcode: A, message: 'Checked in' }])).toEqual(NOTHING);
  });

  it('does not refuse an item whose message comes with success:true', () => {
    const answer = { data: [{ barcode: A, success: true, message: 'ok' }, { barcode: B, status: 'error', message: 'Unknown barcode' }] };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [held(A)], refused: [refused(B, 'Unknown barcode')] });
  });

  it('matches a reordered list by barcode, not by position', () => {
    const answer = [
      { barcode: C, success: true },
      { barcode: A, success: false, error: 'Refunded' },
      { barcode: B, checked: true },
    ];
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [held(B), held(C)], refused: [refused(A, 'Refunded')] });
  });

  it('never ties anonymous results to codes when several were sent', () => {
    const allGood = [{ success: true }, { success: true }, { success: true }];
    expect(interpretBatchAnswer(SENT, allGood)).toEqual(NOTHING);
    // A failure it cannot tie to a code fails the request, but refuses nobody.
    const mixed = [{ success: true }, { success: false, error: 'Duplicate' }, { success: true }];
    expect(interpretBatchAnswer(SENT, mixed)).toEqual({ held: [], refused: [], requestFailed: 'Duplicate' });
  });

  it('ties one anonymous result to the one record sent', () => {
    const one = [SENT[0]!];
    expect(interpretBatchAnswer(one, [{ success: true, checked_at: AT }])).toEqual({ held: [held(A, AT)], refused: [] });
    expect(interpretBatchAnswer(one, [{ success: false, error: 'Refunded' }])).toEqual({ held: [], refused: [refused(A, 'Refunded')] });
  });

  it('holds the document single-ticket answer {success, barcode, checked_at} with the server time', () => {
    const answer = { success: true, barcode: A, checked_at: AT };
    expect(interpretBatchAnswer([SENT[0]!], answer)).toEqual({ held: [held(A, AT)], refused: [] });
    // Sent with others, it speaks for its own code only.
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [held(A, AT)], refused: [] });
  });

  it('keeps the checked_at of an "already checked" refusal', () => {
    const inList = [{ barcode: A, success: false, error: 'Already checked', checked_at: AT }];
    expect(interpretBatchAnswer(SENT, inList)).toEqual({ held: [], refused: [refused(A, 'Already checked', AT)] });
    // The same as the single-ticket answer: a refusal of that code, not a failed request.
    expect(interpretBatchAnswer(SENT, inList[0])).toEqual({ held: [], refused: [refused(A, 'Already checked', AT)] });
  });

  it('reads numeric barcodes', () => {
    const answer = [
      { barcode: 875196723453, success: true },
      { barcode: 875136523412, success: false, error: 'Refunded' },
    ];
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [held(A)], refused: [refused(B, 'Refunded')] });
  });

  it('ignores results for codes we did not send', () => {
    const answer = [
      { barcode: '871111111111', success: true },
      { barcode: '999', success: false, error: 'x' },
    ];
    expect(interpretBatchAnswer(SENT, answer)).toEqual(NOTHING);
  });

  it('holds a code sent twice if any of its results succeeded, whatever the order', () => {
    const twice = [SENT[0]!, SENT[0]!];
    expect(interpretBatchAnswer(twice, [{ barcode: A, success: false, error: 'Already checked' }, { barcode: A, success: true }])).toEqual({
      held: [held(A)],
      refused: [],
    });
    expect(interpretBatchAnswer(twice, [{ barcode: A, success: true }, { barcode: A, success: false, error: 'Already checked' }])).toEqual({
      held: [held(A)],
      refused: [],
    });
  });
});

describe('interpretBatchAnswer: objects keyed by barcode', () => {
  it('reads {data: {code: result}}', () => {
    const answer = { data: { [A]: { success: true }, [B]: { success: false, error: 'Not found' } } };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [held(A)], refused: [refused(B, 'Not found')] });
  });

  it('reads a top-level object keyed by code', () => {
    expect(interpretBatchAnswer(SENT, { [A]: true, [B]: 'not_found', [C]: { checked: false } })).toEqual({
      held: [held(A)],
      refused: [refused(B, 'not_found')],
    });
  });

  it('reads a PHP list with holes (small numeric keys) by the barcodes its items carry', () => {
    const answer = { 0: { barcode: A, success: true }, 2: { barcode: C, success: false, error: 'Refunded' } };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [held(A)], refused: [refused(C, 'Refunded')] });
  });

  it('does not confirm the one record sent by a result keyed by another barcode', () => {
    expect(interpretBatchAnswer([SENT[0]!], { 871111111111: { success: true } })).toEqual(NOTHING);
    expect(interpretBatchAnswer([SENT[0]!], { data: { 871111111111: { success: true } } })).toEqual(NOTHING);
  });
});

describe('interpretBatchAnswer: Laravel errors', () => {
  it('refuses by index path or by barcode, leaving the unnamed code unconfirmed', () => {
    const answer = { message: 'The given data was invalid.', errors: { '0.checked_at': ['The checked_at is not a valid date.'], [C]: 'Unknown barcode' } };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({
      held: [],
      refused: [refused(A, 'The checked_at is not a valid date.'), refused(C, 'Unknown barcode')],
    });
  });

  it('reads the index path of a bare-array body ("1.barcode")', () => {
    const answer = { message: 'The given data was invalid.', errors: { '1.barcode': ['Unknown barcode'] } };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ held: [], refused: [refused(B, 'Unknown barcode')] });
  });

  it('ignores errors about barcodes we did not send', () => {
    expect(interpretBatchAnswer(SENT, { errors: { 871111111111: 'x' } })).toEqual(NOTHING);
  });

  it('fails the request for an index beyond what was sent', () => {
    expect(interpretBatchAnswer(SENT, { errors: { '5.barcode': ['Unknown barcode'] } })).toEqual({
      held: [],
      refused: [],
      requestFailed: '5.barcode: Unknown barcode',
    });
  });

  it('reads an errors list by barcode', () => {
    expect(interpretBatchAnswer(SENT, { errors: [{ barcode: B, message: 'Refunded' }] })).toEqual({ held: [], refused: [refused(B, 'Refunded')] });
  });
});

describe('interpretBatchAnswer: hostile answers', () => {
  it('survives nesting deeper than any stack, without throwing or holding anything', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let deepObject: unknown = { barcode: A, success: false, error: 'x' };
    for (let i = 0; i < 100_000; i++) deepObject = { error: deepObject, errors: [deepObject] };
    const answers = [
      deep,
      deepObject,
      [{ barcode: A, success: false, error: deep }, { barcode: B, errors: deep }],
      { errors: { 0: deep }, message: deep, error: deep },
    ];
    for (const answer of answers) {
      const outcome = interpretBatchAnswer(SENT, answer);
      expect(outcome.held).toEqual([]);
      for (const r of outcome.refused) expect(r.reason.trim()).not.toBe('');
    }
  });

  it('clips a huge reason to 300 characters', () => {
    const outcome = interpretBatchAnswer(SENT, [{ barcode: A, success: false, error: 'x'.repeat(50_000) }]);
    expect(outcome.refused[0]!.reason).toHaveLength(300);
  });
});
