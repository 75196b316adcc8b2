// Household facts for the follow-up agenda: last live visit, current stance and status of the household's first borrower.
import type { Db } from './open.js';
import { CURRENT_STANCE_SQL } from './borrowers.js';
import type { IsoDate } from '../domain/dates.js';
import { promiseStatus, type PromiseDue } from '../domain/promise.js';
import { compareBinary } from './limitation.js';

export interface HouseholdAgendaFacts {
  householdId: number;
  householdHead: string;
  lastVisit: IsoDate | null;
  stance: string | null;
  borrowerStatus: string;
  statusWhere: string | null;
}

/** The officers named on the roster's loans (loans.officer), for --officer. */
export function loanOfficers(db: Db): string[] {
  return (db.prepare(`SELECT DISTINCT officer FROM loans WHERE officer IS NOT NULL AND officer <> '' ORDER BY officer`).all() as { officer: string }[]).map((r) => r.officer);
}

/** A village committee by name (within a township when given); a merged committee resolves to the one it joined. */
export function findVillage(db: Db, name: string, townshipId?: number): { id: number; name: string }[] {
  return db
    .prepare(
      `SELECT DISTINCT e.id, e.name FROM villages v JOIN effective_villages ev ON ev.village_id = v.id JOIN villages e ON e.id = ev.effective_id
       WHERE v.name = @name AND (@townshipId IS NULL OR v.township_id = @townshipId) ORDER BY e.id`,
    )
    .all({ name, townshipId: townshipId ?? null }) as { id: number; name: string }[];
}

/**
 * Each household's agenda facts (last live field visit, current stance, status of its first borrower), a cursor in
 * household order, for the agenda streamed a household at a time. The last visit
 * is the first live field visit found walking the household's visits back from today (an index range read backwards),
 * not a scan of all of them.
 */
export function householdAgendaCursor(
  db: Db,
  today: IsoDate,
  f: { townshipId?: number; villageId?: number; officer?: string } = {},
  /** Only the households of the clock's scope (temp.clock_scope, when it holds a few loans: src/db/limitation.ts clockScopeIsFew), each by its key. */
  byScope = false,
): IterableIterator<HouseholdAgendaFacts> {
  return db
    .prepare(
      `SELECT h.id AS householdId, h.head_name AS householdHead,
              (SELECT v.visit_date FROM visits v WHERE v.household_id = h.id AND v.visit_date <= @today AND v.channel = 'visit'
                 AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid) ORDER BY v.visit_date DESC LIMIT 1) AS lastVisit,
              ${CURRENT_STANCE_SQL} AS stance, s.status AS borrowerStatus, s.where_text AS statusWhere
       FROM ${byScope ? '(SELECT DISTINCT hh FROM temp.clock_scope) hs CROSS JOIN households h ON h.id = hs.hh' : 'households h'}
       JOIN effective_villages ev ON ev.village_id = h.village_id
       JOIN villages vil ON vil.id = ev.effective_id
       JOIN borrowers b ON b.id = (SELECT min(b2.id) FROM borrowers b2 WHERE b2.household_id = h.id)
       JOIN borrower_status s ON s.borrower_id = b.id
       WHERE (@townshipId IS NULL OR vil.township_id = @townshipId) AND (@villageId IS NULL OR ev.effective_id = @villageId)
         AND (@officer IS NULL OR EXISTS (SELECT 1 FROM loans l JOIN borrowers lb ON lb.id = l.borrower_id WHERE lb.household_id = h.id AND l.officer = @officer))
       ORDER BY h.id`,
    )
    .iterate({ today, townshipId: f.townshipId ?? null, villageId: f.villageId ?? null, officer: f.officer ?? null }) as IterableIterator<HouseholdAgendaFacts>;
}

/** A promise as the agenda reads it (src/db/promises.ts listPromises' fields and status). */
export type HouseholdPromise = PromiseDue;

type PromiseOrPayment = {
  hh: number;
  kind: 'intent' | 'cash';
  oid: number;
  visitId: number;
  date: IsoDate;
  loanId: number | null;
  loanNo: string | null;
  borrower: string | null;
  amountFen: number;
  promiseDate: IsoDate;
  principalFen: number | null;
  interestFen: number | null;
};

