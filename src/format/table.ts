// Aligned tables for people: CJK-aware widths, our own wrapping (cli-table3's drops Chinese), optional ASCII borders.
import { createRequire } from 'node:module';
import type Table from 'cli-table3';

// cli-table3 and string-width (~40 ms to load: it builds an Intl.Segmenter) load with the first table drawn, so JSON
// and CSV output, and commands that print no table, never pay for them. string-width is an ES module: require() of it
// needs Node 20.19+ or 22.12+, which package.json's engines already ask for.
const require = createRequire(import.meta.url);
let libs: { Table: typeof Table; stringWidth: (s: string) => number } | undefined;
function tableLibs(): NonNullable<typeof libs> {
  return (libs ??= { Table: require('cli-table3') as typeof Table, stringWidth: (require('string-width') as { default: (s: string) => number }).default });
}

/** Display width: a CJK character counts two columns. */
export function stringWidth(s: string): number {
  return tableLibs().stringWidth(s);
}

export type Align = 'left' | 'right';
export interface Column {
  header: string;
  align?: Align;
  /** Wrap cells wider than this many display columns. */
  maxWidth?: number;
}

export interface TableOptions {
  ascii?: boolean;
}

const ASCII_CHARS = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '|',
  'right-mid': '',
  middle: '|',
};

/** Splits text into lines no wider than `width` display columns (a CJK character is two). */
export function wrapByWidth(s: string, width: number): string {
  const out: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = stringWidth(ch);
      if (w + cw > width && line !== '') {
        out.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
    out.push(line);
  }
  return out.join('\n');
}

export function renderTable(columns: Column[], rows: (string | number | null)[][], opts: TableOptions = {}): string {
  const t = new (tableLibs().Table)({
    head: columns.map((c) => c.header),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    colAligns: columns.map((c) => c.align ?? 'left'),
    // No rule between body rows: denser tables read better on a laptop screen.
    chars: opts.ascii ? ASCII_CHARS : { 'left-mid': '', mid: '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) {
    t.push(
      r.map((cell, i) => {
        const s = cell === null || cell === undefined ? '' : String(cell);
        const max = columns[i]?.maxWidth;
        return max && stringWidth(s) > max ? wrapByWidth(s, max) : s;
      }),
    );
  }
  // cli-table3 draws the header rule with the same characters as body rules, which we turn off: add it back.
  const lines = t.toString().split('\n');
  const rule = lines[0]!.replace(/^┌/, '├').replace(/┐$/, '┤').replace(/┬/g, '┼');
  lines.splice(2, 0, rule);
  return lines.join('\n') + '\n';
}

export function asJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

