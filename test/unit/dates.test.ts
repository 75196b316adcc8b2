// Dates: the roster forms, Excel serials, ISO weeks across year boundaries.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, excelSerialToDate, isValidIsoDate, parseDate, parseIsoWeek, parseMonth, weekOf } from '../../src/domain/dates.js';

describe('parseDate', () => {
  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024/03/01', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024年3月1日', '2024-03-01'],
    ['2024 年 3 月 1 日', '2024-03-01'],
    ['2024年3月1', '2024-03-01'],
    ['20240301', '2024-03-01'],
    [' 2024-03-01 ', '2024-03-01'],
    ['2024-03-01 00:00:00', '2024-03-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%s → %s', (s, d) => expect(parseDate(s)).toBe(d));

  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '2024/3', '3/1/2024', '01-03-2024', 'yesterday', '', '2024-03-01 12:30', '1899-12-31'])(
    '%s is not a date',
    (s) => expect(parseDate(s)).toBeNull(),
  );
});

describe('isValidIsoDate', () => {
  it('checks the calendar, not just the shape', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2024-06-31')).toBe(false);
    expect(isValidIsoDate('2024-6-30')).toBe(false);
    expect(isValidIsoDate('2024-12-31')).toBe(true);
  });
});

describe('excelSerialToDate', () => {
  it.each([
    [45352, '2024-03-01'],
    [45352.75, '2024-03-01'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [43831, '2020-01-01'],
    [46348, '2026-11-22'],
  ])('%d → %s', (n, d) => expect(excelSerialToDate(n)).toBe(d));
  it('refuses numbers that are not serials', () => {
    expect(excelSerialToDate(0)).toBeNull();
    expect(excelSerialToDate(60)).toBeNull(); // Excel's 1900-02-29
    expect(excelSerialToDate(-3)).toBeNull();
    expect(excelSerialToDate(1e9)).toBeNull();
    expect(excelSerialToDate(Number.NaN)).toBeNull();
  });
});

describe('ISO weeks', () => {
  it('the sample week', () => {
    expect(weekOf('2026-11-22')).toEqual({ start: '2026-11-16', end: '2026-11-22', iso: '2026-W47' });
    expect(weekOf('2026-11-16').iso).toBe('2026-W47');
    expect(parseIsoWeek('2026-W47')).toEqual({ start: '2026-11-16', end: '2026-11-22', iso: '2026-W47' });
  });
  it('year boundaries: a week belongs to the year of its Thursday', () => {
    expect(weekOf('2024-12-30').iso).toBe('2025-W01');
    expect(weekOf('2021-01-03').iso).toBe('2020-W53');
    expect(weekOf('2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03', iso: '2026-W53' });
    expect(parseIsoWeek('2025-W01')).toEqual({ start: '2024-12-30', end: '2025-01-05', iso: '2025-W01' });
    expect(parseIsoWeek('2020-W53')).toEqual({ start: '2020-12-28', end: '2021-01-03', iso: '2020-W53' });
    expect(parseIsoWeek('2026w53')?.start).toBe('2026-12-28');
  });
  it('refuses weeks a year does not have', () => {
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2026-W00')).toBeNull();
    expect(parseIsoWeek('2026-W54')).toBeNull();
    expect(parseIsoWeek('2026-47')).toBeNull();
  });
  it('months and day arithmetic', () => {
    expect(parseMonth('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', month: '2024-02' });
    expect(parseMonth('2024-13')).toBeNull();
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-16', '2026-11-22')).toBe(6);
  });
});
