import { describe, expect, it } from 'vitest';
import { settleLateLookup, type LateAnswer } from './late-sale.ts';

const held = (showId: number, checkedAt: string | null, code = '871000000001'): LateAnswer => ({ showId, code, state: 'held', checkedAt });
const absent = (showId: number, code = '871000000001'): LateAnswer => ({ showId, code, state: 'absent' });
const failed = (showId: number, code = '871000000001'): LateAnswer => ({ showId, code, state: 'failed' });

describe('settling the late-sales answers', () => {
  it('finds the show that holds the code, preferring one where it is not yet used', () => {
    expect(settleLateLookup([absent(1), held(2, null)])).toEqual({ found: true, showId: 2, code: '871000000001', checkedAt: null });
    expect(settleLateLookup([held(1, '2026-12-29T19:03:12+03:00'), held(2, null, '8710000000014')])).toMatchObject({ showId: 2, code: '8710000000014' });
    expect(settleLateLookup([failed(1), held(2, '2026-12-29T19:03:12+03:00')])).toMatchObject({ found: true, checkedAt: '2026-12-29T19:03:12+03:00' });
  });

  it('says "not found" only when every show said so; a silent show may be the one that sold it', () => {
    expect(settleLateLookup([absent(1), absent(2)])).toEqual({ found: false, server: 'absent' });
    expect(settleLateLookup([absent(1), failed(2)])).toEqual({ found: false, server: 'unreachable' });
    expect(settleLateLookup([])).toEqual({ found: false, server: 'unreachable' });
  });
});
