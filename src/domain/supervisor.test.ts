import { describe, expect, it } from 'vitest';
import { checkOverrideInput, cleanWords, isOverridable, MAX_WORDS, overrideDelivery, roleOf } from './supervisor.ts';

describe('roleOf', () => {
  it('makes everyone the supervisor on a device without a PIN, as before roles existed', () => {
    expect(roleOf(false, false)).toBe('supervisor');
  });
  it('makes a device with a PIN a steward until the PIN unlocks it', () => {
    expect(roleOf(true, false)).toBe('steward');
    expect(roleOf(true, true)).toBe('supervisor');
  });
});

describe('isOverridable', () => {
  it('offers "admit anyway" on every denial that names a ticket', () => {
    for (const kind of ['already_checked', 'wrong_show', 'wrong_zone', 'too_early', 'show_over', 'revoked'] as const) expect(isOverridable(kind)).toBe(true);
  });
  it('does not offer it for an admission or a code on no list', () => {
    expect(isOverridable('valid')).toBe(false);
    expect(isOverridable('unknown')).toBe(false);
  });
});

describe('overrideDelivery', () => {
  it('sends a listed ticket that nobody has used yet to Qtickets as a real check-in', () => {
    expect(overrideDelivery({ revoked: false, admitted: false })).toBe('qtickets');
  });
  it('keeps an already used ticket on the device: Qtickets holds its first check-in already', () => {
    expect(overrideDelivery({ revoked: false, admitted: true })).toBe('local');
  });
  it('keeps a cancelled ticket on the device: Qtickets no longer sells it', () => {
    expect(overrideDelivery({ revoked: true, admitted: false })).toBe('local');
  });
});

describe('checkOverrideInput', () => {
  it('needs a reason from the list', () => {
    expect(checkOverrideInput(null, 'друг директора')).toEqual({ ok: false, problem: 'no_reason' });
    expect(checkOverrideInput('bribe', '')).toEqual({ ok: false, problem: 'no_reason' });
  });
  it('needs words of the supervisor\'s own for "other"', () => {
    expect(checkOverrideInput('other', '   ')).toEqual({ ok: false, problem: 'no_text' });
    expect(checkOverrideInput('other', ' опоздал на 3 часа ')).toEqual({ ok: true, reason: 'other', text: 'опоздал на 3 часа' });
  });
  it('keeps words given with any reason, and none when there are none', () => {
    expect(checkOverrideInput('vip', 'с артистом')).toEqual({ ok: true, reason: 'vip', text: 'с артистом' });
    expect(checkOverrideInput('supervisor', '')).toEqual({ ok: true, reason: 'supervisor' });
  });
});

describe('cleanWords', () => {
  it('makes one trimmed line of what a person typed or a scanner left', () => {
    expect(cleanWords('  без\tбраслета\r\n')).toBe('без браслета');
    expect(cleanWords('без\u200bбраслета')).toBe('без браслета');
  });
  it('cuts at the limit without splitting a character in two', () => {
    const long = '😀'.repeat(MAX_WORDS + 10);
    expect(Array.from(cleanWords(long))).toHaveLength(MAX_WORDS);
    expect(cleanWords(long).endsWith('😀')).toBe(true);
  });
  it('leaves nothing of blank input', () => {
    expect(cleanWords(' \n\t ')).toBe('');
  });
});
