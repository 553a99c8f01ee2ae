import { describe, expect, it } from 'vitest';
import { interpretBatchAnswer } from './batch';

// The document's batch example.
const SENT = [
  { barcode: '875196723453', checked_at: '2020-03-02T18:08:35+03:00' },
  { barcode: '875136523412', checked_at: '2020-03-02T18:08:39+03:00' },
  { barcode: '875136213454', checked_at: '2020-03-02T18:08:40+03:00' },
];
const ALL = SENT.map((s) => s.barcode);
const [A, B, C] = ALL as [string, string, string];

describe('interpretBatchAnswer: nothing refused', () => {
  it.each([
    ['an empty body', null],
    ['{success: true}', { success: true }],
    ['true', true],
    ['"ok"', 'ok'],
    ['an empty array', []],
    ['an unrelated object', { count: 3, message: 'Checked 3 barcodes' }],
    ['echoed items', SENT.map((s) => ({ ...s, success: true }))],
    ['{data: echoed items}', { data: SENT }],
  ])('%s accepts everything sent', (_name, answer) => {
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ accepted: ALL, rejected: [] });
  });
});

describe('interpretBatchAnswer: per-item results', () => {
  it('rejects an item marked success:false with the server reason, accepts the rest', () => {
    const answer = [
      { barcode: A, success: true },
      { barcode: B, success: false, error: 'Билет уже отсканирован' },
      { barcode: C, success: true },
    ];
    expect(interpretBatchAnswer(SENT, answer)).toEqual({
      accepted: [A, C],
      rejected: [{ barcode: B, reason: 'Билет уже отсканирован' }],
    });
  });

  it('rejects items by status/code >= 400 and by an error or message without success', () => {
    const answer = {
      results: [
        { barcode: A, status: 404, message: 'Barcode not found' },
        { barcode: B, code: 422 },
        { barcode: C, error: { message: 'checked_at is invalid' } },
      ],
    };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({
      accepted: [],
      rejected: [
        { barcode: A, reason: 'Barcode not found' },
        { barcode: B, reason: 'code 422' },
        { barcode: C, reason: 'checked_at is invalid' },
      ],
    });
  });

  it('does not reject an item whose message comes with success:true', () => {
    const answer = { data: [{ barcode: A, success: true, message: 'ok' }, { barcode: B, status: 'error', message: 'Unknown barcode' }] };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ accepted: [A, C], rejected: [{ barcode: B, reason: 'Unknown barcode' }] });
  });

  it('reads numeric barcodes and ignores items for codes we did not send', () => {
    const answer = [{ barcode: 875196723453, success: false, error: 'Refunded' }, { barcode: '999', success: false, error: 'x' }];
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ accepted: [B, C], rejected: [{ barcode: A, reason: 'Refunded' }] });
  });

  it('matches items without a barcode by position only when the counts agree', () => {
    const parallel = [{ success: true }, { success: false, error: 'Duplicate' }, { success: true }];
    expect(interpretBatchAnswer(SENT, parallel)).toEqual({ accepted: [A, C], rejected: [{ barcode: B, reason: 'Duplicate' }] });

    const unmatched = [{ success: false, error: 'Duplicate' }];
    expect(interpretBatchAnswer(SENT, unmatched)).toEqual({ accepted: [], rejected: [], batchRefused: 'Duplicate' });
  });

  it('reads an object keyed by barcode', () => {
    const answer = { data: { [A]: { success: true }, [B]: { success: false, error: 'Not found' } } };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ accepted: [A, C], rejected: [{ barcode: B, reason: 'Not found' }] });
  });

  it('gives a reason even when the server gave none', () => {
    const res = interpretBatchAnswer(SENT, [{ barcode: A, success: false }]);
    expect(res.rejected).toEqual([{ barcode: A, reason: 'Rejected by the server without a reason' }]);
  });

  it('keeps a code sent twice accepted if any of its items succeeded', () => {
    const twice = [{ barcode: A }, { barcode: A }];
    const answer = [{ barcode: A, success: true }, { barcode: A, success: false, error: 'Already checked' }];
    expect(interpretBatchAnswer(twice, answer)).toEqual({ accepted: [A], rejected: [] });
  });
});

describe('interpretBatchAnswer: errors objects', () => {
  it('attributes Laravel errors keyed by index path or by barcode', () => {
    const answer = { message: 'Some barcodes failed', errors: { '0.checked_at': ['The checked_at is not a valid date.'], [C]: 'Unknown barcode' } };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({
      accepted: [B],
      rejected: [
        { barcode: A, reason: 'The checked_at is not a valid date.' },
        { barcode: C, reason: 'Unknown barcode' },
      ],
    });
  });

  it('ignores errors about barcodes we did not send', () => {
    expect(interpretBatchAnswer(SENT, { errors: { '871111111111': 'x' } })).toEqual({ accepted: ALL, rejected: [] });
  });

  it('refuses the batch for an error it cannot tie to a code', () => {
    expect(interpretBatchAnswer(SENT, { errors: { token: ['Expired'] } })).toEqual({
      accepted: [],
      rejected: [],
      batchRefused: 'token: Expired',
    });
  });

  it('reads an errors array by barcode', () => {
    const answer = { errors: [{ barcode: B, message: 'Refunded' }] };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({ accepted: [A, C], rejected: [{ barcode: B, reason: 'Refunded' }] });
  });
});

describe('interpretBatchAnswer: whole-batch refusal', () => {
  it('turns a top-level {success:false, error} into batchRefused, accepting nothing', () => {
    expect(interpretBatchAnswer(SENT, { success: false, error: 'Show is closed' })).toEqual({
      accepted: [],
      rejected: [],
      batchRefused: 'Show is closed',
    });
  });

  it('treats a top-level error or failing status as a refusal too', () => {
    expect(interpretBatchAnswer(SENT, { error: 'Some error', status: 403 }).batchRefused).toBe('Some error');
    expect(interpretBatchAnswer(SENT, { status: 500 }).batchRefused).toBe('Rejected by the server without a reason');
  });

  it('still names the items a refused batch blamed', () => {
    const answer = { success: false, error: 'Validation failed', errors: { '1.barcode': ['Unknown barcode'] } };
    expect(interpretBatchAnswer(SENT, answer)).toEqual({
      accepted: [],
      rejected: [{ barcode: B, reason: 'Unknown barcode' }],
      batchRefused: 'Validation failed',
    });
  });
});
