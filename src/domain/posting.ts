// Posting field cash against the back office's ledger: which field payments a later statement shows, which are not
// yet in the books, which need confirming, and what the ledger shows that no field payment explains (paid at the
// branch). Pure: statements, payments and confirmations in, the derived state out — never stored as a fact.
import type { IsoDate } from './dates.js';
import type { Fen } from './money.js';

/** The ledger's statement of one loan's balance at the start of its as-of day (a roster import). */
export interface LedgerStatement {
  uid: string;
  asOf: IsoDate;
  principalFen: Fen;
  interestFen: Fen;
  /** When it was recorded (UTC). */
  recordedAt: string;
}

/** A live cash outcome. `key` is the same on every laptop (visit uid and the outcome's place in the visit). */
export interface FieldPayment {
  id: number;
  key: string;
  paidOn: IsoDate;
  principalFen: Fen;
  interestFen: Fen;
  /** A live confirmation says the first statement includes it (only meaningful before the first statement). */
  confirmed: boolean;
}

/**
 * posted: a statement shows its principal (or it is confirmed as in the first statement); unposted: no statement
 * shows it yet; confirm: dated before the first statement and not confirmed — counts as not posted.
 */
export type PaymentState = 'posted' | 'unposted' | 'confirm';
/** not-determinable: the principal posted, but the interest drop (net of what the ledger accrued) does not show it. */
export type InterestState = 'posted' | 'unposted' | 'not-determinable';

export interface PostedPayment extends FieldPayment {
  state: PaymentState;
  /** The as-of date of the statement that shows the principal, else null. */
  postedOn: IsoDate | null;
  interestState: InterestState;
  interestPostedOn: IsoDate | null;
}

/** A fall in the ledger's balance between two statements that no field payment explains: paid at the branch. */
export interface BranchDrop {
  from: IsoDate;
  to: IsoDate;
  principalFen: Fen;
  interestFen: Fen;
}

export interface LoanPosting {
  /** The statements used, one per as-of date, oldest first. */
  statements: LedgerStatement[];
  payments: PostedPayment[];
  branch: BranchDrop[];
  /** The latest statement less the field payments not yet posted (interest not determinable counts as not posted). */
  outstanding: { principalFen: Fen; interestFen: Fen };
}

/**
 * One statement per as-of date. Two live statements of one day that disagree (two laptops imported different files
 * for the same date; a correction made on one laptop voids the old statement) resolve by content alone, so every
 * laptop picks the same: the lower principal, then the lower interest (the balance errs low), then the smaller uid.
 */
