// The limitation report: every loan's clock and guarantee period, filtered and ordered most urgent first.
import type { IsoDate } from '../domain/dates.js';
import {
  guaranteeClock,
  guarantorDeadline,
  limitationClock,
  type GuaranteeClock,
  type LoanClockFacts,
  type LimitationClock,
  type LimitationStatus,
} from '../domain/limitation.js';

export type { LoanClockFacts };


export interface ClockOptions {
  today: IsoDate;
  periodYears: number;
  /** A running clock with at most this many days left is "expiring"; also the guarantee window. */
  withinDays: number;
}

export interface LoanClockRow {
  facts: LoanClockFacts;
  /** null when the roster gives no due date: nothing can be computed. */
  clock: LimitationClock | null;
  guarantee: GuaranteeClock | null;
  /** The loan still owes something. */
  outstanding: boolean;
}

/** The loan still owes something: only such loans are reported (and their clocks computed). */
export function isOutstanding(f: Pick<LoanClockFacts, 'principalFen' | 'interestFen'>): boolean {
  return f.principalFen + f.interestFen > 0;
}

export function loanClockRow(f: LoanClockFacts, o: ClockOptions): LoanClockRow {
  const clock = f.dueDate
    ? limitationClock(
        { dueDate: f.dueDate, events: f.events, deceasedOn: f.deceasedOn, heirKnownOn: f.heirKnownOn, periodYears: o.periodYears, officerFinding: f.officerFinding },
        o.today,
        o.withinDays,
      )
    : null;
  return {
    facts: f,
    clock,
    // The guarantee period follows an acceleration of the main debt.
    guarantee: guaranteeClock(
      { guarantor: f.guarantor, until: f.guaranteeUntil, dueDate: clock?.start ?? f.dueDate, type: f.guaranteeType, loanDate: f.loanDate, acts: f.guarantorActs, periodYears: o.periodYears },
      o.today,
      o.withinDays,
    ),
    outstanding: isOutstanding(f),
  };
}

export interface LimitationReport {
  today: IsoDate;
  periodYears: number;
  withinDays: number;
  township: string | null;
  statusFilter: LimitationStatus | null;
  rows: LoanClockRow[];
  counts: Record<LimitationStatus, number>;
  /** Loans with no due date on the roster: listed so someone fixes the roster. */
  noDueDate: LoanClockRow[];
  /** Guarantee periods that end within the window (not yet ended), soonest first. */
  guaranteesEnding: LoanClockRow[];
  disagreements: number;
}

export const STATUS_RANK: Record<LimitationStatus, number> = { expiring: 0, running: 1, reconfirmed: 2, enforcing: 3, expired: 4, closed: 5 };

/** Most urgent first: expiring, running (soonest end first, suspended last), reconfirmed, expired. */
export function compareClockRows(a: LoanClockRow, b: LoanClockRow): number {
  const ca = a.clock!;
  const cb = b.clock!;
  const r = STATUS_RANK[ca.status] - STATUS_RANK[cb.status];
  if (r !== 0) return r;
  const ea = ca.expires ?? '9999-12-31';
  const eb = cb.expires ?? '9999-12-31';
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.facts.loanNo < b.facts.loanNo ? -1 : a.facts.loanNo > b.facts.loanNo ? 1 : 0;
}

/** The counts a report shows above its rows, kept as the rows go by (the streamed report keeps only these). */
function emptyCounts(): Record<LimitationStatus, number> {
  return { running: 0, expiring: 0, expired: 0, reconfirmed: 0, enforcing: 0, closed: 0 };
}

/** Loans fully repaid drop out: their clock no longer matters. */
export function buildLimitationReport(
  facts: LoanClockFacts[],
  o: ClockOptions & { township?: string | null; status?: LimitationStatus | null },
): LimitationReport {
  return buildLimitationReportFromRows(facts.map((f) => loanClockRow(f, o)).filter((r) => r.outstanding), o);
}

/**
 * What the report keeps of each row as the rows go by, one rule for the whole report and the streamed one
 * (src/cli/limitationStream.ts): the counts by status and the officer findings that disagree (over every dated row,
 * whatever the status filter), whether the row is listed (it has a clock and passes the filter), and its guarantee
 * deadline within the window.
 */
export function limitationTally(o: ClockOptions & { status?: LimitationStatus | null }) {
  const counts = emptyCounts();
  let disagreements = 0;
  return {
    counts,
    disagreements: () => disagreements,
    add(r: LoanClockRow): { listed: boolean; guarantee: ReturnType<typeof guarantorDeadline> } {
      const guarantee = guarantorDeadline(r.guarantee, o.withinDays);
      const c = r.clock;
      if (!c) return { listed: false, guarantee };
      counts[c.status]++;
      if (c.officerFinding?.disagrees) disagreements++;
      return { listed: !o.status || c.status === o.status, guarantee };
    },
  };
}

/** The report from the rows of the loans that still owe something, in place order (township, committee, group, household, due date, loan). */
export function buildLimitationReportFromRows(
  all: LoanClockRow[],
  o: ClockOptions & { township?: string | null; status?: LimitationStatus | null },
): LimitationReport {
  const tally = limitationTally(o);
  const rows: LoanClockRow[] = [];
  const guarantees: { row: LoanClockRow; daysLeft: number }[] = [];
  for (const r of all) {
    const t = tally.add(r);
    if (t.listed) rows.push(r);
    if (t.guarantee) guarantees.push({ row: r, daysLeft: t.guarantee.daysLeft });
  }
  return {
    today: o.today,
    periodYears: o.periodYears,
    withinDays: o.withinDays,
    township: o.township ?? null,
    statusFilter: o.status ?? null,
    rows: rows.sort(compareClockRows),
    counts: tally.counts,
    noDueDate: all.filter((r) => !r.clock),
    // Soonest first; equal days keep place order (a stable sort).
    guaranteesEnding: guarantees.sort((a, b) => a.daysLeft - b.daysLeft).map((g) => g.row),
    disagreements: tally.disagreements(),
  };
}
