// CSV and Markdown helpers shared by the list and report renderers: a BOM so Excel reads UTF-8, formula-safe and escaped cells.
import { stringify } from 'csv-stringify/sync';
import { fenToPlain, type Fen } from '../domain/money.js';
import type { Text } from '../domain/text.js';
import { columnLabel } from './columns.js';
import type { CsvHeaders } from './registry.js';

/** An amount in fen: `1234.50` in CSV, a yuan number with two decimals in a workbook. */
export interface Money {
  readonly fen: Fen;
}
/** A share (0.5234): `0.5234` in CSV, a percentage in a workbook. */
export interface Share {
  readonly share: number;
}
export type CsvCell = string | number | boolean | null | undefined | Money | Share;

export function money(fen: Fen | null | undefined): Money | null {
  return fen === null || fen === undefined ? null : { fen };
}
export function share(x: number | null | undefined): Share | null {
  return x === null || x === undefined ? null : { share: x };
}

/** Rows under machine column names (snake_case, as in JSON): what CSV prints and a workbook's sheet holds. */
export interface DataTable {
  columns: readonly string[];
  rows: CsvCell[][];
  /** People's names for columns whose meaning here differs from the shared one in columns.ts. */
  labels?: Readonly<Record<string, Text>>;
}

/**
 * One cell for a spreadsheet: empty for null, true/false as words, and text that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) behind an apostrophe. Numbers, and text that is a plain number
 * such as "-12.50", stay as they are.
 */
export function csvCell(c: CsvCell): string | number {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') return 'fen' in c ? fenToPlain(c.fen) : c.share.toFixed(4);
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  if (typeof c === 'number') return c;
  return /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c) && c !== '-' ? `'${c}` : c;
}

/**
 * UTF-8 with a BOM (Excel on Chinese Windows opens it right), CRLF line ends, every cell through csvCell. The header row
 * keeps the machine names unless `headers` is 'zh' (`--headers zh`).
 */
export function toCsv(header: readonly string[], rows: CsvCell[][], headers: CsvHeaders = 'en', labels?: Readonly<Record<string, Text>>): string {
  const head = headers === 'zh' ? header.map((c) => columnLabel(c, 'zh', labels)) : [...header];
  return '\ufeff' + stringify([head, ...rows.map((r) => r.map(csvCell))], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** Rows without the header and BOM, as toCsv prints them: for writing a long CSV a piece at a time. */
export function csvRows(rows: CsvCell[][]): string {
  return stringify(rows.map((r) => r.map(csvCell)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

export function tableAsCsv(t: DataTable, headers: CsvHeaders = 'en'): string {
  return toCsv(t.columns, t.rows, headers, t.labels);
}

function mdCell(s: string | number | null | undefined): string {
  return s === null || s === undefined ? '' : String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function mdTable(header: string[], rows: (string | number | null | undefined)[][], rightAligned: number[] = []): string {
  const sep = header.map((_, i) => (rightAligned.includes(i) ? '---:' : '---'));
  return [header, sep, ...rows].map((r) => `| ${r.map(mdCell).join(' | ')} |`).join('\n') + '\n';
}

/** 0.5234 → "52.3%"; null → "-". */
export function percent(share: number | null): string {
  return share === null ? '-' : `${(share * 100).toFixed(1)}%`;
}
