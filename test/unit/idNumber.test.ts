// GB 11643 ID numbers: check digit (including X), and masking.
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckDigit, maskIdNumber, maskPhone, normalizeIdNumber } from '../../src/domain/idNumber.js';

describe('checkIdNumber', () => {
  it('accepts valid numbers, including the X check digit', () => {
    expect(checkIdNumber('11010519491231002X')).toBe('ok');
    expect(checkIdNumber('11010519491231002x')).toBe('ok');
    expect(checkIdNumber(' 110105 19491231 002X ')).toBe('ok');
    expect(checkIdNumber('451123197702145690')).toBe('ok');
  });
  it('names what is wrong', () => {
    expect(checkIdNumber('110105194912310021')).toBe('check-digit');
    expect(checkIdNumber('11010519491231002')).toBe('length');
    expect(checkIdNumber('110105194912310')).toBe('length');
    expect(checkIdNumber('11010519491231X02X')).toBe('format');
  });
  it('computes the check digit for every remainder', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const first = `4511231977021${String(4500 + i).slice(0, 4)}`;
      const d = idCheckDigit(first);
      seen.add(d);
      expect(checkIdNumber(first + d)).toBe('ok');
    }
    expect(seen.size).toBe(11);
  });
  it('normalizes and masks', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(maskIdNumber('451123197702145690')).toBe('4511**********5690');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskPhone('13984320001')).toBe('139****0001');
  });
});
