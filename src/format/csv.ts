// CSV and Markdown helpers shared by the report renderers: a BOM so Excel reads UTF-8, machine amounts, escaped cells.
import { stringify } from 'csv-stringify/sync';

/** UTF-8 with a BOM (Excel on Chinese Windows opens it right), CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return '\ufeff' + stringify([header, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : c)))], { record_delimiter: '\r\n' });
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
