// Tables fit the terminal: long text is cut with … by display width, or the table is stacked in parts; loan numbers,
// dates and amounts are never cut; piped output and --out files keep the natural width.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderTable, stringWidth, truncateByWidth, wrapByWidth, type Column } from '../../src/format/table.js';
import { terminalWidth } from '../../src/cli/context.js';
import { cli, runInProcess, sampleDb, tmpDir } from '../helpers.js';

const widest = (s: string) => Math.max(...s.split('\n').map(stringWidth));
const LOAN = /\b[A-Z]{2}-\d{4}-\d{4}\b/g;
const loansIn = (s: string) => new Set(s.match(LOAN) ?? []);
/** Pieces of loan numbers (WS-20…) that are not a whole loan number: a cut or split one. */
const brokenLoans = (s: string) => (s.match(/[A-Z]{2}-[\d-]*/g) ?? []).filter((x) => !/^[A-Z]{2}-\d{4}-\d{4}$/.test(x));

const COLUMNS: Column[] = [
  { header: '借款人' },
  { header: '合同编号', noTruncate: true },
  { header: '村委' },
  { header: '说明' },
  { header: '日期' },
  { header: '本金', align: 'right' },
];
const ROWS = [
  ['房六贵', 'WS-2022-0001', '马头冲村委 马头冲一组', '借款人在广州务工，电话联系上了，答应下个月回来还一部分本金和利息', '2026-11-20', '1,500.00'],
  ['房生二企', 'WS-2022-0002', '涡水村委 良东二组', '', '2026-11-21', '1,200.00'],
];

