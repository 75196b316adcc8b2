// Local calendar dates (YYYY-MM-DD) and ISO weeks (Monday first); no clock is read here.
import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { isValidIsoDate } from './isoDate.js';

dayjs.extend(isoWeek);
dayjs.extend(customParseFormat);

export type IsoDate = string; // YYYY-MM-DD

// The check lives in isoDate.ts, which loads no dayjs (the context's `today()` needs it at start-up).
export { isValidIsoDate };

function ymd(y: number, mo: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const s = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidIsoDate(s) ? s : null;
}

/** Excel's day serial (1900 system, with its 1900-02-29 bug) → date. */
export function excelSerialToDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120000) return null;
  const days = Math.floor(serial);
  // Excel counts a 1900-02-29 that never was (serial 60); serials before it are one day later than the count.
  if (days === 60) return null;
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + days * 86400000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Parses the date forms found in rosters: `2024-03-01`, `2024/3/1`, `2024.3.1`, `2024年3月1日`, `20240301`.
 * Returns null when the text is not a real calendar date.
 */
export function parseDate(input: string): IsoDate | null {
  const s = input.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) {
    // Spreadsheet exports sometimes carry a midnight time: 2024-03-01 00:00:00
    const t = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T]00:00(:00)?(\.0+)?Z?$/.exec(s);
    if (t) m = t;
  }
  if (!m) return null;
  return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
}

// Calendar arithmetic on plain YYYY-MM-DD without a dayjs object per call (the limitation clock calls these millions of
// times in a large report): the same results as dayjs (a day past a month's end is clamped to the end), checked for
// every date of 2015-2032 in test/unit/dateArithmetic.test.ts. Anything else (another shape, a year outside
// 1000-9999) goes through dayjs as before.
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function civil(t: number): IsoDate | null {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return null;
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

function addMonthsPlain(date: IsoDate, n: number): IsoDate | null {
  const m = PLAIN_DATE.exec(date);
  if (!m || !Number.isInteger(n)) return null;
  // Normalised first (2025-02-30 is 2025-03-02, as dayjs reads it), then the month moved and the day clamped.
  const start = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const y = start.getUTCFullYear();
  const mo = start.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return civil(Date.UTC(y, mo, Math.min(start.getUTCDate(), last)));
}

export function addDays(date: IsoDate, n: number): IsoDate {
  const m = Number.isInteger(n) ? PLAIN_DATE.exec(date) : null;
  const r = m ? civil(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n)) : null;
  return r ?? dayjs(date).add(n, 'day').format('YYYY-MM-DD');
}

export function addMonths(date: IsoDate, n: number): IsoDate {
  return addMonthsPlain(date, n) ?? dayjs(date).add(n, 'month').format('YYYY-MM-DD');
}

export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonthsPlain(date, n * 12) ?? dayjs(date).add(n, 'year').format('YYYY-MM-DD');
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

export interface Week {
  start: IsoDate; // Monday
  end: IsoDate; // Sunday
  iso: string; // 2026-W47
}

export function weekOf(date: IsoDate): Week {
  const d = dayjs(date);
  const start = d.isoWeekday(1);
  const end = d.isoWeekday(7);
  const year = d.isoWeekYear();
  return {
    start: start.format('YYYY-MM-DD'),
    end: end.format('YYYY-MM-DD'),
    iso: `${year}-W${String(d.isoWeek()).padStart(2, '0')}`,
  };
}

/** `2026-W47` → that week, or null when malformed or out of range for the year. */
export function parseIsoWeek(s: string): Week | null {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  // ISO week 1 contains January 4th.
  const jan4 = dayjs(`${year}-01-04`);
  const monday = jan4.isoWeekday(1).add(week - 1, 'week');
  const w = weekOf(monday.format('YYYY-MM-DD'));
  return w.iso === `${year}-W${String(week).padStart(2, '0')}` ? w : null;
}

/** `2026-11` → first and last day of that month. */
export function parseMonth(s: string): { start: IsoDate; end: IsoDate; month: string } | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const first = ymd(Number(m[1]), Number(m[2]), 1);
  if (!first) return null;
  const d = dayjs(first);
  return { start: first, end: d.endOf('month').format('YYYY-MM-DD'), month: d.format('YYYY-MM') };
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** What a person types for a date: empty or today/今天, yesterday/昨天, 前天, or any form parseDate knows. */
export function normaliseDate(v: string, today: IsoDate): IsoDate | null {
  const s = v.trim().toLowerCase();
  const back = (n: number) => addDays(today, -n);
  if (s === '' || s === 'today' || s === '今天') return today;
  if (s === 'yesterday' || s === '昨天') return back(1);
  if (s === '前天') return back(2);
  if (isValidIsoDate(s)) return s;
  return parseDate(s);
}
