// Maps a file's header row (English or Chinese names) to the fields an import knows.
import type { Text } from '../domain/text.js';
import type { Cell } from './readTable.js';

export interface FieldSpec<F extends string> {
  field: F;
  aliases: string[];
  required: boolean;
}

export interface HeaderMap<F extends string> {
  /** field → column index */
  index: Partial<Record<F, number>>;
  /** field → the header text as written in the file (for error messages) */
  label: Partial<Record<F, string>>;
  unknown: string[];
  missing: F[];
  duplicate: string[];
}

function norm(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    // Exports often state the unit: 本金（元）, 贷款余额(元). Only yuan: 万元 would silently scale the amounts.
    .replace(/\s*[（(]\s*(元|人民币元|rmb|cny|yuan)\s*[)）]$/, '')
    .replace(/[\s_\-（）()：:]/g, '');
}

export function mapHeader<F extends string>(cells: Cell[], specs: readonly FieldSpec<F>[]): HeaderMap<F> {
  const lookup = new Map<string, F>();
  for (const s of specs) {
    lookup.set(norm(s.field), s.field);
    for (const a of s.aliases) lookup.set(norm(a), s.field);
  }
  const index: Partial<Record<F, number>> = {};
  const label: Partial<Record<F, string>> = {};
  const unknown: string[] = [];
  const duplicate: string[] = [];
  cells.forEach((c, i) => {
    const raw = c === null || c === undefined ? '' : String(c).trim();
    if (raw === '') return;
    const f = lookup.get(norm(raw));
    if (!f) {
      unknown.push(raw);
      return;
    }
    if (index[f] !== undefined) {
      duplicate.push(raw);
      return;
    }
    index[f] = i;
    label[f] = raw.replace(/^\uFEFF/, '');
  });
  const missing = specs.filter((s) => s.required && index[s.field] === undefined).map((s) => s.field);
  return { index, label, unknown, missing, duplicate };
}

export function describeFields<F extends string>(specs: readonly FieldSpec<F>[]): Text {
  const zh = specs.map((s) => `${s.field}（${s.aliases.filter((a) => /[\u4e00-\u9fff]/.test(a)).join('/')}）`).join('、');
  const en = specs.map((s) => s.field).join(', ');
  return { zh, en };
}
