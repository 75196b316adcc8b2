// yuanInCapitals: amounts in Chinese capitals (人民币大写) by the banking rules — 零 placement, 整, 角/分, up to 亿.
import { describe, expect, it } from 'vitest';
import { MAX_CAPITALS_FEN, parseYuan, yuanInCapitals } from '../../src/domain/money.js';

/** Written from the rules by hand (the PBOC's "正确填写票据和结算凭证的基本规定" and its worked examples), not from the code. */
const CASES: [string, string][] = [
  // Nothing, fen and jiao alone: no 元 below one yuan; nothing follows 角 or 分.
  ['0.00', '零元整'],
  ['0.01', '壹分'],
  ['0.05', '伍分'],
  ['0.10', '壹角'],
  ['0.50', '伍角'],
  ['0.25', '贰角伍分'],
  ['0.99', '玖角玖分'],
  // Whole yuan: 整 after 元; a leading 1 before 拾 is 壹拾.
  ['1.00', '壹元整'],
  ['9.00', '玖元整'],
  ['10.00', '壹拾元整'],
  ['11.00', '壹拾壹元整'],
  ['16.00', '壹拾陆元整'],
  ['20.00', '贰拾元整'],
  ['100.00', '壹佰元整'],
  ['101.00', '壹佰零壹元整'],
  ['110.00', '壹佰壹拾元整'],
  ['600.00', '陆佰元整'],
  ['1,000.00', '壹仟元整'],
  ['1,001.00', '壹仟零壹元整'],
  ['1,010.00', '壹仟零壹拾元整'],
  ['1,100.00', '壹仟壹佰元整'],
  ['1,500.00', '壹仟伍佰元整'],
  ['1,409.00', '壹仟肆佰零玖元整'],
  ['10,000.00', '壹万元整'],
  ['10,050.00', '壹万零伍拾元整'],
  ['10,001.00', '壹万零壹元整'],
  ['16,409.00', '壹万陆仟肆佰零玖元整'],
  ['100,000.00', '壹拾万元整'],
  ['100,010.00', '壹拾万零壹拾元整'],
  ['101,000.00', '壹拾万壹仟元整'],
  ['107,000.00', '壹拾万柒仟元整'],
  ['110,000.00', '壹拾壹万元整'],
  ['1,000,000.00', '壹佰万元整'],
  ['1,000,100.00', '壹佰万零壹佰元整'],
  ['10,000,000.00', '壹仟万元整'],
  ['100,000,000.00', '壹亿元整'],
  ['100,001,000.00', '壹亿零壹仟元整'],
  ['100,000,001.00', '壹亿零壹元整'],
  ['101,000,000.00', '壹亿零壹佰万元整'],
  ['110,000,000.00', '壹亿壹仟万元整'],
  ['1,000,000,000.00', '壹拾亿元整'],
  ['10,000,000,000.00', '壹佰亿元整'],
  ['12,345,678,901.23', '壹佰贰拾叁亿肆仟伍佰陆拾柒万捌仟玖佰零壹元贰角叁分'],
  // Jiao and fen after yuan: 零 after 元 when the yuan end in 0 and there are jiao, or when there are fen but no jiao.
  ['1,500.50', '壹仟伍佰元零伍角'],
  ['1,500.05', '壹仟伍佰元零伍分'],
  ['1,500.55', '壹仟伍佰元零伍角伍分'],
  ['1,680.32', '壹仟陆佰捌拾元零叁角贰分'],
  ['1,409.50', '壹仟肆佰零玖元伍角'],
  ['6,007.14', '陆仟零柒元壹角肆分'],
  ['325.04', '叁佰贰拾伍元零肆分'],
  ['16,409.02', '壹万陆仟肆佰零玖元零贰分'],
  ['1.50', '壹元伍角'],
  ['1.05', '壹元零伍分'],
  ['10.10', '壹拾元零壹角'],
  ['1,000,000.01', '壹佰万元零壹分'],
  ['107,000.53', '壹拾万柒仟元零伍角叁分'],
  ['999,999,999,999.99', '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
];

describe('yuanInCapitals', () => {
  it(`has at least 40 worked cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s → %s', (yuan, want) => {
    const p = parseYuan(yuan);
    if (!p.ok) throw new Error(`bad case ${yuan}`);
    expect(yuanInCapitals(p.fen)).toBe(want);
  });

  it('never writes two 零 in a row, never ends in 零, and writes 整 only right after 元', () => {
    // A sweep over every amount up to 100,000.00 in steps that hit each digit pattern, plus the big groups.
    const amounts: number[] = [];
    for (let f = 1; f <= 10_000_000; f += 1_001) amounts.push(f);
    for (let y = 1; y <= 99_999; y += 7) amounts.push(y * 100_000_000 + 1);
    for (const f of amounts) {
      const s = yuanInCapitals(f);
      expect(s, String(f)).not.toMatch(/零零/);
      expect(s, String(f)).not.toMatch(/零$/);
      expect(s, String(f)).not.toMatch(/^零./);
      expect(s, String(f)).not.toMatch(/[^元]整/);
      expect(s.endsWith('整'), String(f)).toBe(f % 100 === 0);
      expect(s, String(f)).not.toMatch(/(^|[^壹贰叁肆伍陆柒捌玖])拾/); // 拾 always has its digit (壹拾)
      expect(s, String(f)).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
    }
  });

  it('refuses what cannot be written', () => {
    expect(() => yuanInCapitals(-1)).toThrow(RangeError);
    expect(() => yuanInCapitals(1.5)).toThrow(RangeError);
    expect(() => yuanInCapitals(MAX_CAPITALS_FEN + 1)).toThrow(RangeError);
    expect(yuanInCapitals(MAX_CAPITALS_FEN)).toMatch(/^玖仟/);
  });
});
