import { describe, expect, it } from 'vitest';
import { candidateCodes, ean13CheckDigit, isPlausibleTicketCode, MAX_CODE_LENGTH, normaliseCode } from './code.ts';

describe('normaliseCode', () => {
  it('trims spaces and the CR/LF/TAB scanners append', () => {
    expect(normaliseCode('  871495495233\r\n')).toBe('871495495233');
    expect(normaliseCode('\t871495495233\t')).toBe('871495495233');
  });

  it('drops control characters and invisible marks inside the read', () => {
    expect(normaliseCode('\u001d8714\u0000954\u200b95233\ufeff')).toBe('871495495233');
  });

  it('returns null when nothing is left', () => {
    expect(normaliseCode('')).toBeNull();
    expect(normaliseCode(' \r\n\u0000\u200b ')).toBeNull();
  });

  it('keeps letters and punctuation of non-numeric codes untouched', () => {
    expect(normaliseCode('AB-12/x')).toBe('AB-12/x');
    expect(normaliseCode('Билет №5')).toBe('Билет №5');
  });

  it('drops the spaces and dashes of a code printed in groups', () => {
    expect(normaliseCode('8785 1877 6863')).toBe('878518776863');
    expect(normaliseCode('8785-1877-6863')).toBe('878518776863');
    expect(normaliseCode('8785  1877 - 6863')).toBe('878518776863');
    // No-break and thin spaces from a copied confirmation e-mail, an en dash from a word processor.
    expect(normaliseCode('8785\u00a01877\u202f6863')).toBe('878518776863');
    expect(normaliseCode('8785\u20131877\u20096863')).toBe('878518776863');
  });

  it('leaves separators alone unless every group is digits', () => {
    expect(normaliseCode('AB 12')).toBe('AB 12');
    expect(normaliseCode('12-AB')).toBe('12-AB');
    expect(normaliseCode('12/34')).toBe('12/34');
    expect(normaliseCode('-1234')).toBe('-1234');
    expect(normaliseCode('1234-')).toBe('1234-');
  });

  it('still offers the 12-digit code of a grouped EAN-13 read', () => {
    expect(candidateCodes(normaliseCode('8 714954 952330')!)).toEqual(['8714954952330', '871495495233']);
  });

  it('caps a runaway input', () => {
    expect(normaliseCode('9'.repeat(10_000))).toHaveLength(MAX_CODE_LENGTH);
  });
});

describe('candidateCodes', () => {
  it('computes EAN-13 check digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1); // 4006381333931 is a known valid EAN-13
    expect(ean13CheckDigit('871495495233')).toBe(0);
  });

  it('accepts a 13-digit EAN-13 read of a 12-digit code when the check digit matches', () => {
    expect(candidateCodes('8714954952330')).toEqual(['8714954952330', '871495495233']);
  });

  it('does not strip a 13th digit that is not a valid check digit', () => {
    expect(candidateCodes('8714954952331')).toEqual(['8714954952331']);
  });

  it('leaves 12-digit and other codes alone', () => {
    expect(candidateCodes('871495495233')).toEqual(['871495495233']);
    expect(candidateCodes('ABC')).toEqual(['ABC']);
  });
});

describe('which reads may be asked about online', () => {
  it('asks about letters and digits of a ticket’s length, never noise, links or text', () => {
    for (const code of ['871495495233', '8714954952330', 'AB12CD34']) expect(isPlausibleTicketCode(code), code).toBe(true);
    for (const code of ['12345', 'https://example.org/x', '<script>alert(1)</script>', '8714 9549', 'билет123', '9'.repeat(65)]) {
      expect(isPlausibleTicketCode(code), code).toBe(false);
    }
  });
});
