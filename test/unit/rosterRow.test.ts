// Roster rows: header aliases (English/Chinese), cell conversion, and parseRosterRow's errors and warnings.
import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../src/import/headers.js';
import { cellDate, cellMoney, cellText } from '../../src/import/cells.js';
import { ROSTER_FIELDS, parseRosterRow, type RosterField } from '../../src/import/parseRosterRow.js';
import type { Cell } from '../../src/import/readTable.js';

const EN = ['township', 'village', 'group', 'household', 'borrower', 'id_number', 'phone', 'loan_no', 'principal', 'interest', 'loan_date', 'due_date', 'stance'];
const header = mapHeader<RosterField>(EN, ROSTER_FIELDS);
const row = (o: Partial<Record<string, Cell>>): Cell[] => EN.map((k) => (k in o ? o[k]! : ''));
const GOOD = { township: '涡水镇', village: '马头冲村委', group: '一组', borrower: '房六贵', loan_no: 'WS-1', principal: '1,500.00' };

describe('mapHeader', () => {
  it('maps English names, ignoring case, spaces, underscores and a BOM', () => {
    const h = mapHeader<RosterField>(['\uFEFFTownship', 'Village', 'Loan No', 'PRINCIPAL', 'borrower', 'Extra'], ROSTER_FIELDS);
    expect(h.index).toMatchObject({ township: 0, village: 1, loan_no: 2, principal: 3, borrower: 4 });
    expect(h.label.township).toBe('Township');
    expect(h.missing).toEqual([]);
    expect(h.unknown).toEqual(['Extra']);
  });
  it('maps Chinese names and aliases', () => {
    const h = mapHeader<RosterField>(['乡镇', '片区', '村委会', '组', '户主', '借款人', '身份证号', '电话', '借款合同编号', '贷款余额', '欠息', '放款日期', '到期日期', '管户员', '保证人', '保证期间至', '保证方式', '客户类型', '保证人地址', '数据日期'], ROSTER_FIELDS);
    expect(Object.keys(h.index).sort()).toEqual(ROSTER_FIELDS.map((f) => f.field).sort());
    expect(h.label.loan_no).toBe('借款合同编号');
    const h2 = mapHeader<RosterField>(['镇', '村委', '姓名', '合同编号', '本金（元）'], ROSTER_FIELDS);
    expect(h2.missing).toEqual([]);
  });
  it('reports missing required and duplicate columns', () => {
    const h = mapHeader<RosterField>(['镇', '乡镇', '借款人', '本金'], ROSTER_FIELDS);
    expect(h.missing).toEqual(['village', 'loan_no']);
    expect(h.duplicate).toEqual(['乡镇']);
  });
});

describe('cells', () => {
  it('cellText trims text and keeps numbers as written', () => {
    expect(cellText('  a ')).toBe('a');
    expect(cellText(null)).toBe('');
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01');
  });
  it('cellMoney explains each refusal', () => {
    expect(cellMoney('¥1,234.50')).toEqual({ ok: true, value: 123450 });
    expect(cellMoney(99.9)).toEqual({ ok: true, value: 9990 });
    expect(cellMoney('').ok).toBe(false);
    expect(cellMoney(true).ok).toBe(false);
    const r = (c: Cell) => {
      const x = cellMoney(c);
      return x.ok ? null : x.reason.en;
    };
    expect(r('-5')).toMatch(/cannot be negative \(-5\)/);
    expect(r('1.234')).toMatch(/more than 2 decimals/);
    expect(r('abc')).toMatch(/"abc" is not an amount/);
    expect(r('99999999999999')).toMatch(/too large/);
  });
  it('cellDate takes Date cells, serials and text', () => {
    expect(cellDate(new Date(Date.UTC(2024, 2, 1)))).toEqual({ ok: true, value: '2024-03-01' });
    expect(cellDate(45352)).toEqual({ ok: true, value: '2024-03-01' });
    expect(cellDate('2024年3月1日')).toEqual({ ok: true, value: '2024-03-01' });
    const bad = cellDate('2024-02-30');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason.en).toMatch(/"2024-02-30" is not a valid date/);
  });
});

