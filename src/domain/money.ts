// Money as integer fen: parsing yuan text at the edge, arithmetic only on integers.
export type Fen = number;

const YUAN_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

export type ParseMoneyResult = { ok: true; fen: Fen } | { ok: false; why: 'format' | 'negative' | 'decimals' | 'too-large' };

/**
 * Parses a yuan amount as written in rosters: `1234.5`, `1,234.50`, `¥1,234.50`, `1234.50元`, ` 600 `.
 * Never goes through floating point.
 */
export function parseYuan(input: string | number): ParseMoneyResult {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, why: 'format' };
    // Numbers come from .xlsx cells; round-trip through a fixed string to avoid binary noise (0.1+0.2).
    s = Number(input.toFixed(6)).toString();
    if (s.includes('e')) return { ok: false, why: 'format' };
  } else {
    s = input;
  }
  s = s.trim().replace(/^[¥￥]\s*/, '').replace(/\s*(元|RMB|CNY)$/i, '').replace(/^[¥￥]\s*/, '').trim();
  if (/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  const dec = /^-?\d+\.(\d+)$/.exec(s);
  if (dec && dec[1]!.length > 2) {
    // Trailing zeros beyond two places are harmless (Excel writes 600.000).
    if (/^0+$/.test(dec[1]!.slice(2))) s = s.slice(0, s.length - (dec[1]!.length - 2));
    else return { ok: false, why: 'decimals' };
  }
  if (s.endsWith('.')) s = s.slice(0, -1);
  const m = YUAN_RE.exec(s);
  if (!m) return { ok: false, why: 'format' };
  if (m[1]) return { ok: false, why: 'negative' };
  const yuan = m[2]!;
  const fenPart = (m[3] ?? '').padEnd(2, '0');
  if (yuan.length > 13) return { ok: false, why: 'too-large' };
  return { ok: true, fen: Number(yuan) * 100 + Number(fenPart) };
}

/** `123450` → `1234.50` (machine form, for CSV and JSON-adjacent text). */
export function fenToPlain(fen: Fen): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  const s = `${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** `123450` → `1,234.50` (for people). */
export function fenToDisplay(fen: Fen): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  const yuan = String(Math.trunc(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const s = `${yuan}.${String(a % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

const CAP_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CAP_PLACES = ['', '拾', '佰', '仟'];
const CAP_GROUPS = ['', '万', '亿'];
/** The largest amount written in capitals: 9,999 亿 9,999 万 9,999 元 9 角 9 分. */
export const MAX_CAPITALS_FEN = 999_999_999_999_99;

/** One group of four digits (1..9999); leading zeros are the caller's business, inner zeros become one 零. */
function capitalGroup(n: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // Banking rule: a leading 1 before 拾 is written 壹拾, never 拾 alone.
    out += CAP_DIGITS[d]! + CAP_PLACES[p]!;
  }
  return out;
}

/**
 * An amount in Chinese capitals (人民币大写) as written on notes and bank vouchers under the PBOC settlement rules:
 * `150000` → 壹仟伍佰元整, `150050` → 壹仟伍佰元零伍角, `1005000` → 壹万零伍拾元整, `5` → 伍分.
 * - 整 follows 元 when there are no jiao or fen; nothing follows 角 or 分.
 * - A zero between non-zero digits is one 零, however many zeros there are (壹万零伍拾); a whole group of zeros
 *   between two non-zero groups is one 零 too (壹亿零壹仟). A zero at the end of a group before a full lower group
 *   (101,000) is read as Chinese numbers are read, without 零 (壹拾万壹仟元整; the rules allow either form).
 * - When the yuan end in 0 and there are jiao, or there are fen but no jiao, 零 follows 元 (壹仟伍佰元零伍角, 叁佰贰拾伍元零肆分).
 * - Below one yuan there is no 元 (伍角, 伍分, 贰角伍分); nothing at all is 零元整.
 * The words 人民币 are the caller's to add. Throws a RangeError for a negative, fractional or too large amount.
 */
export function yuanInCapitals(fen: Fen): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_CAPITALS_FEN) {
    throw new RangeError(`yuanInCapitals: ${fen} fen cannot be written in capitals`);
  }
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = '';
  if (yuan > 0) {
    const groups = [yuan % 10_000, Math.floor(yuan / 10_000) % 10_000, Math.floor(yuan / 100_000_000)];
    let gap = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const v = groups[g]!;
      if (v === 0) {
        if (out !== '') gap = true;
        continue;
      }
      if (out !== '' && (gap || v < 1000)) out += '零';
      gap = false;
      out += capitalGroup(v) + CAP_GROUPS[g]!;
    }
    out += '元';
    if (jiao === 0 && cents === 0) return out + '整';
    if (yuan % 10 === 0 || jiao === 0) out += '零';
  }
  if (jiao > 0) out += CAP_DIGITS[jiao]! + '角';
  if (cents > 0) out += CAP_DIGITS[cents]! + '分';
  return out;
}
