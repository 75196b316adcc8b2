// Promises (repayment intents) with what has been paid toward each; statuses come from domain/promise.ts.
import type { Db } from './open.js';
import type { IsoDate } from '../domain/dates.js';
import { promiseStatus, type PromiseStatus } from '../domain/promise.js';

export interface PromiseRow {
  outcomeId: number;
  visitId: number;
  visitUid: string;
  visitDate: IsoDate;
  officer: string;
  householdId: number;
  borrowerId: number | null;
  borrower: string;
  township: string;
  area: string | null;
  village: string;
  group: string | null;
  loanId: number | null;
  loanNo: string | null;
  amountFen: number;
  dueDate: IsoDate;
  /** Paid after the promise's visit, on or before its date, on its loan (or any of the household's loans). */
  paidByDueFen: number;
  /** Paid after the promise's visit up to today, whatever the date. */
  paidSinceFen: number;
  status: PromiseStatus;
}

export interface PromiseFilter {
  townshipId?: number;
  villageId?: number;
  householdId?: number;
  officer?: string;
  /** Only promises whose date falls in [from, to]. */
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  /** Only promises made in visits dated in [from, to]. */
  madeFrom?: IsoDate;
  madeTo?: IsoDate;
}

// Only the filters given go into the SQL: an "(@x IS NULL OR col >= @x)" term keeps SQLite from using the index on
// promise_date (visit_outcomes_intent_due), so a week's promises would read every promise. With a due-date range the
// range drives (a week is a few hundred promises among millions) and the place and officer terms are written `+col`,
// which SQLite does not use as an index: driven by the township instead, the next week's promises of one township of
// a million loans took 2.6 s (every visit of the township's households) against 13 ms.
const FILTERS: [keyof PromiseFilter, string][] = [
  ['townshipId', 't.id = @townshipId'],
  ['villageId', 'vil.id = @villageId'],
  ['householdId', 'v.household_id = @householdId'],
  ['officer', 'v.officer = @officer'],
  ['dueFrom', 'o.promise_date >= @dueFrom'],
  ['dueTo', 'o.promise_date <= @dueTo'],
  ['madeFrom', 'v.visit_date >= @madeFrom'],
  ['madeTo', 'v.visit_date <= @madeTo'],
];
const BY_DUE_DATE = new Set<keyof PromiseFilter>(['dueFrom', 'dueTo']);

function filterSql(f: PromiseFilter): string {
  const given = (k: keyof PromiseFilter) => f[k] !== undefined && f[k] !== null;
  const byDue = [...BY_DUE_DATE].some(given);
  return FILTERS.filter(([k]) => given(k))
    .map(([k, sql]) => `AND ${byDue && !BY_DUE_DATE.has(k) ? `+${sql}` : sql}`)
    .join(' ');
}

/** The SQL of listPromises for these filters (exported for the query-plan test). */
export function promisesSql(f: PromiseFilter): string {
  return `SELECT o.id AS outcomeId, v.id AS visitId, v.uid AS visitUid, v.visit_date AS visitDate, v.officer,
              v.household_id AS householdId, v.borrower_id AS borrowerId,
              coalesce(b.name, h.head_name) AS borrower, t.name AS township, a.name AS area, vil.name AS village, g.name AS "group",
              o.loan_id AS loanId, l.loan_no AS loanNo, o.promise_amount_fen AS amountFen, o.promise_date AS dueDate,
              (SELECT ifnull(sum(p.principal_fen + p.interest_fen), 0) FROM payments p
                 WHERE p.household_id = v.household_id AND (o.loan_id IS NULL OR p.loan_id = o.loan_id)
                   AND p.visit_id <> v.id AND p.paid_on >= v.visit_date AND p.paid_on <= o.promise_date AND p.paid_on <= @today) AS paidByDueFen,
              (SELECT ifnull(sum(p.principal_fen + p.interest_fen), 0) FROM payments p
                 WHERE p.household_id = v.household_id AND (o.loan_id IS NULL OR p.loan_id = o.loan_id)
                   AND p.visit_id <> v.id AND p.paid_on >= v.visit_date AND p.paid_on <= @today) AS paidSinceFen
       FROM visit_outcomes o
       JOIN live_visits v ON v.id = o.visit_id
       JOIN households h ON h.id = v.household_id
       JOIN villages vil ON vil.id = h.village_id
       JOIN townships t ON t.id = vil.township_id
       LEFT JOIN areas a ON a.id = vil.area_id
       LEFT JOIN village_groups g ON g.id = h.group_id
       LEFT JOIN borrowers b ON b.id = v.borrower_id
       LEFT JOIN loans l ON l.id = o.loan_id
       WHERE o.kind = 'intent'
         ${filterSql(f)}
         AND v.visit_date <= @today
       ORDER BY o.promise_date, t.name, vil.name, borrower`;
}

/** Every promise from a live (not void) visit, oldest date first, with its status as of `today`. */
export function listPromises(db: Db, today: IsoDate, f: PromiseFilter = {}): PromiseRow[] {
  const rows = db
    .prepare(promisesSql(f))
    .all({
      today,
      townshipId: f.townshipId ?? null,
      villageId: f.villageId ?? null,
      householdId: f.householdId ?? null,
      officer: f.officer ?? null,
      dueFrom: f.dueFrom ?? null,
      dueTo: f.dueTo ?? null,
      madeFrom: f.madeFrom ?? null,
      madeTo: f.madeTo ?? null,
    }) as Omit<PromiseRow, 'status'>[];
  return rows.map((r) => ({ ...r, status: promiseStatus({ amountFen: r.amountFen, dueDate: r.dueDate, paidByDueFen: r.paidByDueFen }, today) }));
}
