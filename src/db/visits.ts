// Recording visits (never edited or deleted), voiding them, and the side effects a visit has on status and notices.
import type { Db } from './open.js';
import { databaseId } from './open.js';
import { stmt } from './stmt.js';
import { DataError } from '../domain/errors.js';
import { text, type Text } from '../domain/text.js';
import { uuidv7 } from '../domain/ids.js';
import { checkVisit, visitContentKey, type OutcomeInput, type VisitContent, type VisitInput } from '../domain/visit.js';
import type { SignedBy } from '../domain/outcomes.js';
import type { IsoDate } from '../domain/dates.js';
import { fenToDisplay } from '../domain/money.js';
import { noticeVoidWarning } from './notices.js';
import { postingOf, refreshLedger } from './ledger.js';

export interface RecordResult {
  visitId: number;
  uid: string;
  /** 'duplicate': the same visit (by visit_id or by content) was already recorded; nothing was written. */
  status: 'created' | 'duplicate';
  warnings: Text[];
}

interface LoanBal {
  id: number;
  loan_no: string;
  household_id: number;
  principal_fen: number;
  interest_fen: number;
}

function loanBalance(db: Db, loanId: number): LoanBal | undefined {
  return stmt(
    db,
    `SELECT l.id, l.loan_no, b.household_id, lb.principal_fen, lb.interest_fen
       FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN loan_balances lb ON lb.loan_id = l.id WHERE l.id = ?`,
  ).get(loanId) as LoanBal | undefined;
}

export function householdLoanIds(db: Db, householdId: number): number[] {
  return (
    stmt(db, `SELECT l.id FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE b.household_id = ? ORDER BY l.due_date, l.id`).all(householdId) as {
      id: number;
    }[]
  ).map((r) => r.id);
}

export function currentStatus(db: Db, borrowerId: number): { status: string; where: string | null } {
  const r = stmt(db, `SELECT status, where_text FROM borrower_status WHERE borrower_id = ?`).get(borrowerId) as
    | { status: string; where_text: string | null }
    | undefined;
  return { status: r?.status ?? 'active', where: r?.where_text ?? null };
}

/**
 * Checks and writes one visit with its outcomes and side effects. Call inside a transaction (recordVisit wraps
 * one; imports call it within their own). Throws DataError listing every problem; writes nothing then.
 */