describe('renderTable with a width', () => {
  it('without a width draws the natural table, wider than any terminal here', () => {
    const t = renderTable(COLUMNS, ROWS);
    expect(widest(t)).toBeGreaterThan(120);
    expect(t).toContain('答应下个月回来还一部分本金和利息');
    expect(t).not.toContain('…');
  });

  it('cuts the widest text column with … to fit, keeping loan numbers, dates and amounts whole', () => {
    const t = renderTable(COLUMNS, ROWS, { width: 100 });
    expect(widest(t)).toBeLessThanOrEqual(100);
    expect(t).toContain('…');
    for (const whole of ['WS-2022-0001', 'WS-2022-0002', '2026-11-20', '1,500.00', '1,200.00', '房生二企']) expect(t).toContain(whole);
    // The long note was cut, the short committee names were not.
    expect(t).not.toContain('答应下个月');
    expect(t).toContain('马头冲村委 马头冲一组');
    // Still one table: one header rule.
    expect(t.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(1);
  });

  it('stacks the table in parts when cutting is not enough, each part repeating the first column', () => {
    const t = renderTable(COLUMNS, ROWS, { width: 44 });
    expect(widest(t)).toBeLessThanOrEqual(44);
    expect(t.split('\n').filter((l) => l.startsWith('├ 借款人') || /^│ 借款人/.test(l)).length).toBeGreaterThan(1);
    for (const h of ['合同编号', '村委', '说明', '日期', '本金']) expect(t).toContain(h);
    for (const whole of ['WS-2022-0001', '2026-11-21', '1,500.00']) expect(t).toContain(whole);
    // No cell runs over two lines: every body line of every part has as many borders as its header.
    for (const part of t.trim().split('\n\n')) {
      const lines = part.split('\n');
      const bars = (l: string) => (l.match(/│/g) ?? []).length;
      for (const l of lines.filter((x) => x.startsWith('│'))) expect(bars(l)).toBe(bars(lines[1]!));
      expect(lines.filter((x) => x.startsWith('│'))).toHaveLength(3);
    }
  });

  it('never splits a loan number in a wrapped column, even past its maxWidth', () => {
    const cols: Column[] = [{ header: 'name' }, { header: 'loans', maxWidth: 14, noTruncate: true }];
    const t = renderTable(cols, [['房六贵', 'WS-2022-0001, WS-2022-0002, WS-2023-0010']], { width: 40 });
    expect(loansIn(t)).toEqual(new Set(['WS-2022-0001', 'WS-2022-0002', 'WS-2023-0010']));
  });

  it('measures Chinese as two columns and keeps colour codes when cutting', () => {
    expect(truncateByWidth('马头冲村委马头冲一组', 9)).toBe('马头冲村…');
    expect(stringWidth(truncateByWidth('马头冲村委马头冲一组', 9))).toBe(9);
    expect(truncateByWidth('\x1b[1m合计金额很多很多\x1b[22m', 7)).toBe('\x1b[1m合计金…\x1b[22m');
    // A loan number in free text is dropped whole rather than cut.
    expect(truncateByWidth('签回 WS-2022-0001 号通知书', 12)).toBe('签回…');
  });

  it('wraps Chinese between characters and Latin text at spaces, never before a closing mark', () => {
    const w = wrapByWidth('数据库文件（默认：环境变量 FIELDVISIT_DB，或用户数据目录）', 20).split('\n');
    for (const l of w) expect(stringWidth(l)).toBeLessThanOrEqual(20);
    expect(w.some((l) => l.startsWith('，') || l.startsWith('）'))).toBe(false);
    expect(w.join('')).toContain('FIELDVISIT_DB');
    expect(wrapByWidth('import rosters, log visits', 12)).toBe('import\nrosters, log\nvisits');
  });
});

describe('the width a process sees', () => {
  it('is the terminal’s columns, else COLUMNS, else unknown', () => {
    expect(terminalWidth(true, 132, { COLUMNS: '80' })).toBe(132);
    expect(terminalWidth(false, undefined, { COLUMNS: '80' })).toBe(80);
    expect(terminalWidth(false, undefined, { COLUMNS: 'wide' })).toBeUndefined();
    expect(terminalWidth(false, undefined, {})).toBeUndefined();
  });
});

describe('commands fit the width', () => {
  let db: string;
  beforeAll(() => {
    db = path.join(tmpDir(), 'w.db');
    fs.copyFileSync(sampleDb({ visits: true }), db);
  });

  it.each([
    [['visit', 'list'], 80],
    [['visit', 'list'], 60],
    [['borrower', 'find', '房'], 70],
    [['borrower', 'show', 'WS-2022-0001'], 60],
    [['report', 'weekly', '--week', '2026-W47'], 70],
    [['report', 'limitation'], 80],
    [['promise', 'list'], 60],
  ] as const)('%j at %i columns, in both languages, with no loan number cut', async (args, width) => {
    for (const lang of ['zh', 'en'] as const) {
      const natural = await runInProcess([...args], { db, lang });
      expect(natural.code, natural.stderr).toBe(0);
      const fitted = await runInProcess([...args], { db, lang, width });
      expect(fitted.code, fitted.stderr).toBe(0);
      const tableLines = fitted.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
      expect(tableLines.length).toBeGreaterThan(2);
      for (const l of tableLines) expect(stringWidth(l), l).toBeLessThanOrEqual(width);
      expect(brokenLoans(fitted.stdout)).toEqual([]);
      expect(brokenLoans(natural.stdout)).toEqual([]);
    }
  });

  it.each([
    [['borrower', 'find', '房'], 60],
    [['borrower', 'show', 'WS-2022-0001'], 50],
    [['report', 'limitation'], 70],
  ] as const)('%j at %i columns keeps its loan-number column whole', async (args, width) => {
    const natural = await runInProcess([...args], { db, lang: 'zh' });
    const fitted = await runInProcess([...args], { db, lang: 'zh', width });
    expect(loansIn(natural.stdout).size).toBeGreaterThan(0);
    expect(loansIn(fitted.stdout)).toEqual(loansIn(natural.stdout));
  });

  it('the visit list at 80 columns needed fitting (the test above can fail)', async () => {
    const natural = await runInProcess(['visit', 'list'], { db, lang: 'zh' });
    expect(widest(natural.stdout)).toBeGreaterThan(80);
  });

  it('--out writes the whole table whatever the terminal', async () => {
    const file = path.join(tmpDir(), 'visits.txt');
    const r = await runInProcess(['visit', 'list', '--out', file], { db, lang: 'zh', width: 60 });
    expect(r.code, r.stderr).toBe(0);
    expect(widest(fs.readFileSync(file, 'utf8'))).toBeGreaterThan(60);
  });

  // On the binary on purpose: COLUMNS and a piped (non-TTY) stdout are read by the real entry point, not the fake context.
  it('the binary fits COLUMNS when piped, and draws the natural width without it', () => {
    const fitted = cli(['--lang', 'zh', 'visit', 'list'], { db, env: { COLUMNS: '72' } });
    expect(fitted.code, fitted.stderr).toBe(0);
    expect(widest(fitted.stdout)).toBeLessThanOrEqual(72);
    const piped = cli(['--lang', 'zh', 'visit', 'list'], { db });
    expect(widest(piped.stdout)).toBeGreaterThan(72);
  });
});
