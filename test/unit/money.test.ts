// parseYuan: the amount forms rosters carry, and the ones it must refuse.
import { describe, expect, it } from 'vitest';
import { fenToDisplay, fenToPlain, parseYuan } from '../../src/domain/money.js';

describe('parseYuan', () => {
  it.each([
    ['0', 0],
    ['600', 60000],
    [' 600 ', 60000],
    ['1234.5', 123450],
    ['1234.50', 123450],
    ['1,234.50', 123450],
    ['1,234,567.89', 123456789],
    ['¥1,234.50', 123450],
    ['￥ 600', 60000],
    ['600元', 60000],
    ['600 元', 60000],
    ['¥600元', 60000],
    ['600.', 60000],
    ['600.000', 60000],
    ['0.01', 1],
    ['9999999999999.99', 999999999999999],
  ] as const)('%s → %i fen', (s, fen) => expect(parseYuan(s)).toEqual({ ok: true, fen }));

  it('takes numbers from .xlsx cells without float noise', () => {
    expect(parseYuan(1234.5)).toEqual({ ok: true, fen: 123450 });
    expect(parseYuan(0.1 + 0.2)).toEqual({ ok: true, fen: 30 });
    expect(parseYuan(1.005)).toEqual({ ok: false, why: 'decimals' });
    expect(parseYuan(Number.NaN)).toEqual({ ok: false, why: 'format' });
    expect(parseYuan(1e21)).toEqual({ ok: false, why: 'format' });
  });

  it.each([
    ['-5', 'negative'],
    ['-1,234.50', 'negative'],
    ['1.234', 'decimals'],
    ['12.001', 'decimals'],
    ['abc', 'format'],
    ['', 'format'],
    ['1,23.00', 'format'],
    ['12,34', 'format'],
    ['1 234', 'format'],
    ['1.2.3', 'format'],
    ['.5', 'format'],
    ['99999999999999', 'too-large'],
  ] as const)('%s is refused (%s)', (s, why) => expect(parseYuan(s)).toEqual({ ok: false, why }));
});

describe('fen rendering', () => {
  it('plain and display forms', () => {
    expect(fenToPlain(123450)).toBe('1234.50');
    expect(fenToPlain(5)).toBe('0.05');
    expect(fenToPlain(-5)).toBe('-0.05');
    expect(fenToDisplay(123456789)).toBe('1,234,567.89');
    expect(fenToDisplay(0)).toBe('0.00');
  });
});
