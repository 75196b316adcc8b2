// The aging report: outstanding money and households by how long past due, with the share recovered in each bucket.
import type { AgingSums } from '../domain/agingSums.js';
import { addDays, addYears, daysBetween, type IsoDate } from '../domain/dates.js';
import { text, type Text } from '../domain/text.js';

export const AGING_BUCKETS = ['not-due', 'under-90-days', '90-365-days', '1-2-years', '2-3-years', 'over-3-years', 'no-due-date'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_BUCKET_TEXT: Record<AgingBucket, Text> = {
  'not-due': text('未到期', 'not yet due'),
  'under-90-days': text('逾期 90 天以内', 'under 90 days'),
  '90-365-days': text('90 天至 1 年', '90–365 days'),
  '1-2-years': text('1 至 2 年', '1–2 years'),
  '2-3-years': text('2 至 3 年', '2–3 years'),
  'over-3-years': text('3 年以上', 'over 3 years'),
  'no-due-date': text('无到期日', 'no due date'),
};

/**
 * Days past due d = today − due date. 1–89 days: under 90; from 90 days up to the first anniversary of the
 * due date (inclusive): 90–365; then up to the 2nd and 3rd anniversaries inclusive; after the 3rd: over 3 years.
 * Anniversaries rather than day counts, so "over 3 years" lines up with the 3-year limitation period.
 */
export function agingBucket(dueDate: IsoDate | null, today: IsoDate): AgingBucket {
  if (!dueDate) return 'no-due-date';
  const d = daysBetween(dueDate, today);
  if (d <= 0) return 'not-due';
  if (d < 90) return 'under-90-days';
  if (today <= addYears(dueDate, 1)) return '90-365-days';
  if (today <= addYears(dueDate, 2)) return '1-2-years';
  if (today <= addYears(dueDate, 3)) return '2-3-years';
  return 'over-3-years';
}

export interface AgingInputRow {
  householdId: number;
  dueDate: IsoDate | null;
  principalFen: number;
  interestFen: number;
  paidPrincipalFen: number;
  paidInterestFen: number;
}

export interface AgingLine {
  bucket: AgingBucket | 'total';
  loans: number;
  households: number;
  principalFen: number;
  interestFen: number;
  recoveredPrincipalFen: number;
  recoveredInterestFen: number;
  /** recovered ÷ (recovered + outstanding), principal and interest together; null when both are zero. */
  recoveredShare: number | null;
}

export interface AgingReport {
  today: IsoDate;
  township: string | null;
  lines: AgingLine[];
  total: AgingLine;
}

/** What a line adds up, over the rows that are not left out (see buildAging). */
export type { AgingSums };

function lineFrom(bucket: AgingBucket | 'total', s: AgingSums): AgingLine {
  const rec = s.paidPrincipalFen + s.paidInterestFen;
  const all = rec + s.principalFen + s.interestFen;
  return {
    bucket,
    loans: s.loans,
    households: s.households,
    principalFen: s.principalFen,
    interestFen: s.interestFen,
    recoveredPrincipalFen: s.paidPrincipalFen,
    recoveredInterestFen: s.paidInterestFen,
    recoveredShare: all === 0 ? null : Math.round((rec / all) * 10000) / 10000,
  };
}

function sums(rows: AgingInputRow[]): AgingSums {
  const owing = rows.filter((r) => r.principalFen + r.interestFen > 0);
  const sum = (f: (r: AgingInputRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    rows: rows.length,
    loans: owing.length,
    households: new Set(owing.map((r) => r.householdId)).size,
    principalFen: sum((r) => r.principalFen),
    interestFen: sum((r) => r.interestFen),
    paidPrincipalFen: sum((r) => r.paidPrincipalFen),
    paidInterestFen: sum((r) => r.paidInterestFen),
  };
}

/** Loans that owe nothing and never paid on record are left out; "no due date" and "not yet due" appear only when used. */
export function buildAging(rows: AgingInputRow[], today: IsoDate, township: string | null = null): AgingReport {
  const used = rows.filter((r) => r.principalFen + r.interestFen + r.paidPrincipalFen + r.paidInterestFen > 0);
  const by = new Map<AgingBucket, AgingInputRow[]>(AGING_BUCKETS.map((b) => [b, []]));
  for (const r of used) by.get(agingBucket(r.dueDate, today))!.push(r);
  return buildAgingFromSums(new Map(AGING_BUCKETS.map((b) => [b, sums(by.get(b)!)])), sums(used), today, township);
}

/** The report from each bucket's sums and the total's (added up by the database: src/db/aging.ts), as buildAging makes it. */
export function buildAgingFromSums(by: ReadonlyMap<AgingBucket, AgingSums>, total: AgingSums, today: IsoDate, township: string | null = null): AgingReport {
  const none: AgingSums = { rows: 0, loans: 0, households: 0, principalFen: 0, interestFen: 0, paidPrincipalFen: 0, paidInterestFen: 0 };
  const get = (b: AgingBucket) => by.get(b) ?? none;
  const lines = AGING_BUCKETS.filter((b) => !(b === 'not-due' || b === 'no-due-date') || get(b).rows > 0).map((b) => lineFrom(b, get(b)));
  return { today, township, lines, total: lineFrom('total', total) };
}

/**
 * The due dates where the buckets change for `today`, so a database can bucket loans by comparing dates: a due date
 * on or after `notDue` is not yet due; after `under90` (exclusive) under 90 days; on or after `years[k-1]`, within k
 * years (k = 1, 2, 3); before `years[2]` over 3 years. agingBucket(d, today) and bucketByDueDate(d, thresholds) agree
 * for every d (test/unit/agingThresholds.test.ts).
 */
export interface AgingThresholds {
  notDue: IsoDate;
  under90: IsoDate;
  years: [IsoDate, IsoDate, IsoDate];
}

export function agingThresholds(today: IsoDate): AgingThresholds {
  // The first due date whose k-th anniversary is on or after today (anniversaries grow with the due date).
  const first = (k: number): IsoDate => {
    let c = addDays(addYears(today, -k), 3);
    while (addYears(c, k) >= today) c = addDays(c, -1);
    return addDays(c, 1);
  };
  return { notDue: today, under90: addDays(today, -90), years: [first(1), first(2), first(3)] };
}

export function bucketByDueDate(dueDate: IsoDate | null, t: AgingThresholds): AgingBucket {
  if (!dueDate) return 'no-due-date';
  if (dueDate >= t.notDue) return 'not-due';
  if (dueDate > t.under90) return 'under-90-days';
  if (dueDate >= t.years[0]) return '90-365-days';
  if (dueDate >= t.years[1]) return '1-2-years';
  if (dueDate >= t.years[2]) return '2-3-years';
  return 'over-3-years';
}