/**
 * Every household's promises (listPromises of src/db/promises.ts with only a township: the same promises, the same
 * paid-by-due sums and status), handed out a household at a time in household order: one sequential pass over the
 * outcomes of live visits up to today (promises and payments), sorted by household by SQLite, each promise's payments
 * added up from its household's. Within a household: by due date, then borrower, as listPromises orders them.
 */
export function householdPromiseCursor(
  db: Db,
  today: IsoDate,
  f: { townshipId?: number } = {},
  /** Only the households of the clock's scope (temp.clock_scope, when it holds a few loans), each by its key. */
  byScope = false,
): { take(hh: number): HouseholdPromise[]; close(): void } {
  // Many households: one sequential pass over the outcomes. A few (the clock's scope: a township, an officer's
  // loans): each household's visits up to today (an index range) and their outcomes, not a pass over every outcome.
  const all = f.townshipId === undefined || f.townshipId === null;
  const from = byScope
    ? `(SELECT DISTINCT hh FROM temp.clock_scope) hs CROSS JOIN households h ON h.id = hs.hh CROSS JOIN visits v ON v.household_id = h.id
       CROSS JOIN visit_outcomes o ON o.visit_id = v.id JOIN villages vil ON vil.id = h.village_id`
    : `visit_outcomes o NOT INDEXED CROSS JOIN visits v ON v.id = o.visit_id
       JOIN households h ON h.id = v.household_id JOIN villages vil ON vil.id = h.village_id`;
  const it = db
    .prepare(
      `SELECT v.household_id AS hh, o.kind, o.id AS oid, v.id AS visitId, v.visit_date AS date, o.loan_id AS loanId,
              CASE WHEN o.kind = 'intent' AND o.loan_id IS NOT NULL THEN (SELECT l.loan_no FROM loans l WHERE l.id = o.loan_id) END AS loanNo,
              CASE WHEN o.kind = 'intent' THEN coalesce((SELECT b.name FROM borrowers b WHERE b.id = v.borrower_id), h.head_name) END AS borrower,
              o.promise_amount_fen AS amountFen, o.promise_date AS promiseDate, o.principal_fen AS principalFen, o.interest_fen AS interestFen
       FROM ${from}
       WHERE o.kind IN ('intent', 'cash') AND v.visit_date <= @today AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
         ${all ? '' : 'AND vil.township_id = @townshipId'}
       ORDER BY v.household_id`,
    )
    .raw(true)
    .iterate(all ? { today } : { today, townshipId: f.townshipId }) as IterableIterator<unknown[]>;
  // Rows as arrays (the columns' order above), each made an object here: cheaper than the driver's object per row.
  const row = (r: unknown[]): PromiseOrPayment => ({
    hh: r[0] as number,
    kind: r[1] as PromiseOrPayment['kind'],
    oid: r[2] as number,
    visitId: r[3] as number,
    date: r[4] as IsoDate,
    loanId: r[5] as number | null,
    loanNo: r[6] as string | null,
    borrower: r[7] as string | null,
    amountFen: r[8] as number,
    promiseDate: r[9] as IsoDate,
    principalFen: r[10] as number | null,
    interestFen: r[11] as number | null,
  });
  let head = it.next();
  return {
    take(hh: number): HouseholdPromise[] {
      while (!head.done && (head.value[0] as number) < hh) head = it.next();
      const rows: PromiseOrPayment[] = [];
      while (!head.done && head.value[0] === hh) {
        rows.push(row(head.value));
        head = it.next();
      }
      const pays = rows.filter((r) => r.kind === 'cash' && r.principalFen !== null && r.interestFen !== null);
      const promises = rows.filter((r) => r.kind === 'intent');
      promises.sort((a, b) => compareBinary(a.promiseDate, b.promiseDate) || compareBinary(a.borrower, b.borrower) || a.oid - b.oid);
      return promises.map((p) => {
        let paid = 0;
        for (const x of pays) {
          if ((p.loanId === null || x.loanId === p.loanId) && x.visitId !== p.visitId && x.date >= p.date && x.date <= p.promiseDate && x.date <= today) paid += x.principalFen! + x.interestFen!;
        }
        return {
          householdId: p.hh,
          loanNo: p.loanNo,
          amountFen: p.amountFen,
          dueDate: p.promiseDate,
          visitDate: p.date,
          paidByDueFen: paid,
          status: promiseStatus({ amountFen: p.amountFen, dueDate: p.promiseDate, paidByDueFen: paid }, today),
        };
      });
    },
    close: () => void it.return?.(),
  };
}
