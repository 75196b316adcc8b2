// The notice register (台账): issuing numbered notices from a loan, and each number's issue and sign-back history.
import type { Db } from './open.js';
import { databaseId } from './open.js';
import { DataError } from '../domain/errors.js';
import { text, type Text } from '../domain/text.js';
import { uuidv7 } from '../domain/ids.js';
import type { IsoDate } from '../domain/dates.js';
import { noticeSeries, type NoticeType } from '../domain/notice.js';

export interface NoticeRow {
  noticeId: number;
  noticeNo: string;
  type: NoticeType | null;
  issuedOn: IsoDate | null;
  external: boolean;
  loanId: number;
  loanNo: string;
  borrowerId: number;
  borrower: string;
  householdId: number;
  township: string;
  village: string;
  group: string | null;
  principalFen: number | null;
  interestFen: number | null;
  loanDate: IsoDate | null;
  dueDate: IsoDate | null;
  guarantor: string | null;
  guarantorAddress: string | null;
  /** The date the notice asks payment by, as issued (null: within N days of receipt). */
  payBy: IsoDate | null;
  /** The earliest void of this number (notice void), if any: the notice stays in the register, marked void. */
  voidedAt: string | null;
  voidReason: string | null;
  voidedBy: string | null;
  /** The first live visit that recorded this number signed back, if any. */
  signedOn: IsoDate | null;
  signedBy: 'borrower' | 'relative' | 'guarantor' | null;
  relation: string | null;
  signedVisitId: number | null;
  signedOfficer: string | null;
}

const NOTICE_SELECT = `
  SELECT n.id AS noticeId, n.notice_no AS noticeNo, n.type, n.issued_on AS issuedOn, n.external,
         l.id AS loanId, l.loan_no AS loanNo, b.id AS borrowerId, b.name AS borrower, b.household_id AS householdId,
         t.name AS township, vil.name AS village, g.name AS "group",
         n.principal_fen AS principalFen, n.interest_fen AS interestFen, l.loan_date AS loanDate, l.due_date AS dueDate, l.guarantor,
         l.guarantor_address AS guarantorAddress, n.pay_by AS payBy, x.voided_at AS voidedAt, x.reason AS voidReason, x.voided_by AS voidedBy,
         s.visit_date AS signedOn, s.signed_by AS signedBy, s.relation, s.visit_id AS signedVisitId, s.officer AS signedOfficer
  FROM notices n
  JOIN loans l ON l.id = n.loan_id
  JOIN borrowers b ON b.id = l.borrower_id
  JOIN households h ON h.id = b.household_id
  JOIN villages vil ON vil.id = h.village_id
  JOIN townships t ON t.id = vil.township_id
  LEFT JOIN village_groups g ON g.id = h.group_id
  LEFT JOIN (
    SELECT o.notice_no, v.visit_date, coalesce(o.actor, o.signed_by) AS signed_by, o.relation, v.id AS visit_id, v.officer,
           row_number() OVER (PARTITION BY o.notice_no ORDER BY v.visit_date, v.id) AS rn
    FROM visit_outcomes o JOIN live_visits v ON v.id = o.visit_id
    WHERE o.kind = 'notice-signed' AND o.notice_no IS NOT NULL
  ) s ON s.notice_no = n.notice_no AND s.rn = 1
  LEFT JOIN (
    SELECT notice_no, reason, voided_by, voided_at, row_number() OVER (PARTITION BY notice_no ORDER BY voided_at, uid) AS rn FROM notice_voids
  ) x ON x.notice_no = n.notice_no AND x.rn = 1`;

function mapRow(r: NoticeRow & { external: number | boolean }): NoticeRow {
  return { ...r, external: !!r.external };
}

export function noticeByNo(db: Db, noticeNo: string): NoticeRow | null {
  const r = db.prepare(`${NOTICE_SELECT} WHERE n.notice_no = ?`).get(noticeNo) as (NoticeRow & { external: number }) | undefined;
  return r ? mapRow(r) : null;
}

