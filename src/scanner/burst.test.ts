import { describe, expect, it } from 'vitest';
import { BURST_GAP_MS, BURST_MIN_LENGTH, createKeyReader, KEYS_MAX_LENGTH, TYPED_GAP_MS } from './burst.ts';

/** Types `text` starting at `t`, one key every `gap` ms; returns the time of the last key. */
function typeAt(reader: ReturnType<typeof createKeyReader>, text: string, t: number, gap: number): number {
  let at = t;
  for (const [i, c] of [...text].entries()) {
    at = t + i * gap;
    reader.char(c, at);
  }
  return at;
}

describe('key reader: scanner bursts', () => {
  it('takes six or more keys under 30 ms apart, ended promptly, for a scan', () => {
    const r = createKeyReader();
    const last = typeAt(r, '878518776863', 0, 8);
    expect(r.endsBurst(last + 8)).toBe(true);
    expect(r.text).toBe('878518776863');
  });

  it('keeps the spaces of a grouped code (normalising drops them later)', () => {
    const r = createKeyReader();
    const last = typeAt(r, '8785 1877 6863', 0, 5);
    expect(r.endsBurst(last + 5)).toBe(true);
    expect(r.text).toBe('8785 1877 6863');
  });

  it('does not take a person for a scanner: keys 30 ms apart or more', () => {
    const r = createKeyReader();
    const last = typeAt(r, '878518776863', 0, BURST_GAP_MS);
    expect(r.endsBurst(last + 5)).toBe(false);
    expect(r.typed(last + 5)).toBe('878518776863');
  });

  it('needs six keys: a short fast run is a person rolling over keys', () => {
    const r = createKeyReader();
    const last = typeAt(r, '12345', 0, 5);
    expect(r.endsBurst(last + 5)).toBe(false);
    typeAt(r, '6', last + 5, 5);
    expect(r.endsBurst(last + 10)).toBe(true);
    expect(BURST_MIN_LENGTH).toBe(6);
  });

  it('needs the terminator at scanner speed too', () => {
    const r = createKeyReader();
    const last = typeAt(r, '878518776863', 0, 5);
    expect(r.endsBurst(last + BURST_GAP_MS)).toBe(false);
  });

  it('judges the burst by its last keys: a first key that came late still ends in a burst', () => {
    // A scanner's first key often comes late (the device waking, the page busy): the code is
    // still everything typed since the last pause, the caller decides what to make of it.
    const r = createKeyReader();
    r.char('8', 0);
    const last = typeAt(r, '72786637348', 45, 5);
    expect(r.endsBurst(last + 5)).toBe(true);
    expect(r.typed(last + 5)).toBe('872786637348');
  });

  it('one slow key in the middle breaks the burst', () => {
    const r = createKeyReader();
    const mid = typeAt(r, '878518', 0, 5);
    const last = typeAt(r, '776', mid + 50, 5);
    expect(r.endsBurst(last + 5)).toBe(false);
  });

  it('continues() tells whether a key is still part of the burst', () => {
    const r = createKeyReader();
    expect(r.continues(0)).toBe(false);
    r.char('8', 100);
    expect(r.continues(100 + BURST_GAP_MS - 1)).toBe(true);
    expect(r.continues(100 + BURST_GAP_MS)).toBe(false);
  });
});

describe('key reader: typing with nothing focused', () => {
  it('forgets keys after a pause', () => {
    const r = createKeyReader();
    r.char('9', 0);
    r.char('1', TYPED_GAP_MS + 1);
    expect(r.typed(TYPED_GAP_MS + 2)).toBe('1');
    expect(r.typed(2 * TYPED_GAP_MS + 2)).toBeNull();
  });

  it('clear() starts afresh', () => {
    const r = createKeyReader();
    typeAt(r, '878518776863', 0, 5);
    r.clear();
    expect(r.text).toBe('');
    expect(r.typed(60)).toBeNull();
    expect(r.endsBurst(60)).toBe(false);
  });

  it('caps a runaway burst', () => {
    const r = createKeyReader();
    const last = typeAt(r, '9'.repeat(KEYS_MAX_LENGTH + 100), 0, 1);
    expect(r.text).toHaveLength(KEYS_MAX_LENGTH);
    expect(r.endsBurst(last + 1)).toBe(true);
  });
});
