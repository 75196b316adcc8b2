// Aligned tables for people: CJK-aware widths, our own wrapping (cli-table3's drops Chinese), optional ASCII borders,
// and tables that fit the terminal (long text truncated with an ellipsis, or the table split into stacked parts).
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

/** Display width: a CJK character counts two columns; colour codes count none. */
export function stringWidth(s: string): number {
  return tableLibs().stringWidth(s);
}

export type Align = 'left' | 'right';
export interface Column {
  header: string;
  align?: Align;
  /** Wrap cells wider than this many display columns (at spaces and between Chinese characters where possible). */
  maxWidth?: number;
  /**
   * Never truncated or split to fit the terminal: loan numbers, dates, amounts. Right-aligned columns and columns
   * holding only dates or numbers are treated so without saying.
   */
  noTruncate?: boolean;
}

export interface TableOptions {
  ascii?: boolean;
  /** The terminal's width in columns; undefined draws the table at its natural width (a pipe or a file). */
  width?: number;
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

// Chinese typography: these never start a line, and those never end one.
const NO_LINE_START = new Set([...'，。、；：？！）」』】》〉”’…·,.;:?!)]}>%']);
const NO_LINE_END = new Set([...'（「『【《〈“‘([{<']);

/**
 * Splits text into lines no wider than `width` display columns (a CJK character is two). Lines break at spaces and
 * between Chinese characters (never before a closing mark like ，。） nor after an opening one); a run of Latin letters
 * or digits (a word, a loan number, a flag) is kept whole. A run wider than the line is cut only when `splitLong`.
 */
export function wrapByWidth(s: string, width: number, splitLong = true): string {
  const out: string[] = [];
  for (const para of s.split('\n')) out.push(...wrapLine(para, width, splitLong));
  return out.join('\n');
}

function wrapLine(para: string, width: number, splitLong: boolean): string[] {
  const chars = [...para];
  // Units: the pieces between break opportunities; a unit starting with spaces loses them at a line start.
  const units: string[] = [];
  let cur = '';
  // A placeholder such as <数据库> stays on one line.
  let inPlaceholder = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const prev = chars[i - 1];
    if (cur !== '' && prev !== undefined && !inPlaceholder && canBreakBetween(prev, ch)) {
      units.push(cur);
      cur = '';
    }
    if (ch === '<') inPlaceholder = true;
    else if (ch === '>') inPlaceholder = false;
    cur += ch;
  }
  if (cur !== '') units.push(cur);
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const push = () => lines.push(line.trimEnd());
  for (const u of units) {
    if (line.trim() === '' || stringWidth((line + u).trimEnd()) <= width) {
      line = line.trim() === '' ? u.trimStart() : line + u;
    } else {
      push();
      line = u.trimStart();
    }
    // Trailing spaces vanish at a break: they do not count against the width.
    w = stringWidth(line.trimEnd());
    if (w > width && splitLong) {
      // One unbreakable run wider than the line: cut it by display width.
      const pieces = cutByWidth(line.trimEnd(), width);
      for (const p of pieces.slice(0, -1)) lines.push(p);
      line = pieces[pieces.length - 1]!;
      w = stringWidth(line);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

function canBreakBetween(prev: string, ch: string): boolean {
  if (/\s/.test(ch)) return false; // spaces stay with the unit before the next word, and are trimmed at a break
  if (/\s/.test(prev) || prev === '|') return true;
  if (NO_LINE_START.has(ch) || NO_LINE_END.has(prev)) return false;
  return stringWidth(prev) === 2 || stringWidth(ch) === 2;
}

function cutByWidth(s: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of s) {
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
  return out;
}

const WORD_CHAR = /^[\w\-/.]$/;
const TRAILING_WORD = /[\w\-/.]+$/;
// An SGR colour code (zero width), or one character.
const TOKEN = /\x1b\[[0-9;]*m|[\s\S]/gu;

/** Cuts a line to `width` display columns, ending with … when something was cut; colour codes are kept. */
export function truncateByWidth(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  let cut = false;
  for (const tok of s.match(TOKEN) ?? []) {
    if (tok.startsWith('\x1b[')) {
      out += tok;
      continue;
    }
    if (cut) continue;
    const tw = stringWidth(tok);
    if (w + tw > width - 1) {
      // Never leave part of a loan number, date or other Latin/digit run: cut before the run instead.
      if (WORD_CHAR.test(tok)) out = out.replace(TRAILING_WORD, '');
      out = out.trimEnd() + '…';
      cut = true;
      continue;
    }
    out += tok;
    w += tw;
  }
  return out;
}

function widest(s: string): number {
  return Math.max(0, ...s.split('\n').map(stringWidth));
}

// A cell that holds a date, an amount, a count, or an identifier with digits in it (a loan or notice number, a visit
// number, a masked ID number or phone): cutting it would change its meaning or hide the digits that identify.
const FIXED_CELL = /^(?:|-|[-+]?[\d,]+(?:\.\d+)?%?|#?(?=[\w\-/.:*]*\d)[A-Za-z0-9][\w\-/.:*]*)$/;
/** Narrowest a truncated column gets: three Chinese characters and the ellipsis. */
const MIN_TRUNCATED = 8;

/** Columns drawn with one space of padding on each side and one border between and around them. */
function drawnWidth(widths: number[]): number {
  return widths.reduce((a, w) => a + w + 3, 1);
}

/**
 * Narrows the widest truncatable columns, one column at a time, until the table fits `width`; undefined when even
 * every truncatable column at its narrowest does not fit.
 */
function shrinkToFit(natural: number[], min: number[], width: number): number[] | undefined {
  const w = [...natural];
  let excess = drawnWidth(w) - width;
  while (excess > 0) {
    let best = -1;
    for (let i = 0; i < w.length; i++) if (w[i]! > min[i]! && (best < 0 || w[i]! > w[best]!)) best = i;
    if (best < 0) return undefined;
    w[best]!--;
    excess--;
  }
  return w;
}

export function renderTable(columns: Column[], rows: (string | number | null)[][], opts: TableOptions = {}): string {
  const body = rows.map((r) =>
    columns.map((c, i) => {
      const cell = r[i];
      const s = cell === null || cell === undefined ? '' : String(cell);
      return c.maxWidth && stringWidth(s) > c.maxWidth ? wrapByWidth(s, c.maxWidth, !c.noTruncate) : s;
    }),
  );
  const natural = columns.map((c, i) => Math.max(stringWidth(c.header), ...body.map((r) => widest(r[i]!))));
  if (opts.width === undefined || drawnWidth(natural) <= opts.width) return draw(columns, body, opts);

  const fixed = columns.map(
    (c, i) => !!c.noTruncate || c.align === 'right' || body.every((r) => r[i]!.split('\n').every((l) => FIXED_CELL.test(l.trim()))),
  );
  const min = natural.map((n, i) => (fixed[i] ? n : Math.min(n, MIN_TRUNCATED)));
  const fitted = shrinkToFit(natural, min, opts.width);
  if (fitted) return draw(columns, body, opts, fitted);

  // Too wide even with every long column cut short: stack the table in parts, each repeating the first column
  // (the row's name or number) so a row can be followed from one part to the next.
  const key = min[0]! + 3 <= opts.width / 3 ? 0 : -1;
  const groups: number[][] = [];
  let g: number[] = key === 0 ? [0] : [];
  for (let i = key === 0 ? 1 : 0; i < columns.length; i++) {
    const tryG = [...g, i];
    if (g.length > (key === 0 ? 1 : 0) && drawnWidth(tryG.map((j) => min[j]!)) > opts.width) {
      groups.push(g);
      g = key === 0 ? [0, i] : [i];
    } else g = tryG;
  }
  groups.push(g);
  return groups
    .map((cols) => {
      const gw = shrinkToFit(cols.map((j) => natural[j]!), cols.map((j) => min[j]!), opts.width!) ?? cols.map((j) => min[j]!);
      return draw(
        cols.map((j) => columns[j]!),
        body.map((r) => cols.map((j) => r[j]!)),
        opts,
        gw,
      );
    })
    .join('\n');
}

/** Draws the table, each cell line cut to its column's width when widths are given. */
function draw(columns: Column[], body: string[][], opts: TableOptions, widths?: number[]): string {
  const fit = (s: string, i: number) => (widths ? s.split('\n').map((l) => truncateByWidth(l, widths[i]!)).join('\n') : s);
  const t = new (tableLibs().Table)({
    head: columns.map((c, i) => fit(c.header, i)),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    colAligns: columns.map((c) => c.align ?? 'left'),
    // No rule between body rows: denser tables read better on a laptop screen.
    chars: opts.ascii ? ASCII_CHARS : { 'left-mid': '', mid: '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of body) t.push(r.map(fit));
  // cli-table3 draws the header rule with the same characters as body rules, which we turn off: add it back.
  const lines = t.toString().split('\n');
  const rule = lines[0]!.replace(/^┌/, '├').replace(/┐$/, '┤').replace(/┬/g, '┼');
  lines.splice(2, 0, rule);
  return lines.join('\n') + '\n';
}

export function asJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
