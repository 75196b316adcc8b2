// The aging report: outstanding money and households by how long past due, with the share recovered in each bucket.
import { addYears, daysBetween, type IsoDate } from '../domain/dates.js';
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

function line(bucket: AgingBucket | 'total', rows: AgingInputRow[]): AgingLine {
  const owing = rows.filter((r) => r.principalFen + r.interestFen > 0);
  const sum = (f: (r: AgingInputRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const principalFen = sum((r) => r.principalFen);
  const interestFen = sum((r) => r.interestFen);
  const recoveredPrincipalFen = sum((r) => r.paidPrincipalFen);
  const recoveredInterestFen = sum((r) => r.paidInterestFen);
  const rec = recoveredPrincipalFen + recoveredInterestFen;
  const all = rec + principalFen + interestFen;
  return {
    bucket,
    loans: owing.length,
    households: new Set(owing.map((r) => r.householdId)).size,
    principalFen,
    interestFen,
    recoveredPrincipalFen,
    recoveredInterestFen,
    recoveredShare: all === 0 ? null : Math.round((rec / all) * 10000) / 10000,
  };
}

/** Loans that owe nothing and never paid on record are left out; "no due date" and "not yet due" appear only when used. */
export function buildAging(rows: AgingInputRow[], today: IsoDate, township: string | null = null): AgingReport {
  const used = rows.filter((r) => r.principalFen + r.interestFen + r.paidPrincipalFen + r.paidInterestFen > 0);
  const by = new Map<AgingBucket, AgingInputRow[]>(AGING_BUCKETS.map((b) => [b, []]));
  for (const r of used) by.get(agingBucket(r.dueDate, today))!.push(r);
  const lines = AGING_BUCKETS.filter((b) => !(b === 'not-due' || b === 'no-due-date') || by.get(b)!.length > 0).map((b) => line(b, by.get(b)!));
  const total = line('total', used);
  return { today, township, lines, total };
}
