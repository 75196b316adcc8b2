// The weekly report as CSV: one row per village committee per section, machine amounts (1234.50), English column names.
import type { Figures, WeeklyReport } from '../report/buildWeeklyReport.js';
import { money, toCsv, type CsvCell } from './csv.js';
import type { CsvHeaders } from './registry.js';

/** The figures of a committee, section or total line, as the CSV and the workbook's table both carry them. */
export const FIGURE_COLUMNS = [
  'households',
  'households_visited',
  'notice_signed',
  'not_signed',
  'not_reached',
  'cash_households',
  'cash_payments',
  'cash_principal',
  'cash_interest',
  'intent_households',
  'intent_principal',
  'statute_expired',
] as const;

export function figureCells(f: Figures): CsvCell[] {
  return [
    f.households,
    f.householdsVisited,
    f.noticeSigned.households,
    f.notSigned.households,
    f.notReached.households,
    f.cash.households,
    f.cash.payments,
    money(f.cash.principalFen),
    money(f.cash.interestFen),
    f.intent.households,
    money(f.intent.principalFen),
    f.statuteExpired.households,
  ];
}

export const WEEKLY_CSV_COLUMNS = ['week_start', 'week_end', 'week_iso', 'township', 'area', 'village', ...FIGURE_COLUMNS, 'cash_unposted'] as const;

function counts(f: Figures): CsvCell[] {
  return [...figureCells(f), money(f.cash.unpostedFen)];
}

/** UTF-8 with a BOM, like every CSV the tool prints; names go through the shared formula-safe csvCell. */
export function weeklyReportAsCsv(r: WeeklyReport, headers: CsvHeaders = 'en'): string {
  const rows: CsvCell[][] = [];
  for (const s of r.sections) {
    for (const v of s.villages) rows.push([r.week.start, r.week.end, r.week.iso ?? '', s.township, s.area, v.village, ...counts(v)]);
  }
  return toCsv(WEEKLY_CSV_COLUMNS, rows, headers);
}