export function effectiveStatements(statements: readonly LedgerStatement[]): LedgerStatement[] {
  const byDay = new Map<IsoDate, LedgerStatement>();
  for (const s of statements) {
    const cur = byDay.get(s.asOf);
    const lower =
      !cur ||
      s.principalFen < cur.principalFen ||
      (s.principalFen === cur.principalFen && (s.interestFen < cur.interestFen || (s.interestFen === cur.interestFen && s.uid < cur.uid)));
    if (lower) byDay.set(s.asOf, s);
  }
  return [...byDay.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

const byDate = (a: FieldPayment, b: FieldPayment) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The rules, per loan:
 * - A payment dated before the first statement is `confirm` until confirmed; confirmed, it is posted in the first
 *   statement (principal and interest). It is never matched against later drops (a person decides, not a guess).
 * - Between consecutive statements A and B: drop = A.principal − B.principal. When drop ≥ 0, the unposted payments
 *   dated before B.asOf, oldest first, post at B while their principal total stays within the drop (the first that
 *   does not fit stops the run: later ones wait, so nothing is posted out of order). What is left of the drop was
 *   paid at the branch. A principal that grew posts nothing. A payment not shown stays a candidate for later statements.
 * - Interest: the payments that post at B post their interest, oldest first, while it stays within A.interest −
 *   B.interest; the rest is not determinable (the ledger accrues interest, which hides payments). It is settled with
 *   the principal and not carried to later statements. Interest drop beyond the field interest posting at B is
 *   counted with the branch drop.
 */
export function postLoan(statementsIn: readonly LedgerStatement[], paymentsIn: readonly FieldPayment[]): LoanPosting {
  const statements = effectiveStatements(statementsIn);
  const payments: PostedPayment[] = [...paymentsIn]
    .sort(byDate)
    .map((p) => ({ ...p, state: 'unposted', postedOn: null, interestState: 'unposted', interestPostedOn: null }));
  const branch: BranchDrop[] = [];
  const first = statements[0];
  if (first) {
    for (const p of payments) {
      if (p.paidOn >= first.asOf) continue;
      if (p.confirmed) {
        p.state = 'posted';
        p.postedOn = first.asOf;
        p.interestState = 'posted';
        p.interestPostedOn = first.asOf;
      } else p.state = 'confirm';
    }
  }
  for (let k = 1; k < statements.length; k++) {
    const a = statements[k - 1]!;
    const b = statements[k]!;
    const drop = a.principalFen - b.principalFen;
    if (drop < 0) continue;
    const posting: PostedPayment[] = [];
    let acc = 0;
    for (const p of payments) {
      if (p.state !== 'unposted' || p.paidOn >= b.asOf) continue;
      if (acc + p.principalFen > drop) break;
      acc += p.principalFen;
      posting.push(p);
    }
    const interestDrop = a.interestFen - b.interestFen;
    let iacc = 0;
    let blocked = false;
    for (const p of posting) {
      p.state = 'posted';
      p.postedOn = b.asOf;
      if (!blocked && iacc + p.interestFen <= Math.max(interestDrop, 0)) {
        iacc += p.interestFen;
        p.interestState = 'posted';
        p.interestPostedOn = b.asOf;
      } else {
        blocked = true;
        p.interestState = 'not-determinable';
      }
    }
    const fieldInterest = posting.reduce((s, p) => s + p.interestFen, 0);
    const branchPrincipal = drop - acc;
    const branchInterest = Math.max(0, interestDrop - fieldInterest);
    if (branchPrincipal > 0 || branchInterest > 0) branch.push({ from: a.asOf, to: b.asOf, principalFen: branchPrincipal, interestFen: branchInterest });
  }
  const latest = statements[statements.length - 1];
  let p = latest?.principalFen ?? 0;
  let i = latest?.interestFen ?? 0;
  for (const x of payments) {
    if (x.state !== 'posted') p -= x.principalFen;
    if (x.interestState !== 'posted') i -= x.interestFen;
  }
  return { statements, payments, branch, outstanding: { principalFen: p, interestFen: i } };
}

/**
 * The balance at the start of `day` on the same basis: R = the latest statement on or before the day, else the first;
 * balance = R − the payments dated before the day that R does not show (not posted, or posted by a later statement)
 * + the payments dated on or after the day that R shows (confirmed payments before the first statement).
 */
export function balanceAt(posting: LoanPosting, day: IsoDate): { principalFen: Fen; interestFen: Fen } {
  const st = posting.statements;
  if (st.length === 0) {
    const paid = posting.payments.filter((x) => x.paidOn < day);
    return { principalFen: 0 - paid.reduce((s, x) => s + x.principalFen, 0), interestFen: 0 - paid.reduce((s, x) => s + x.interestFen, 0) };
  }
  let r = st[0]!;
  for (const s of st) if (s.asOf <= day) r = s;
  let p = r.principalFen;
  let i = r.interestFen;
  const shown = (on: IsoDate | null) => on !== null && on <= r.asOf;
  for (const x of posting.payments) {
    if (x.paidOn < day) {
      if (!shown(x.postedOn)) p -= x.principalFen;
      if (!shown(x.interestPostedOn)) i -= x.interestFen;
    } else {
      if (shown(x.postedOn)) p += x.principalFen;
      if (shown(x.interestPostedOn)) i += x.interestFen;
    }
  }
  return { principalFen: p, interestFen: i };
}

/** A field payment with who collected it and where it was recorded (the local ids `visit list` and `reconcile` show). */
export interface CollectedPayment extends FieldPayment {
  visitId: number;
  officer: string;
}

/** One loan's facts for reconciliation: who and where, its live statements and payments. */
export interface ReconcileLoanFacts {
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  /** The loan's officer on the roster (管户员), or null. */
  loanOfficer: string | null;
  statements: LedgerStatement[];
  payments: CollectedPayment[];
}
