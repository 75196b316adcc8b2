// Excel output of every report and list: real workbooks read back (values, types, number formats, bold totals, frozen headers, widths), golden cell dumps, and the usage errors around binary output.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { runInProcess, sampleDb, tmpDir } from '../helpers.js';
import { goldenIn } from '../golden.js';
import { dumpWorkbook, readWorkbook } from '../xlsxDump.js';
import { openDatabase } from '../../src/db/open.js';
import { weekFacts } from '../../src/db/weekly.js';
import { buildWeeklyReport } from '../../src/report/buildWeeklyReport.js';
import { weeklyReportAsXlsx } from '../../src/format/weeklyReportAsXlsx.js';

const WEEK = ['report', 'weekly', '--week', '2026-W47', '--next', '香坪镇'];
let db: string;

beforeAll(() => {
  db = sampleDb({ visits: true });
});

const golden = goldenIn('xlsx', 'test/cli/xlsxOutput.test.ts');

async function workbookOf(args: string[], lang: 'zh' | 'en' = 'en', name = 'out.xlsx'): Promise<{ bytes: Uint8Array; file: string }> {
  const file = path.join(tmpDir(), name);
  const r = await runInProcess([...args, '--out', file, '--lang', lang], { db, lang });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  return { bytes: new Uint8Array(fs.readFileSync(file)), file };
}

describe('xlsx golden cell dumps', () => {
  const cases: [string, string[], 'zh' | 'en'][] = [
    ['weekly.zh.txt', WEEK, 'zh'],
    ['weekly.en.txt', WEEK, 'en'],
    ['places.zh.txt', ['place', 'list'], 'zh'],
    ['aging.en.txt', ['report', 'aging'], 'en'],
    ['limitation.zh.txt', ['report', 'limitation', '--township', '涡水镇'], 'zh'],
  ];
  for (const [name, args, lang] of cases) {
    it(name, async () => {
      const { bytes } = await workbookOf(args, lang);
      golden(name, dumpWorkbook(bytes));
    });
  }
});

