// The ledger's facts (statements, field payments, confirmations) and the cache derived from them: each loan's
// outstanding balance (loan_ledger, read through the loan_balances view) with the sum of its live field payments,
// and where each payment posted (payment_postings). The posting rules live in src/domain/posting.ts; this module only reads facts and writes the cache.
import type { Db } from './open.js';
import { stmt } from './stmt.js';
import { insertFact, voidFact } from './facts.js';
import { statementUid } from './migrations/0009_ledger.js';
import { postLoan, type FieldPayment, type LedgerStatement, type LoanPosting } from '../domain/posting.js';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';
import type { IsoDate } from '../domain/dates.js';

export { statementUid };

const LIVE_STATEMENTS = `SELECT s.uid, s.as_of AS asOf, s.principal_fen AS principalFen, s.interest_fen AS interestFen, s.recorded_at AS recordedAt
  FROM ledger_statements s WHERE s.loan_id = ? AND NOT EXISTS (SELECT 1 FROM fact_voids z WHERE z.target_uid = s.uid)`;

/** A cash outcome's place among its visit's outcomes: with the visit's uid it names the payment on every laptop. */
const SEQ = `(SELECT count(*) FROM visit_outcomes o2 WHERE o2.visit_id = o.visit_id AND o2.id < o.id)`;

const LIVE_PAYMENTS = `SELECT o.id, v.uid AS visitUid, ${SEQ} AS seq, v.visit_date AS paidOn, o.principal_fen AS principalFen, o.interest_fen AS interestFen,
    EXISTS (SELECT 1 FROM payment_confirmations c WHERE c.visit_uid = v.uid AND c.outcome_seq = ${SEQ}
            AND NOT EXISTS (SELECT 1 FROM fact_voids z WHERE z.target_uid = c.uid)) AS confirmed,
    v.id AS visitId, v.officer
  FROM visit_outcomes o JOIN visits v ON v.id = o.visit_id
  WHERE o.loan_id = ? AND o.kind = 'cash' AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)`;

export interface PaymentFact extends FieldPayment {
  visitId: number;
  visitUid: string;
  seq: number;
  officer: string;
}

/** The live statements and payments of one loan. */
export function loanFacts(db: Db, loanId: number): { statements: LedgerStatement[]; payments: PaymentFact[] } {
  const statements = stmt(db, LIVE_STATEMENTS).all(loanId) as LedgerStatement[];
  const payments = (stmt(db, LIVE_PAYMENTS).all(loanId) as (Omit<PaymentFact, 'key' | 'confirmed'> & { confirmed: number })[]).map((p) => ({
    ...p,
    key: `${p.visitUid}:${String(p.seq).padStart(4, '0')}`,
    confirmed: p.confirmed === 1,
  }));
  return { statements, payments };
}

/** The posting of one loan from its facts, with extra payments not yet written (to check cash before saving it). */
export function postingOf(db: Db, loanId: number, extra: FieldPayment[] = []): LoanPosting {
  const f = loanFacts(db, loanId);
  return postLoan(f.statements, [...f.payments, ...extra]);
}

export interface LedgerCounts {
  posted: number;
  unposted: number;
  confirm: number;
  branch: number;
  postedFen: number;
  unpostedFen: number;
  confirmFen: number;
  branchFen: number;
}

export function emptyCounts(): LedgerCounts {
  return { posted: 0, unposted: 0, confirm: 0, branch: 0, postedFen: 0, unpostedFen: 0, confirmFen: 0, branchFen: 0 };
}

export function addCounts(c: LedgerCounts, p: LoanPosting): void {
  for (const x of p.payments) {
    const fen = x.principalFen + x.interestFen;
    if (x.state === 'posted') (c.posted++, (c.postedFen += fen));
    else if (x.state === 'confirm') (c.confirm++, (c.confirmFen += fen));
    else (c.unposted++, (c.unpostedFen += fen));
  }
  for (const b of p.branch) (c.branch++, (c.branchFen += b.principalFen + b.interestFen));
}

/**
 * Recomputes the cache of each loan from its facts, and keeps the loan's roster figures (principal, interest, as-of)
 * those of its latest statement, for code that reads them. Call inside the transaction that changed the facts.
 * Returns the counts over these loans (posted, not yet posted, to confirm, paid at the branch).
 */
