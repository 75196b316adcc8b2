// Turns raw cells (CSV text or typed .xlsx values) into checked values, with a located reason when they are bad.
import { parseYuan, type Fen } from '../domain/money.js';
import { excelSerialToDate, parseDate, type IsoDate } from '../domain/dates.js';
import { text, type Text } from '../domain/text.js';
import type { Cell } from './readTable.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: Text };

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(c);
  return String(c).trim();
}

export function cellMoney(c: Cell | undefined): Checked<Fen> {
  if (c === null || c === undefined || (typeof c === 'string' && c.trim() === '')) {
    return { ok: false, reason: text('金额为空', 'the amount is empty') };
  }
  if (c instanceof Date || typeof c === 'boolean') return { ok: false, reason: text('不是金额', 'not an amount') };
  const r = parseYuan(c);
  if (r.ok) return { ok: true, value: r.fen };
  const shown = cellText(c);
  switch (r.why) {
    case 'negative':
      return { ok: false, reason: text(`金额不能为负数（${shown}）`, `the amount cannot be negative (${shown})`) };
    case 'decimals':
      return { ok: false, reason: text(`金额最多两位小数（${shown}）`, `the amount has more than 2 decimals (${shown})`) };
    case 'too-large':
      return { ok: false, reason: text(`金额过大（${shown}）`, `the amount is too large (${shown})`) };
    default:
      return {
        ok: false,
        reason: text(`“${shown}”不是金额：请写成 1234.50 或 1,234.50`, `"${shown}" is not an amount: write it like 1234.50 or 1,234.50`),
      };
  }
}

export function cellDate(c: Cell | undefined): Checked<IsoDate> {
  if (c instanceof Date) {
    const d = `${c.getUTCFullYear()}-${String(c.getUTCMonth() + 1).padStart(2, '0')}-${String(c.getUTCDate()).padStart(2, '0')}`;
    return { ok: true, value: d };
  }
  if (typeof c === 'number') {
    const d = excelSerialToDate(c);
    if (d) return { ok: true, value: d };
  }
  const s = cellText(c);
  const d = parseDate(s);
  if (d) return { ok: true, value: d };
  return {
    ok: false,
    reason: text(
      `“${s}”不是有效日期：请写成 2024-03-01、2024/3/1 或 2024年3月1日`,
      `"${s}" is not a valid date: write it like 2024-03-01, 2024/3/1 or 2024年3月1日`,
    ),
  };
}