describe('parseRosterRow', () => {
  it('parses a good row; the household defaults to the borrower', () => {
    const r = parseRosterRow(2, row({ ...GOOD, interest: '¥180', loan_date: '2022/3/10', due_date: '2023年3月10日', id_number: '11010519491231002x', stance: '保证还款型' }), header);
    expect(r.problems).toEqual([]);
    expect(r.row).toMatchObject({
      line: 2,
      township: '涡水镇',
      household: '房六贵',
      principalFen: 150000,
      interestFen: 18000,
      loanDate: '2022-03-10',
      dueDate: '2023-03-10',
      idNumber: '11010519491231002X',
      stance: 'promise-maker',
      area: null,
    });
  });
  it.each(['township', 'village', 'borrower', 'loan_no', 'principal'])('a missing %s is an error', (f) => {
    const r = parseRosterRow(3, row({ ...GOOD, [f]: '  ' }), header);
    expect(r.row).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining({ field: f, severity: 'error' })]);
  });
  it.each([
    ['principal', '-1', /negative/],
    ['principal', '1.234', /2 decimals/],
    ['interest', 'x', /not an amount/],
    ['loan_date', '2024-02-30', /not a valid date/],
    ['due_date', '2020-01-01', /before the loan date/],
  ])('%s = %s is an error', (f, v, re) => {
    const r = parseRosterRow(4, row({ ...GOOD, loan_date: '2021-01-01', [f]: v }), header);
    expect(r.row).toBeNull();
    expect(r.problems[0]).toMatchObject({ field: f, severity: 'error' });
    expect(r.problems[0]!.reason.en).toMatch(re);
  });
  it('a bad ID check digit is a warning that never echoes the number', () => {
    const r = parseRosterRow(5, row({ ...GOOD, id_number: '110105194912310021' }), header);
    expect(r.row?.idNumber).toBe('110105194912310021');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ field: 'id_number', severity: 'warning' });
    expect(JSON.stringify(r.problems)).not.toContain('110105194912310021');
    // Neither 18 nor 15 characters: warned and not stored, like a number Excel mangled.
    const short = parseRosterRow(5, row({ ...GOOD, id_number: '1234' }), header);
    expect(short.problems[0]!.reason.en).toMatch(/neither 18 nor 15 characters long, so it was not imported/);
    expect(short.row?.idNumber).toBeNull();
  });
  it('an ID number stored as an Excel number warns; an unknown stance warns and is dropped', () => {
    const r = parseRosterRow(6, row({ ...GOOD, id_number: 110105194912310020, stance: '奇怪型' }), header);
    expect(r.row).not.toBeNull();
    expect(r.row!.stance).toBeNull();
    expect(r.problems.map((p) => p.field)).toEqual(['id_number', 'stance']);
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
    // A number that may have lost digits never identifies anyone, even when its check digit happens to fit.
    expect(r.row!.idNumber).toBeNull();
    expect(r.problems[0]!.reason.en).toMatch(/not imported/);
    const fits = parseRosterRow(6, row({ ...GOOD, id_number: 451123197702145690 }), header);
    expect(fits.row!.idNumber).toBeNull();
    expect(fits.problems.map((p) => p.field)).toEqual(['id_number']);
  });
  it('over-long text is an error', () => {
    const r = parseRosterRow(7, row({ ...GOOD, borrower: '房'.repeat(201) }), header);
    expect(r.row).toBeNull();
    expect(r.problems[0]!.reason.en).toMatch(/too long/);
  });
});

describe('header units', () => {
  it('accepts a yuan unit in the header but not 万元', () => {
    expect(mapHeader<RosterField>(['本金(元)', '欠息（元）'], ROSTER_FIELDS).index).toEqual({ principal: 0, interest: 1 });
    expect(mapHeader<RosterField>(['本金（万元）'], ROSTER_FIELDS).unknown).toEqual(['本金（万元）']);
  });
});
