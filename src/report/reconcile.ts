// The reconciliation of field cash with the ledger: every field payment posted or not yet (with days since collected),
// those before a loan's first statement to confirm, interest not determinable, and ledger drops no field payment
// explains (paid at the branch); per loan and per officer. Pure: loan facts in, a report out.
import { daysBetween, type IsoDate } from '../domain/dates.js';
import type { Fen } from '../domain/money.js';
import { postLoan, type InterestState, type PaymentState, type ReconcileLoanFacts } from '../domain/posting.js';

export interface ReconcilePayment {
  /** The local outcome id: `reconcile confirm PAYMENT`. */
  paymentId: number;
  visitId: number;
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  officer: string;
  paidOn: IsoDate;
  principalFen: Fen;
  interestFen: Fen;
  state: PaymentState;
  postedOn: IsoDate | null;
  interestState: InterestState;
  /** Days from the payment to today. */
  days: number;
}

export interface ReconcileBranch {
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  loanOfficer: string | null;
  from: IsoDate;
  to: IsoDate;
  principalFen: Fen;
  interestFen: Fen;
}

export interface Tally {
  count: number;
  principalFen: Fen;
  interestFen: Fen;
}

export interface ReconcileTotals {
  posted: Tally;
  unposted: Tally;
  confirm: Tally;
  /** Posted payments whose interest the ledger's interest drop does not show. */
  interestNotDeterminable: Tally;
  branch: Tally;
  /** Days since the oldest payment not yet posted (or to confirm) was collected, or null. */
  oldestUnpostedDays: number | null;
}

export interface ReconcileLoan {
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  loanOfficer: string | null;
  latestAsOf: IsoDate | null;
  statementPrincipalFen: Fen;
  statementInterestFen: Fen;
  outstandingPrincipalFen: Fen;
  outstandingInterestFen: Fen;
  totals: ReconcileTotals;
}

export interface ReconcileOfficer {
  officer: string;
  totals: ReconcileTotals;
}

export interface ReconcileReport {
  today: IsoDate;
  township: string | null;
  officer: string | null;
  since: IsoDate | null;
  totals: ReconcileTotals;
  /** Not yet posted and to confirm first, most overdue first; then posted, oldest first. */
  payments: ReconcilePayment[];
  branch: ReconcileBranch[];
  loans: ReconcileLoan[];
  officers: ReconcileOfficer[];
}

const tally = (): Tally => ({ count: 0, principalFen: 0, interestFen: 0 });
const add = (t: Tally, p: Fen, i: Fen) => {
  t.count++;
  t.principalFen += p;
  t.interestFen += i;
};

function totalsOf(payments: ReconcilePayment[], branch: ReconcileBranch[]): ReconcileTotals {
  const t: ReconcileTotals = { posted: tally(), unposted: tally(), confirm: tally(), interestNotDeterminable: tally(), branch: tally(), oldestUnpostedDays: null };
  for (const p of payments) {
    add(t[p.state], p.principalFen, p.interestFen);
    if (p.state === 'posted' && p.interestState === 'not-determinable') add(t.interestNotDeterminable, 0, p.interestFen);
    if (p.state !== 'posted') t.oldestUnpostedDays = Math.max(t.oldestUnpostedDays ?? 0, p.days);
  }
  for (const b of branch) add(t.branch, b.principalFen, b.interestFen);
  return t;
}

const pending = (p: ReconcilePayment) => (p.state === 'posted' ? 1 : 0);

/**
 * `officer`: that officer's payments, and the branch drops of the loans on that officer's roster. `since`: payments
 * collected on or after it, and branch drops whose later statement is on or after it. The loans listed are those with
 * something in scope; their outstanding balance is the whole loan's.
 */
export function buildReconcile(loans: ReconcileLoanFacts[], today: IsoDate, f: { township?: string | null; officer?: string | null; since?: IsoDate | null } = {}): ReconcileReport {
  const payments: ReconcilePayment[] = [];
  const branch: ReconcileBranch[] = [];
  const loanLines: ReconcileLoan[] = [];
  for (const l of loans) {
    const posting = postLoan(l.statements, l.payments);
    const byId = new Map(l.payments.map((p) => [p.id, p]));
    const mine: ReconcilePayment[] = [];
    for (const x of posting.payments) {
      const c = byId.get(x.id)!;
      if (f.officer && c.officer !== f.officer) continue;
      if (f.since && x.paidOn < f.since) continue;
      mine.push({
        paymentId: x.id,
        visitId: c.visitId,
        loanNo: l.loanNo,
        borrower: l.borrower,
        township: l.township,
        village: l.village,
        officer: c.officer,
        paidOn: x.paidOn,
        principalFen: x.principalFen,
        interestFen: x.interestFen,
        state: x.state,
        postedOn: x.postedOn,
        interestState: x.interestState,
        days: daysBetween(x.paidOn, today),
      });
    }
    const drops: ReconcileBranch[] = posting.branch
      .filter((b) => (!f.officer || l.loanOfficer === f.officer) && (!f.since || b.to >= f.since))
      .map((b) => ({ loanNo: l.loanNo, borrower: l.borrower, township: l.township, village: l.village, loanOfficer: l.loanOfficer, ...b }));
    if (mine.length === 0 && drops.length === 0) continue;
    payments.push(...mine);
    branch.push(...drops);
    const latest = posting.statements[posting.statements.length - 1] ?? null;
    loanLines.push({
      loanNo: l.loanNo,
      borrower: l.borrower,
      township: l.township,
      village: l.village,
      loanOfficer: l.loanOfficer,
      latestAsOf: latest?.asOf ?? null,
      statementPrincipalFen: latest?.principalFen ?? 0,
      statementInterestFen: latest?.interestFen ?? 0,
      outstandingPrincipalFen: posting.outstanding.principalFen,
      outstandingInterestFen: posting.outstanding.interestFen,
      totals: totalsOf(mine, drops),
    });
  }
  payments.sort((a, b) => pending(a) - pending(b) || (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0) || (a.loanNo < b.loanNo ? -1 : a.loanNo > b.loanNo ? 1 : 0) || a.paymentId - b.paymentId);
  branch.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.loanNo < b.loanNo ? -1 : a.loanNo > b.loanNo ? 1 : 0));
  // Loans with the most overdue unposted cash first.
  loanLines.sort((a, b) => (b.totals.oldestUnpostedDays ?? -1) - (a.totals.oldestUnpostedDays ?? -1) || (a.loanNo < b.loanNo ? -1 : a.loanNo > b.loanNo ? 1 : 0));
  const officerNames = [...new Set(payments.map((p) => p.officer))].sort();
  const officers = officerNames
    .map((o) => ({ officer: o, totals: totalsOf(payments.filter((p) => p.officer === o), []) }))
    .sort((a, b) => (b.totals.oldestUnpostedDays ?? -1) - (a.totals.oldestUnpostedDays ?? -1) || (a.officer < b.officer ? -1 : 1));
  return { today, township: f.township ?? null, officer: f.officer ?? null, since: f.since ?? null, totals: totalsOf(payments, branch), payments, branch, loans: loanLines, officers };
}
