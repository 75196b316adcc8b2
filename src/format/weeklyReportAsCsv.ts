// The weekly report as CSV: one row per village committee per section, machine amounts (1234.50), English column names.
import { stringify } from 'csv-stringify/sync';
import { fenToPlain } from '../domain/money.js';
import type { Figures, WeeklyReport } from '../report/buildWeeklyReport.js';

export const WEEKLY_CSV_COLUMNS = [
  'week_start',
  'week_end',
  'week_iso',
  'township',
  'area',
  'village',
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

/** A spreadsheet must not run a name as a formula (=, +, -, @ at the start). */
function cell(s: string | null): string {
  if (s === null) return '';
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function counts(f: Figures): (string | number)[] {
  return [
    f.households,
    f.householdsVisited,
    f.noticeSigned.households,
    f.notSigned.households,
    f.notReached.households,
    f.cash.households,
    f.cash.payments,
    fenToPlain(f.cash.principalFen),
    fenToPlain(f.cash.interestFen),
    f.intent.households,
    fenToPlain(f.intent.principalFen),
    f.statuteExpired.households,
  ];
}

export function weeklyReportAsCsv(r: WeeklyReport): string {
  const rows: (string | number)[][] = [[...WEEKLY_CSV_COLUMNS]];
  for (const s of r.sections) {
    for (const v of s.villages) {
      rows.push([r.week.start, r.week.end, r.week.iso ?? '', cell(s.township), cell(s.area), cell(v.village), ...counts(v)]);
    }
  }
  return stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
