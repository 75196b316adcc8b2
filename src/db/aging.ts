// Per-loan figures for the aging report: due date, what is still owed, and what has been paid on record.
import type { Db } from './open.js';
import type { IsoDate } from '../domain/dates.js';

export interface AgingLoanRow {
  loanId: number;
  householdId: number;
  dueDate: IsoDate | null;
  principalFen: number;
  interestFen: number;
  paidPrincipalFen: number;
  paidInterestFen: number;
}

/** Every loan (of a township, when given) with its outstanding balance and every live payment up to today. */
export function agingLoans(db: Db, today: IsoDate, f: { townshipId?: number } = {}): AgingLoanRow[] {
  return db
    .prepare(
      `SELECT l.id AS loanId, b.household_id AS householdId, l.due_date AS dueDate, lb.principal_fen AS principalFen, lb.interest_fen AS interestFen,
              ifnull(p.pp, 0) AS paidPrincipalFen, ifnull(p.pi, 0) AS paidInterestFen
       FROM loans l
       JOIN borrowers b ON b.id = l.borrower_id
       JOIN households h ON h.id = b.household_id
       JOIN villages vil ON vil.id = h.village_id
       JOIN loan_balances lb ON lb.loan_id = l.id
       LEFT JOIN (SELECT loan_id, sum(principal_fen) AS pp, sum(interest_fen) AS pi FROM payments WHERE paid_on <= @today GROUP BY loan_id) p ON p.loan_id = l.id
       WHERE (@townshipId IS NULL OR vil.township_id = @townshipId)
       ORDER BY l.id`,
    )
    .all({ today, townshipId: f.townshipId ?? null }) as AgingLoanRow[];
}