describe('the weekly workbook', () => {
  it('has a sheet per part, read back by a real reader with numbers, money and dates typed', async () => {
    const { file } = await workbookOf(WEEK, 'zh');
    const sheets = await readXlsxFile(file);
    expect(sheets.map((s) => s.sheet)).toEqual(['周报', '分村委统计', '下周跟进', '需协调事项']);
    const summary = sheets[0]!.data.map((r) => r[0]);
    expect(summary[0]).toBe('催收周报 2026-W47（2026年11月16日至11月22日）');
    expect(summary).toContain('一、走访情况');
    expect(summary.some((x) => typeof x === 'string' && x.includes('借款农户19户，已签回催收通知书13户'))).toBe(true);
    const table = sheets[1]!.data;
    expect(table[1]!.slice(0, 6)).toEqual(['乡镇', '片区', '村委', '户数', '已走访户数', '已签回']);
    const subtotal = table.find((r) => r[2] === '涡水镇 小计')!;
    expect(subtotal[3]).toBe(19);
    expect(subtotal[10]).toBe(600); // cash principal in yuan, a number
    expect(subtotal[11]).toBe(500);
    const total = table[table.length - 1]!;
    expect(total[0]).toBe('合计');
    expect(total.slice(3, 8)).toEqual([26, expect.any(Number), 14, 4, 8]);
    expect(total[10]).toBe(1850);
    const next = sheets[2]!.data;
    expect(next[2]![0]).toBeInstanceOf(Date);
    expect((next[2]![0] as Date).toISOString().slice(0, 10)).toBe('2026-11-25');
    expect(next[2]!.slice(1, 3)).toEqual(['房生二企', 400]);
    expect(next.find((r) => r[0] === '合计')![2]).toBe(2600);
  });

  it('money has the #,##0.00 format, dates a date format, totals are bold values (no formulas), headers frozen, widths fit Chinese', async () => {
    const { bytes } = await workbookOf(WEEK, 'zh');
    const [summary, table, next] = readWorkbook(bytes);
    expect(summary!.widths[0]).toBeGreaterThanOrEqual(80);
    expect(table!.frozenRows).toBe(2);
    const cell = (ref: string) => table!.cells.find((c) => c.ref === ref)!;
    const header = table!.cells.filter((c) => c.ref.endsWith('2'));
    expect(header.every((c) => c.bold && c.type === 'string')).toBe(true);
    const moneyCells = table!.cells.filter((c) => c.ref.startsWith('K') && !c.ref.match(/^K[12]$/));
    expect(moneyCells.length).toBeGreaterThan(3);
    expect(moneyCells.every((c) => c.type === 'number' && c.format === '#,##0.00')).toBe(true);
    const lastRow = Math.max(...table!.cells.map((c) => Number(c.ref.replace(/[A-Z]+/, ''))));
    expect(cell(`A${lastRow}`)).toMatchObject({ value: '合计', bold: true });
    expect(cell(`K${lastRow}`)).toMatchObject({ type: 'number', value: '1850', bold: true });
    // A committee name of 5 Chinese characters (10 columns) fits in its column.
    expect(table!.widths[2]).toBeGreaterThanOrEqual(12);
    const dates = next!.cells.filter((c) => c.type === 'date');
    expect(dates.map((c) => c.value)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect(dates.every((c) => c.format === 'yyyy-mm-dd')).toBe(true);
    const { strFromU8, unzipSync } = await import('fflate');
    const files = unzipSync(bytes);
    for (const [name, content] of Object.entries(files)) if (name.startsWith('xl/worksheets/sheet')) expect(strFromU8(content)).not.toContain('<f>');
  });

  it('prints the letterhead heading and the preparer, reviewer and date lines when given', () => {
    const opened = openDatabase(db, { nowIso: '2026-11-22T00:00:00Z', mustExist: true });
    try {
      const week = { start: '2026-11-16', end: '2026-11-22', iso: '2026-W47' };
      const facts = weekFacts(opened.db, { start: week.start, end: week.end });
      const r = buildWeeklyReport({ week, scope: { township: null, officer: null }, facts, nextWeek: { start: '2026-11-23', end: '2026-11-29', promisesDue: [], township: null } });
      const letterhead = { institution: '某某县农村信用合作联社', branch: '涡水信用社', phone: '0771-1234567', address: '涡水镇中街1号', preparer: '张明', reviewer: '王主任' };
      return Promise.all([
        weeklyReportAsXlsx(r, { lang: 'zh', letterhead, today: '2026-11-23' }),
        weeklyReportAsXlsx(r, { lang: 'en', letterhead, today: '2026-11-23' }),
        weeklyReportAsXlsx(r, { lang: 'zh' }),
      ]).then(([zh, en, plain]) => {
        const col = (b: Uint8Array) => readWorkbook(b)[0]!.cells.filter((c) => c.ref.startsWith('A')).map((c) => c.value);
        const z = col(zh);
        expect(z[0]).toBe('某某县农村信用合作联社 涡水信用社');
        expect(readWorkbook(zh)[0]!.cells[0]!.bold).toBe(true);
        expect(z[1]).toContain('电话：0771-1234567');
        expect(z.slice(-3)).toEqual(['制表人：张明', '审核人：王主任', '日期：2026年11月23日']);
        expect(col(en).slice(-3)).toEqual(['Preparer: 张明', 'Reviewer: 王主任', 'Date: 23 November 2026']);
        const p = col(plain);
        expect(p[0]).toMatch(/^催收周报/);
        expect(p.join('\n')).not.toContain('制表人');
      });
    } finally {
      opened.db.close();
    }
  });
});

describe('every report and list writes a workbook', () => {
  const cases: [string, string[], string][] = [
    ['agenda', ['agenda'], '走访安排'],
    ['report limitation', ['report', 'limitation'], '诉讼时效'],
    ['report officers', ['report', 'officers', '--month', '2026-11'], '催收员月报'],
    ['report aging', ['report', 'aging'], '账龄'],
    ['place list', ['place', 'list'], '地点'],
    ['borrower find', ['borrower', 'find', '房'], '借款人'],
    ['visit list', ['visit', 'list'], '走访记录'],
    ['promise list', ['promise', 'list'], '还款承诺'],
    ['notice list', ['notice', 'list'], '通知书台账'],
  ];
  for (const [name, args, sheet] of cases) {
    it(`${name}: --out FILE.xlsx and --format xlsx give the same workbook, header in Chinese with --lang zh, frozen`, async () => {
      const a = await workbookOf(args, 'zh');
      const b = await workbookOf([...args, '--format', 'xlsx'], 'zh', 'named.anything');
      expect(dumpWorkbook(b.bytes)).toBe(dumpWorkbook(a.bytes));
      const sheets = readWorkbook(a.bytes);
      expect(sheets[0]!.name).toBe(sheet);
      expect(sheets[0]!.frozenRows).toBeGreaterThanOrEqual(1);
      const headerRow = sheets[0]!.frozenRows;
      const header = sheets[0]!.cells.filter((c) => c.ref.replace(/[A-Z]+/, '') === String(headerRow));
      expect(header.length).toBeGreaterThan(3);
      for (const c of header) {
        expect(c.bold).toBe(true);
        expect(c.value, `${name} header ${c.ref}`).not.toMatch(/^[a-z_]+$/);
      }
      for (const c of sheets[0]!.cells) if (c.format === '#,##0.00') expect(c.type).toBe('number');
    });
  }

  it('visit list: amounts are numbers, dates are dates', async () => {
    const { file } = await workbookOf(['visit', 'list', '--outcome', 'cash'], 'en');
    const [s] = await readXlsxFile(file);
    const head = s!.data[0] as string[];
    const row = s!.data.slice(1).find((r) => r[head.indexOf('Principal paid')] !== null)!;
    expect(row[head.indexOf('Visit date')]).toBeInstanceOf(Date);
    expect(typeof row[head.indexOf('Principal paid')]).toBe('number');
    expect(typeof row[head.indexOf('Visit id')]).toBe('number');
  });

  it('borrower find masks ID numbers and phones in the workbook unless --unmask', async () => {
    const masked = readWorkbook((await workbookOf(['borrower', 'find', '房'], 'en')).bytes)[0]!;
    const ids = masked.cells.filter((c) => /^C\d+$/.test(c.ref) && c.ref !== 'C1').map((c) => c.value);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((v) => v.includes('*'))).toBe(true);
    const full = readWorkbook((await workbookOf(['borrower', 'find', '房', '--unmask'], 'en')).bytes)[0]!;
    const fullIds = full.cells.filter((c) => /^C\d+$/.test(c.ref) && c.ref !== 'C1').map((c) => c.value);
    expect(fullIds.some((v) => /^\d{17}[\dX]$/.test(v))).toBe(true);
  });
});

describe('binary output and unsupported pairs are usage errors', () => {
  it('--format xlsx without --out says to use --out, and prints nothing', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const r = await runInProcess(['report', 'aging', '--format', 'xlsx'], { db, lang });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--out');
    }
  });

  it('report aging --out a.html exits 2 naming the format and the choices, and writes nothing', async () => {
    const dir = tmpDir();
    const r = await runInProcess(['report', 'aging', '--out', path.join(dir, 'a.html')], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('html');
    expect(r.stderr).toContain('text, md, json, csv, xlsx');
    expect(fs.readdirSync(dir)).toEqual([]);
    const zh = await runInProcess(['report', 'aging', '--out', path.join(dir, 'a.html')], { db, lang: 'zh' });
    expect(zh.stderr).toContain('不能输出 html 格式');
  });

  it('a list asked for Markdown by its --out name is refused (lists have no Markdown)', async () => {
    const r = await runInProcess(['place', 'list', '--out', path.join(tmpDir(), 'p.md')], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('text, json, csv, xlsx');
  });
});
