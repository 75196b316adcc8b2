// The notice register (台账): issuing numbered notices from a loan, and each number's issue and sign-back history.
import type { Db } from './open.js';
import { databaseId } from './open.js';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';
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
  ) s ON s.notice_no = n.notice_no AND s.rn = 1`;

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

/** Every number in the register, in issue order; outstanding: issued here and not yet signed back. */
export function listNotices(db: Db, f: NoticeFilter = {}): NoticeRow[] {
  const rows = db
    .prepare(
      `${NOTICE_SELECT}
       WHERE (@outstanding = 0 OR (s.visit_date IS NULL AND n.external = 0))
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
        `INSERT INTO notices (uid, origin_db, notice_no, loan_id, type, issued_on, principal_fen, interest_fen, external, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      ).run(uuidv7(), databaseId(db), noticeNo, n.loanId, n.type, n.issuedOn, loan.p, loan.i, n.recordedAt);
      return noticeNo;
    })
    .immediate();
  return noticeByNo(db, no)!;
}