export interface NoticeFilter {
  outstanding?: boolean;
  householdId?: number;
  townshipId?: number;
}

/** Every number in the register, in issue order; outstanding: issued here, not void, and not yet signed back. */
export function listNotices(db: Db, f: NoticeFilter = {}): NoticeRow[] {
  const rows = db
    .prepare(
      `${NOTICE_SELECT}
       WHERE (@outstanding = 0 OR (s.visit_date IS NULL AND n.external = 0 AND x.voided_at IS NULL))
         AND (@householdId IS NULL OR b.household_id = @householdId)
         AND (@townshipId IS NULL OR t.id = @townshipId)
       ORDER BY n.external, n.issued_on, n.notice_no`,
    )
    .all({ outstanding: f.outstanding ? 1 : 0, householdId: f.householdId ?? null, townshipId: f.townshipId ?? null }) as (NoticeRow & { external: number })[];
  return rows.map(mapRow);
}

export interface IssueInput {
  loanId: number;
  type: NoticeType;
  issuedOn: IsoDate;
  /** The numbering pattern, e.g. {township}-{year}-{seq:4}. */
  series: string;
  recordedAt: string;
  /** The date the notice asks payment by; null: within N days of receipt. */
  payBy?: IsoDate | null;
  /** Issue even when a live notice of this type for this loan was issued on the same day. */
  force?: boolean;
}

/**
 * Takes the next number in the loan's township-and-year series and records the notice with the loan's current
 * balance. One immediate transaction, so two laptops' processes on one file never draw the same number.
 */
