// The facts `fieldvisit reconcile` posts: each loan with field cash or more than one statement, with its statements and payments.
import type { Db } from './open.js';
import { loanFacts } from './ledger.js';
import type { ReconcileLoanFacts } from '../domain/posting.js';

/** Loans of the township (or all) that have field cash or at least two live statements, in loan-number order. */
export function reconcileFacts(db: Db, f: { townshipId?: number }): ReconcileLoanFacts[] {
  const loans = db
    .prepare(
      `SELECT l.id, l.loan_no AS loanNo, bo.name AS borrower, t.name AS township, v.name AS village, l.officer AS loanOfficer
       FROM loans l JOIN borrowers bo ON bo.id = l.borrower_id JOIN households h ON h.id = bo.household_id
       JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id
       WHERE (@tid IS NULL OR t.id = @tid)
         AND (EXISTS (SELECT 1 FROM visit_outcomes o WHERE o.loan_id = l.id AND o.kind = 'cash')
              OR (SELECT count(*) FROM ledger_statements s WHERE s.loan_id = l.id) > 1)
       ORDER BY l.loan_no`,
    )
    .all({ tid: f.townshipId ?? null }) as (Omit<ReconcileLoanFacts, 'statements' | 'payments'> & { id: number })[];
  return loans.map(({ id, ...l }) => {
    const facts = loanFacts(db, id);
    return { ...l, statements: facts.statements, payments: facts.payments };
  });
}