export function refreshLedger(db: Db, loanIds: Iterable<number>): LedgerCounts {
  const counts = emptyCounts();
  const setLoan = stmt(db, `UPDATE loans SET principal_fen = ?, interest_fen = ?, balance_as_of = ? WHERE id = ? AND NOT (principal_fen = ? AND interest_fen = ? AND balance_as_of = ?)`);
  const setLedger = stmt(
    db,
    `INSERT INTO loan_ledger (loan_id, principal_fen, interest_fen, paid_principal_fen, paid_interest_fen) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (loan_id) DO UPDATE SET principal_fen = excluded.principal_fen, interest_fen = excluded.interest_fen,
       paid_principal_fen = excluded.paid_principal_fen, paid_interest_fen = excluded.paid_interest_fen`,
  );
  const clear = stmt(db, `DELETE FROM payment_postings WHERE loan_id = ?`);
  const post = stmt(db, `INSERT INTO payment_postings (outcome_id, loan_id, state, posted_on, interest_state, interest_posted_on) VALUES (?, ?, ?, ?, ?, ?)`);
  const seen = new Set<number>();
  for (const id of loanIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const p = postingOf(db, id);
    // Every live field payment of the loan, whatever its date or posting (the aging report's "paid on record").
    const paid = p.payments.reduce((s, x) => ({ p: s.p + x.principalFen, i: s.i + x.interestFen }), { p: 0, i: 0 });
    const latest = p.statements[p.statements.length - 1];
    if (latest) setLoan.run(latest.principalFen, latest.interestFen, latest.asOf, id, latest.principalFen, latest.interestFen, latest.asOf);
    else {
      // No live statement (all voided): the roster figures stand as the only statement there is.
      const l = stmt(db, `SELECT principal_fen AS p, interest_fen AS i FROM loans WHERE id = ?`).get(id) as { p: number; i: number } | undefined;
      if (!l) continue;
      p.outstanding = { principalFen: l.p - paid.p, interestFen: l.i - paid.i };
    }
    setLedger.run(id, p.outstanding.principalFen, p.outstanding.interestFen, paid.p, paid.i);
    clear.run(id);
    for (const x of p.payments) post.run(x.id, id, x.state, x.postedOn, x.interestState, x.interestPostedOn);
    addCounts(counts, p);
  }
  return counts;
}

/** Every loan, from scratch (tests compare it with the cache; also a repair). */
export function rebuildLedger(db: Db): LedgerCounts {
  return refreshLedger(db, stmt(db, `SELECT id FROM loans ORDER BY id`).pluck().all() as number[]);
}

/**
 * Records a roster's statement of a loan, once: the same figures for the same day (from another import or laptop)
 * are the same statement. A different statement of the same day made here corrects the earlier one, which is voided.
 */
