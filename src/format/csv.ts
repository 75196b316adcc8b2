// CSV and Markdown helpers shared by the list and report renderers: a BOM so Excel reads UTF-8, formula-safe and escaped cells.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One cell for a spreadsheet: empty for null, true/false as words, and text that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) behind an apostrophe. Numbers, and text that is a plain number
 * such as "-12.50", stay as they are.
 */
export function csvCell(c: CsvCell): string | number {
  if (c === null || c === undefined) return '';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  if (typeof c === 'number') return c;
  return /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c) && c !== '-' ? `'${c}` : c;
}

/** UTF-8 with a BOM (Excel on Chinese Windows opens it right), CRLF line ends, every cell through csvCell. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return '\ufeff' + stringify([header, ...rows.map((r) => r.map(csvCell))], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
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
