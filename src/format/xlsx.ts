// Excel workbooks (.xlsx) from plain sheet descriptions: numbers as numbers, money as yuan with two decimals, dates as date cells, bold totals, frozen header rows, column widths by display width (CJK counts two); write-excel-file loads only when a workbook is written.
import { fenToDisplay } from '../domain/money.js';
import type { Lang } from '../domain/text.js';
import { columnLabel } from './columns.js';
import type { DataTable, Money, Share } from './csv.js';
import { displayWidth } from './displayWidth.js';

export const MONEY_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const SHARE_FORMAT = '0.0%';

/** A calendar date cell (YYYY-MM-DD). */
export interface DateCell {
  readonly date: string;
}
export type XValue = string | number | boolean | null | undefined | Money | Share | DateCell;

/** header: the column names (bold, frozen); title/heading: bold text; subtotal/total: bold figures; prose: wrapped text; note: a line of text under a table. */
export type RowStyle = 'body' | 'header' | 'title' | 'heading' | 'subtotal' | 'total' | 'prose' | 'note';

export interface XRow {
  cells: XValue[];
  style?: RowStyle;
}

export interface XSheet {
  name: string;
  rows: XRow[];
  /** Rows kept in view when scrolling (the header row). */
  freezeRows?: number;
  /** Widths in characters, overriding the measured ones (a prose column). */
  widths?: (number | undefined)[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isObj(v: XValue): v is Money | Share | DateCell {
  return typeof v === 'object' && v !== null;
}

/** What a person sees in the cell, to size its column. */
function shown(v: XValue): string {
  if (v === null || v === undefined) return '';
  if (isObj(v)) return 'fen' in v ? fenToDisplay(v.fen) : 'share' in v ? `${(v.share * 100).toFixed(1)}%` : v.date;
  if (typeof v === 'number') return v.toLocaleString('en-US');
  return String(v);
}

type WxCell = Record<string, unknown> | null;

function cell(v: XValue, style: RowStyle): WxCell {
  const bold = style !== 'body' && style !== 'prose' && style !== 'note' ? { fontWeight: 'bold' } : {};
  const extra = style === 'title' ? { fontSize: 14 } : style === 'prose' ? { wrap: true, alignVertical: 'top' } : {};
  if (v === null || v === undefined || v === '') return null;
  if (isObj(v)) {
    if ('fen' in v) return { value: v.fen / 100, type: Number, format: MONEY_FORMAT, ...bold };
    if ('share' in v) return { value: v.share, type: Number, format: SHARE_FORMAT, ...bold };
    return dateCell(v.date, bold);
  }
  if (typeof v === 'number') return { value: v, type: Number, ...bold };
  if (typeof v === 'boolean') return { value: v, type: Boolean, ...bold };
  if (style !== 'header' && ISO_DATE.test(v)) return dateCell(v, bold);
  return { value: v, type: String, ...bold, ...extra };
}

function dateCell(d: string, bold: object): WxCell {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return { value: new Date(Date.UTC(y, m - 1, day)), type: Date, format: DATE_FORMAT, ...bold };
}

/** Column widths in characters: the widest cell (CJK two columns) plus a margin, between 6 and 60; titles and prose do not count. */
export function measureWidths(s: XSheet): number[] {
  const n = Math.max(0, ...s.rows.map((r) => r.cells.length));
  const w = Array.from({ length: n }, () => 6);
  for (const r of s.rows) {
    if (r.style === 'title' || r.style === 'heading' || r.style === 'prose' || r.style === 'note') continue;
    r.cells.forEach((c, i) => {
      w[i] = Math.max(w[i]!, Math.min(60, displayWidth(shown(c)) + 2));
    });
  }
  return w.map((x, i) => s.widths?.[i] ?? x);
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]; names must differ. */
function sheetNames(sheets: XSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((s, i) => {
    let name = s.name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || `Sheet${i + 1}`;
    for (let k = 2; used.has(name); k++) name = `${name.slice(0, 28)} ${k}`;
    used.add(name);
    return name;
  });
}

export async function workbook(sheets: XSheet[]): Promise<Uint8Array> {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const names = sheetNames(sheets);
  const parts = sheets.map((s, i) => {
    const width = Math.max(1, ...s.rows.map((r) => r.cells.length));
    const data = s.rows.length
      ? s.rows.map((r) => Array.from({ length: width }, (_, j) => cell(r.cells[j], r.style ?? 'body')))
      : [[null]];
    return {
      data,
      sheet: names[i]!,
      columns: measureWidths(s).map((w) => ({ width: w })),
      ...(s.freezeRows ? { stickyRowsCount: s.freezeRows } : {}),
    };
  });
  // write-excel-file's types describe its cell objects loosely; the cells above follow its documented shape.
  const buf = await writeExcelFile(parts as never).toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export interface TableSheetOptions {
  /** Bold rows (subtotals, totals) by index in the table's rows. */
  styleOf?: (row: number) => RowStyle | undefined;
  /** A title row above the header (the report's name and date). */
  title?: string;
  /** Lines under the table (notes, "an aid, not legal advice"). */
  notes?: string[];
}

/** A DataTable (the CSV's rows) as a sheet: header row in the person's language and frozen, figures typed. */
export function tableSheet(name: string, t: DataTable, lang: Lang, o: TableSheetOptions = {}): XSheet {
  const title: XRow[] = o.title ? [{ cells: [o.title], style: 'title' }] : [];
  const notes: XRow[] = o.notes?.length ? [{ cells: [] }, ...o.notes.map((n): XRow => ({ cells: [n], style: 'note' }))] : [];
  return {
    name,
    freezeRows: title.length + 1,
    rows: [
      ...title,
      { cells: t.columns.map((c) => columnLabel(c, lang, t.labels)), style: 'header' },
      ...t.rows.map((cells, i) => ({ cells, style: o.styleOf?.(i) ?? 'body' })),
      ...notes,
    ],
  };
}

/** One table, one sheet: what every list writes with --format xlsx. */
export function tableWorkbook(name: string, t: DataTable, lang: Lang, o: TableSheetOptions = {}): Promise<Uint8Array> {
  return workbook([tableSheet(name, t, lang, o)]);
}