export function recordVisitIn(db: Db, v: VisitInput, today: IsoDate, opts: { dedupeKey?: string | null } = {}): RecordResult {
  const warnings: Text[] = [];
  if (v.externalId) {
    const prev = stmt(db, `SELECT id, uid FROM visits WHERE external_id = ?`).get(v.externalId) as { id: number; uid: string } | undefined;
    if (prev) return { visitId: prev.id, uid: prev.uid, status: 'duplicate', warnings };
  }
  if (v.uid) {
    const prev = stmt(db, `SELECT id FROM visits WHERE uid = ?`).get(v.uid) as { id: number } | undefined;
    if (prev) return { visitId: prev.id, uid: v.uid, status: 'duplicate', warnings };
  }
  if (opts.dedupeKey) {
    const prev = stmt(db, `SELECT id, uid FROM visits WHERE dedupe_key = ?`).get(opts.dedupeKey) as { id: number; uid: string } | undefined;
    if (prev) return { visitId: prev.id, uid: prev.uid, status: 'duplicate', warnings };
  }
  const errs = checkVisit(v, today);
  const hh = householdLoanIds(db, v.householdId);
  if (hh.length === 0) errs.push(text('该农户没有贷款记录', 'this household has no loans on record'));
  // Cash always names its loan: with one loan in the household it is that one.
  const outcomes: OutcomeInput[] = v.outcomes.map((o) => (o.kind === 'cash' && o.loanId === null && hh.length === 1 ? { ...o, loanId: hh[0]! } : o));
  // Whose act: a signature on a guarantor notice is the guarantor's unless said otherwise; a guarantor can act only
  // on a loan that has one.
  const noticeType = (no: string | null | undefined) =>
    no ? ((stmt(db, `SELECT type FROM notices WHERE notice_no = ?`).pluck().get(no) as string | null | undefined) ?? null) : null;
  const actors = outcomes.map((o): SignedBy | null =>
    o.kind === 'notice-signed' ? (o.signedBy ?? (noticeType(o.noticeNo) === 'guarantor' ? 'guarantor' : 'borrower')) : o.kind === 'intent' || o.kind === 'cash' ? (o.by ?? 'borrower') : null,
  );
  outcomes.forEach((o, k) => {
    if (actors[k] !== 'guarantor') return;
    const loans = o.loanId !== null ? [o.loanId] : hh;
    const withGuarantor = loans.some((id) => !!(stmt(db, `SELECT guarantor FROM loans WHERE id = ?`).pluck().get(id) as string | null)?.trim());
    if (!withGuarantor) {
      errs.push(
        text(
          `${o.kind === 'notice-signed' ? '--signed-by' : '--by'} guarantor：该贷款没有登记保证人，保证人不能为它签收、承诺或还款`,
          `${o.kind === 'notice-signed' ? '--signed-by' : '--by'} guarantor: the loan has no guarantor on record, so no guarantor can sign, promise or pay for it`,
        ),
      );
    }
  });
  const paid = new Map<number, { p: number; i: number }>();
  for (const o of outcomes) {
    if (o.loanId !== null && !hh.includes(o.loanId)) errs.push(text('所选贷款不属于该农户', 'the loan named does not belong to this household'));
    if (o.kind !== 'cash') continue;
    if (o.loanId === null) {
      errs.push(text('该农户有多笔贷款：现金收回必须指明合同编号（--loan）', 'this household has several loans: name the loan the cash went to (--loan)'));
      continue;
    }
    const acc = paid.get(o.loanId) ?? { p: 0, i: 0 };
    acc.p += o.principalFen ?? 0;
    acc.i += o.interestFen ?? 0;
    paid.set(o.loanId, acc);
  }
  for (const [loanId, acc] of paid) {
    const bal = loanBalance(db, loanId);
    if (!bal) continue;
    // Owed = the latest statement less the field cash it does not show yet (src/domain/posting.ts). The new cash is
    // posted with the rest, so a payment that would push any earlier one out of the ledger's drop counts too.
    const after = postingOf(db, loanId, [{ id: -1, key: `${v.uid ?? '~'}:new`, paidOn: v.visitDate, principalFen: acc.p, interestFen: acc.i, confirmed: false }]).outstanding;
    const pending = (stmt(db, `SELECT count(*) FROM payment_postings WHERE loan_id = ? AND state <> 'posted'`).pluck().get(loanId) as number) > 0;
    const hint = pending
      ? text(`（尚未入账的现场收款已从余额中扣除：见 fieldvisit reconcile）`, ` (field cash the ledger does not show yet is already taken off: see fieldvisit reconcile)`)
      : text('', '');
    if (after.principalFen < 0) {
      errs.push(
        text(
          `收回本金 ${fenToDisplay(acc.p)} 超过贷款 ${bal.loan_no} 的余额 ${fenToDisplay(bal.principal_fen)}${hint.zh}`,
          `principal paid ${fenToDisplay(acc.p)} is more than loan ${bal.loan_no} owes (${fenToDisplay(bal.principal_fen)})${hint.en}`,
        ),
      );
    }
    if (after.interestFen < 0) {
      errs.push(
        text(
          `收回利息 ${fenToDisplay(acc.i)} 超过贷款 ${bal.loan_no} 的欠息 ${fenToDisplay(bal.interest_fen)}${hint.zh}`,
          `interest paid ${fenToDisplay(acc.i)} is more than loan ${bal.loan_no} owes in interest (${fenToDisplay(bal.interest_fen)})${hint.en}`,
        ),
      );
    }
  }
  if (errs.length) throw new DataError(errs[0]!, errs.slice(1));

  const borrowerId =
    v.borrowerId ??
    (stmt(db, `SELECT id FROM borrowers WHERE household_id = ? ORDER BY id LIMIT 1`).get(v.householdId) as { id: number } | undefined)?.id ??
    null;
  if (borrowerId !== null && currentStatus(db, borrowerId).status === 'deceased') {
    warnings.push(text('借款人已登记为死亡：请核实，并向继承人或家属了解代为清偿的意愿', 'the borrower is recorded as deceased: verify, and ask the heirs or family about repaying on the estate’s behalf'));
  }

  const uid = v.uid ?? uuidv7();
  const origin = v.originDb ?? databaseId(db);
  const ev = v.evidence;
  const visitId = Number(
    stmt(db, 
        `INSERT INTO visits (uid, origin_db, household_id, borrower_id, visit_date, officer, note, escalate, source, external_id, dedupe_key, created_at,
                             channel, delivery, delivered_on, delivered_to, tracking_no, recording)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uid, origin, v.householdId, borrowerId, v.visitDate, v.officer.trim(), v.note ?? null, v.escalate ?? null, v.source, v.externalId ?? null, opts.dedupeKey ?? null, v.createdAt,
        ev?.channel ?? 'visit', ev?.delivery ?? null, ev?.deliveredOn ?? null, ev?.deliveredTo ?? null, ev?.trackingNo ?? null, ev?.recording === null || ev?.recording === undefined ? null : ev.recording ? 1 : 0,
      )
      .lastInsertRowid,
  );
  const ins = stmt(db, 
    `INSERT INTO visit_outcomes (visit_id, kind, loan_id, notice_no, signed_by, relation, reason, where_text, principal_fen, interest_fen, promise_amount_fen, promise_date, text, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [k, o] of outcomes.entries()) {
    const actor = actors[k]!;
    ins.run(
      visitId,
      o.kind,
      o.loanId,
      o.noticeNo ?? null,
      // signed_by keeps its two old values; a guarantor's signature is told by actor alone.
      o.kind === 'notice-signed' && actor !== 'guarantor' ? actor : null,
      o.relation ?? null,
      o.reason ?? null,
      o.where ?? null,
      o.kind === 'cash' ? (o.principalFen ?? 0) : null,
      o.kind === 'cash' ? (o.interestFen ?? 0) : null,
      o.kind === 'intent' ? (o.promiseAmountFen ?? null) : null,
      o.kind === 'intent' ? (o.promiseDate ?? null) : null,
      o.text ?? null,
      actor,
    );
  }
  if (paid.size) refreshLedger(db, paid.keys());
  if (borrowerId !== null && v.source !== 'merge') applyStatusChanges(db, borrowerId, uid, v.visitDate, outcomes.map((o, k) => ({ ...o, signedBy: actors[k] })), v.createdAt, origin);
  for (const o of outcomes) {
    if (o.kind === 'notice-signed' && o.noticeNo) warnings.push(...linkNotice(db, o.noticeNo, o.loanId ?? hh[0]!, v.visitDate, v.createdAt, origin));
  }
  return { visitId, uid, status: 'created', warnings };
}

export function recordVisit(db: Db, v: VisitInput, today: IsoDate, opts: { dedupeKey?: string | null } = {}): RecordResult {
  return db.transaction(() => recordVisitIn(db, v, today, opts)).immediate();
}

/** `away` marks the borrower away (where), `deceased` marks them deceased; the borrower signing in person brings them back. */
function applyStatusChanges(db: Db, borrowerId: number, visitUid: string, date: IsoDate, outcomes: OutcomeInput[], recordedAt: string, origin: string): void {
  const cur = currentStatus(db, borrowerId);
  let next: { status: 'active' | 'away' | 'deceased'; where: string | null } | null = null;
  for (const o of outcomes) {
    if (o.kind === 'not-signed' && o.reason === 'away') next = { status: 'away', where: o.where ?? null };
    if (o.kind === 'not-signed' && o.reason === 'deceased') next = { status: 'deceased', where: null };
    if (o.kind === 'notice-signed' && (o.signedBy ?? 'borrower') === 'borrower' && cur.status !== 'active') next = { status: 'active', where: null };
  }
  if (!next || (next.status === cur.status && next.where === cur.where)) return;
  insertBorrowerEvent(db, { borrowerId, kind: 'status', status: next.status, where: next.where, effectiveOn: date, visitUid, recordedAt, originDb: origin });
}

export function insertBorrowerEvent(
  db: Db,
  e: {
    uid?: string;
    originDb?: string;
    borrowerId: number;
    kind: 'status' | 'heir' | 'stance';
    status?: string | null;
    where?: string | null;
    heirName?: string | null;
    stance?: string | null;
    effectiveOn: IsoDate;
    visitUid?: string | null;
    recordedAt: string;
  },
): string {
  const uid = e.uid ?? uuidv7();
  stmt(db, 
    `INSERT INTO borrower_events (uid, origin_db, borrower_id, kind, status, where_text, heir_name, stance, effective_on, visit_uid, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`,
  ).run(uid, e.originDb ?? databaseId(db), e.borrowerId, e.kind, e.status ?? null, e.where ?? null, e.heirName ?? null, e.stance ?? null, e.effectiveOn, e.visitUid ?? null, e.recordedAt);
  return uid;
}

/** A signed-back number this register never issued is recorded as an external notice, with a warning. */
function linkNotice(db: Db, noticeNo: string, loanId: number, date: IsoDate, recordedAt: string, origin: string): Text[] {
  const n = stmt(db, `SELECT loan_id FROM notices WHERE notice_no = ?`).get(noticeNo) as { loan_id: number } | undefined;
  if (!n) {
    stmt(db, 
      `INSERT INTO notices (uid, origin_db, notice_no, loan_id, type, issued_on, external, recorded_at) VALUES (?, ?, ?, ?, NULL, NULL, 1, ?)`,
    ).run(uuidv7(), origin, noticeNo, loanId, recordedAt);
    void date;
    return [text(`通知书编号 ${noticeNo} 不在台账中：已作为外部通知书登记`, `notice ${noticeNo} is not in the register: recorded as an external notice`)];
  }
  if (n.loan_id !== loanId) {
    return [text(`通知书 ${noticeNo} 在台账中属于另一笔贷款：请核对编号`, `notice ${noticeNo} was issued for another loan: check the number`)];
  }
  return noticeVoidWarning(db, noticeNo);
}

export interface VoidResult {
  visitId: number;
  uid: string;
  alreadyVoid: boolean;
}

export function voidVisit(db: Db, visitId: number, reason: string, voidedBy: string | null, voidedAt: string): VoidResult {
  return db
    .transaction((): VoidResult => {
      const v = stmt(db, `SELECT id, uid FROM visits WHERE id = ?`).get(visitId) as { id: number; uid: string } | undefined;
      if (!v) throw new DataError(text(`没有编号为 ${visitId} 的走访记录：用 fieldvisit visit list --all 查看。`, `No visit with id ${visitId}: see fieldvisit visit list --all.`));
      const prev = stmt(db, `SELECT 1 FROM visit_voids WHERE visit_uid = ?`).get(v.uid);
      if (prev) return { visitId: v.id, uid: v.uid, alreadyVoid: true };
      stmt(db, `INSERT INTO visit_voids (uid, origin_db, visit_uid, reason, voided_by, voided_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
        uuidv7(),
        databaseId(db),
        v.uid,
        reason,
        voidedBy,
        voidedAt,
      );
      refreshLedger(db, stmt(db, `SELECT DISTINCT loan_id FROM visit_outcomes WHERE visit_id = ? AND kind = 'cash' AND loan_id IS NOT NULL`).pluck().all(v.id) as number[]);
      return { visitId: v.id, uid: v.uid, alreadyVoid: false };
    })
    .immediate();
}

/**
 * The content keys of a visit recorded from a file under `externalId` (the file's visit_id), rebuilt from what was
 * stored; null when no visit has that id. Two keys when its signature may have been the guarantor's by default.
 */
export function storedVisitContentKeys(db: Db, externalId: string): string[] | null {
  const v = stmt(db, `SELECT id, visit_date, officer, note, escalate FROM visits WHERE external_id = ?`).get(externalId) as
    | { id: number; visit_date: string; officer: string; note: string | null; escalate: string | null }
    | undefined;
  if (!v) return null;
  const os = stmt(
    db,
    `SELECT o.kind, l.loan_no, o.notice_no, o.signed_by, o.actor, o.relation, o.reason, o.where_text, o.principal_fen, o.interest_fen, o.promise_amount_fen, o.promise_date
     FROM visit_outcomes o LEFT JOIN loans l ON l.id = o.loan_id WHERE o.visit_id = ? ORDER BY o.id`,
  ).all(v.id) as {
    kind: string; loan_no: string | null; notice_no: string | null; signed_by: string | null; actor: string | null; relation: string | null; reason: string | null;
    where_text: string | null; principal_fen: number | null; interest_fen: number | null; promise_amount_fen: number | null; promise_date: string | null;
  }[];
  const find = (k: string) => os.find((o) => o.kind === k);
  const signed = find('notice-signed');
  const base: VisitContent = {
    loanNo: os.find((o) => o.loan_no)?.loan_no ?? '',
    visitDate: v.visit_date,
    officer: v.officer,
    outcomes: os.map((o) => o.kind),
    principalFen: find('cash')?.principal_fen ?? null,
    interestFen: find('cash')?.interest_fen ?? null,
    promiseAmountFen: find('intent')?.promise_amount_fen ?? null,
    promiseDate: find('intent')?.promise_date ?? null,
    noticeNo: signed?.notice_no ?? null,
    signedBy: signed ? (signed.actor === 'guarantor' ? 'guarantor' : signed.signed_by) : null,
    relation: signed?.relation ?? null,
    reason: find('not-signed')?.reason ?? null,
    where: find('not-signed')?.where_text ?? null,
    note: v.note,
    escalate: v.escalate,
  };
  const keys = [visitContentKey(base)];
  if (signed?.actor === 'guarantor') keys.push(visitContentKey({ ...base, signedBy: null }));
  return keys;
}

/** The loan and household a loan number refers to. */
export function loanByNo(db: Db, loanNo: string): { loanId: number; householdId: number; borrowerId: number } | null {
  return (
    (stmt(db, `SELECT l.id AS loanId, b.household_id AS householdId, b.id AS borrowerId FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.loan_no = ?`)
      .get(loanNo) as { loanId: number; householdId: number; borrowerId: number } | undefined) ?? null
  );
}
