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