export function recordStatement(
  db: Db,
  s: { loanId: number; loanNo: string; asOf: IsoDate; principalFen: number; interestFen: number; assumed: boolean; recordedAt: string; originDb?: string },
  by: string,
): 'created' | 'unchanged' {
  const uid = statementUid(s.loanNo, s.asOf, s.principalFen, s.interestFen);
  if (stmt(db, `SELECT 1 FROM ledger_statements WHERE uid = ?`).get(uid)) return 'unchanged';
  const others = stmt(db, `SELECT s.id FROM ledger_statements s WHERE s.loan_id = ? AND s.as_of = ? AND NOT EXISTS (SELECT 1 FROM fact_voids z WHERE z.target_uid = s.uid)`).pluck().all(s.loanId, s.asOf) as number[];
  const values = { loan_id: s.loanId, as_of: s.asOf, principal_fen: s.principalFen, interest_fen: s.interestFen, assumed: s.assumed ? 1 : 0, recorded_at: s.recordedAt };
  if (s.originDb) {
    stmt(db, `INSERT INTO ledger_statements (uid, origin_db, loan_id, as_of, principal_fen, interest_fen, assumed, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      uid, s.originDb, s.loanId, s.asOf, s.principalFen, s.interestFen, values.assumed, s.recordedAt,
    );
  } else insertFact(db, 'ledger_statements', values, uid);
  for (const id of others) {
    voidFact(db, 'ledger_statements', id, { reason: `corrected by a roster of the same date (${s.asOf})`, voidedBy: by, voidedAt: s.recordedAt }, { zh: '余额记录', en: 'statement', hint: 'fieldvisit reconcile' });
  }
  return 'created';
}

export interface PaymentRef {
  outcomeId: number;
  loanId: number;
  loanNo: string;
  visitUid: string;
  seq: number;
  paidOn: IsoDate;
}

/** A cash outcome by its local id (as `visit list` and `reconcile` show it). */
export function paymentById(db: Db, outcomeId: number): PaymentRef | null {
  return (
    (stmt(
      db,
      `SELECT o.id AS outcomeId, o.loan_id AS loanId, l.loan_no AS loanNo, v.uid AS visitUid, ${SEQ} AS seq, v.visit_date AS paidOn
       FROM visit_outcomes o JOIN visits v ON v.id = o.visit_id JOIN loans l ON l.id = o.loan_id WHERE o.id = ? AND o.kind = 'cash'`,
    ).get(outcomeId) as PaymentRef | undefined) ?? null
  );
}

/**
 * Confirms that a payment dated before its loan's first statement is included in it. Refuses a payment that is not
 * cash, is void, or is not before the first statement; a second confirmation of the same payment changes nothing.
 */
export function confirmPayment(db: Db, outcomeId: number, c: { note: string | null; by: string | null; recordedAt: string }): { id: number; created: boolean; ref: PaymentRef } {
  return db
    .transaction(() => {
      const ref = paymentById(db, outcomeId);
      if (!ref) {
        throw new DataError(text(`没有编号为 ${outcomeId} 的现金收回：用 fieldvisit reconcile 或 fieldvisit visit list --outcome cash 查看收款编号。`, `No cash payment with id ${outcomeId}: see the payment ids in fieldvisit reconcile or fieldvisit visit list --outcome cash.`));
      }
      if (stmt(db, `SELECT 1 FROM visit_voids WHERE visit_uid = ?`).get(ref.visitUid)) {
        throw new DataError(text(`收款 ${outcomeId} 所在的走访已作废，无需确认。`, `Payment ${outcomeId} belongs to a void visit; there is nothing to confirm.`));
      }
      const first = stmt(db, `SELECT min(as_of) FROM effective_statements WHERE loan_id = ?`).pluck().get(ref.loanId) as string | null;
      if (first === null || ref.paidOn >= first) {
        throw new DataError(
          text(
            `收款 ${outcomeId}（${ref.paidOn}）不早于贷款 ${ref.loanNo} 的第一份余额（${first ?? '无'}）：它在之后的花名册显示时自动入账，无需确认。`,
            `Payment ${outcomeId} (${ref.paidOn}) is not before loan ${ref.loanNo}'s first statement (${first ?? 'none'}): it posts when a later roster shows it, with no confirmation.`,
          ),
        );
      }
      const prev = stmt(
        db,
        `SELECT c.id FROM payment_confirmations c WHERE c.visit_uid = ? AND c.outcome_seq = ? AND NOT EXISTS (SELECT 1 FROM fact_voids z WHERE z.target_uid = c.uid)`,
      ).pluck().get(ref.visitUid, ref.seq) as number | undefined;
      if (prev !== undefined) return { id: prev, created: false, ref };
      const r = insertFact(db, 'payment_confirmations', { loan_id: ref.loanId, visit_uid: ref.visitUid, outcome_seq: ref.seq, note: c.note, confirmed_by: c.by, recorded_at: c.recordedAt });
      refreshLedger(db, [ref.loanId]);
      return { id: r.id, created: true, ref };
    })
    .immediate();
}

/** Voids a confirmation by its id: the payment is again "before the first statement — confirm". */
export function voidConfirmation(db: Db, id: number, v: { reason: string; voidedBy: string; voidedAt: string }): { uid: string; alreadyVoid: boolean } {
  return db
    .transaction(() => {
      const r = voidFact(db, 'payment_confirmations', id, v, { zh: '入账确认', en: 'confirmation', hint: 'fieldvisit reconcile --json' });
      const loan = stmt(db, `SELECT loan_id FROM payment_confirmations WHERE id = ?`).pluck().get(id) as number;
      refreshLedger(db, [loan]);
      return r;
    })
    .immediate();
}

/** Loans whose facts a set of fact uids (statements, confirmations, or voids of them) concern. */
export function loansOfFactUids(db: Db, uids: string[]): number[] {
  const q = stmt(db, `SELECT loan_id FROM ledger_statements WHERE uid = ? UNION SELECT loan_id FROM payment_confirmations WHERE uid = ?`).pluck();
  const out = new Set<number>();
  for (const u of uids) for (const l of q.all(u, u) as number[]) out.add(l);
  return [...out];
}