export function issueNotice(db: Db, n: IssueInput): NoticeRow {
  const no = db
    .transaction((): string => {
      const loan = db
        .prepare(
          `SELECT l.id, l.loan_no AS loanNo, l.guarantor, t.name AS township, lb.principal_fen AS p, lb.interest_fen AS i FROM loans l
           JOIN borrowers b ON b.id = l.borrower_id JOIN households h ON h.id = b.household_id
           JOIN villages v ON v.id = h.village_id JOIN townships t ON t.id = v.township_id
           JOIN loan_balances lb ON lb.loan_id = l.id WHERE l.id = ?`,
        )
        .get(n.loanId) as { id: number; loanNo: string; guarantor: string | null; township: string; p: number; i: number } | undefined;
      if (!loan) throw new DataError(text('找不到这笔贷款', 'no such loan'));
      // A guarantor demand needs a guarantor to address: never one addressed to the borrower under a guarantor's title.
      if (n.type === 'guarantor' && !loan.guarantor?.trim()) {
        throw new DataError(
          text(
            `贷款 ${loan.loanNo} 没有登记保证人，不能发出保证人通知书：请在花名册的 guarantor 列填上保证人，再导入花名册（import roster）。`,
            `Loan ${loan.loanNo} has no guarantor on record, so no guarantor notice can be issued: add the guarantor in the roster's guarantor column and import the roster again (import roster).`,
          ),
        );
      }
      // A balance below zero (cash recorded beyond what was owed, e.g. after a merge) cannot be demanded.
      if (loan.p < 0 || loan.i < 0) {
        throw new DataError(
          text(
            `贷款 ${loan.loanNo} 的余额小于零（收回的现金超过欠款），不能发出通知书：请先核对该贷款的现金记录。`,
            `Loan ${loan.loanNo} has a balance below zero (cash recorded beyond what was owed), so no notice can be issued: check its cash entries first.`,
          ),
        );
      }
      // The same notice twice on one day is usually a slip (a second run, a printer jam): ask for --force, draw no number.
      const twin = db
        .prepare(
          `SELECT notice_no FROM notices n WHERE n.loan_id = ? AND n.type = ? AND n.issued_on = ? AND n.external = 0
             AND NOT EXISTS (SELECT 1 FROM notice_voids x WHERE x.notice_no = n.notice_no) ORDER BY n.id LIMIT 1`,
        )
        .pluck()
        .get(n.loanId, n.type, n.issuedOn) as string | undefined;
      if (twin && !n.force) {
        throw new DataError(
          text(
            `贷款 ${loan.loanNo} 在 ${n.issuedOn} 已发出同类通知书 ${twin}，未发出新通知书：要重印它，用 notice print ${twin}；确需再发一份新编号的，加 --force；原通知书有误的，先 notice void ${twin} --reason 原因。`,
            `Loan ${loan.loanNo} already has a notice of this type issued on ${n.issuedOn} (${twin}); no new notice was issued. To print it again use notice print ${twin}; to issue another with a new number add --force; if that one is wrong, void it first with notice void ${twin} --reason TEXT.`,
          ),
        );
      }
      const series = noticeSeries(n.series, loan.township, n.issuedOn.slice(0, 4));
      let max = 0;
      for (const r of db.prepare(`SELECT notice_no FROM notices`).iterate() as Iterable<{ notice_no: string }>) {
        const m = series.seqRe.exec(r.notice_no);
        if (m) max = Math.max(max, Number(m[1]));
      }
      const noticeNo = series.format(max + 1);
      if (db.prepare(`SELECT 1 FROM notices WHERE notice_no = ?`).get(noticeNo)) {
        throw new DataError(
          text(`编号 ${noticeNo} 已被占用：请检查通知书编号格式（config set notice-series）。`, `Number ${noticeNo} is already taken: check the series pattern (config set notice-series).`),
        );
      }
      db.prepare(
        `INSERT INTO notices (uid, origin_db, notice_no, loan_id, type, issued_on, principal_fen, interest_fen, external, recorded_at, pay_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      ).run(uuidv7(), databaseId(db), noticeNo, n.loanId, n.type, n.issuedOn, loan.p, loan.i, n.recordedAt, n.payBy ?? null);
      return noticeNo;
    })
    .immediate();
  return noticeByNo(db, no)!;
}

export interface NoticeVoidResult {
  notice: NoticeRow;
  alreadyVoid: boolean;
}

/**
 * Marks a number in the register void (append-only: a notice_voids record with who, when and why). The notice stays
 * in the register, shown as void; it is no longer outstanding. Voiding a void number changes nothing.
 */
export function voidNotice(db: Db, noticeNo: string, reason: string, voidedBy: string | null, voidedAt: string): NoticeVoidResult {
  return db
    .transaction((): NoticeVoidResult => {
      const cur = noticeByNo(db, noticeNo);
      if (!cur) {
        throw new DataError(
          text(`台账中没有编号为“${noticeNo}”的通知书：用 fieldvisit notice list 查看编号。`, `No notice numbered "${noticeNo}" in the register: see the numbers with fieldvisit notice list.`),
        );
      }
      if (cur.voidedAt) return { notice: cur, alreadyVoid: true };
      db.prepare(`INSERT INTO notice_voids (uid, origin_db, notice_no, reason, voided_by, voided_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
        uuidv7(),
        databaseId(db),
        noticeNo,
        reason,
        voidedBy,
        voidedAt,
      );
      return { notice: noticeByNo(db, noticeNo)!, alreadyVoid: false };
    })
    .immediate();
}

/** A warning when a number signed back in a visit has been voided: the paper the borrower signed was withdrawn. */
export function noticeVoidWarning(db: Db, noticeNo: string): Text[] {
  const v = db
    .prepare(`SELECT reason, voided_at AS voidedAt FROM notice_voids WHERE notice_no = ? ORDER BY voided_at, uid LIMIT 1`)
    .get(noticeNo) as { reason: string; voidedAt: string } | undefined;
  if (!v) return [];
  return [
    text(
      `通知书 ${noticeNo} 已作废（${v.reason}）：签回的是作废的通知书，请核对编号；如已另发新通知书，请记录新编号`,
      `notice ${noticeNo} is void (${v.reason}): the signed notice was withdrawn; check the number, and record the new notice's number if one was issued`,
    ),
  ];
}
