// Finding borrowers and reading one household's borrowers, loans and balances.
import type { Db } from './open.js';
import type { BorrowerStatus } from '../domain/outcomes.js';

/** The stance an officer recorded last (borrower_events), else the roster's. */
export const CURRENT_STANCE_SQL = `coalesce((SELECT se.stance FROM live_borrower_events se WHERE se.borrower_id = b.id AND se.kind = 'stance'
    ORDER BY se.effective_on DESC, se.recorded_at DESC LIMIT 1), b.stance)`;

export interface BorrowerHit {
  borrowerId: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  township: string;
  area: string | null;
  village: string;
  group: string | null;
  householdId: number;
  householdHead: string;
  status: BorrowerStatus;
  loans: number;
  principalFen: number;
  interestFen: number;
  loanNos: string;
}

const HIT_SELECT = `
  SELECT b.id AS borrowerId, b.name, b.id_number AS idNumber, b.phone, t.name AS township, a.name AS area,
         v.name AS village, g.name AS "group", h.id AS householdId, h.head_name AS householdHead,
         (SELECT s.status FROM borrower_status s WHERE s.borrower_id = b.id) AS status,
         (SELECT count(*) FROM loans l WHERE l.borrower_id = b.id) AS loans,
         (SELECT ifnull(sum(lb.principal_fen), 0) FROM loans l JOIN loan_balances lb ON lb.loan_id = l.id WHERE l.borrower_id = b.id) AS principalFen,
         (SELECT ifnull(sum(lb.interest_fen), 0) FROM loans l JOIN loan_balances lb ON lb.loan_id = l.id WHERE l.borrower_id = b.id) AS interestFen,
         (SELECT group_concat(l.loan_no, ', ') FROM loans l WHERE l.borrower_id = b.id) AS loanNos
  FROM borrowers b
  JOIN households h ON h.id = b.household_id
  JOIN villages v ON v.id = h.village_id
  JOIN townships t ON t.id = v.township_id
  LEFT JOIN areas a ON a.id = v.area_id
  LEFT JOIN village_groups g ON g.id = h.group_id`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** Name (part), ID number (whole or last digits), phone (part) or loan number (part). */
export function findBorrowers(db: Db, term: string, limit = 50): BorrowerHit[] {
  const t = term.trim();
  if (t === '') return [];
  const like = `%${escapeLike(t)}%`;
  return db
    .prepare(
      `${HIT_SELECT}
       WHERE b.name LIKE @like ESCAPE '\\'
          OR b.id_number = upper(@t) OR (length(@t) >= 4 AND b.id_number LIKE '%' || upper(@t))
          OR b.phone LIKE @like ESCAPE '\\'
          OR h.head_name LIKE @like ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM loans l WHERE l.borrower_id = b.id AND l.loan_no LIKE @like ESCAPE '\\')
       ORDER BY (b.name = @t) DESC, t.name, v.name, b.name
       LIMIT @limit`,
    )
    .all({ like, t, limit }) as BorrowerHit[];
}

export function borrowerHit(db: Db, borrowerId: number): BorrowerHit | null {
  return (db.prepare(`${HIT_SELECT} WHERE b.id = ?`).get(borrowerId) as BorrowerHit | undefined) ?? null;
}

export type BorrowerRef = { kind: 'loan'; loanNo: string } | { kind: 'id-number'; idNumber: string } | { kind: 'id'; id: number };

/** A loan number, then an ID number, then a borrower id: the first that matches. */
export function resolveBorrowerRef(db: Db, ref: string): number[] {
  const r = ref.trim();
  const byLoan = db.prepare(`SELECT borrower_id AS id FROM loans WHERE loan_no = ?`).get(r) as { id: number } | undefined;
  if (byLoan) return [byLoan.id];
  const byIdNo = db.prepare(`SELECT id FROM borrowers WHERE id_number = upper(?)`).all(r) as { id: number }[];
  if (byIdNo.length) return byIdNo.map((x) => x.id);
  if (/^#?\d{1,12}$/.test(r)) {
    const byId = db.prepare(`SELECT id FROM borrowers WHERE id = ?`).get(Number(r.replace('#', ''))) as { id: number } | undefined;
    if (byId) return [byId.id];
  }
  return [];
}

export interface LoanDetail {
  loanId: number;
  loanNo: string;
  borrowerId: number;
  borrower: string;
  rosterPrincipalFen: number;
  rosterInterestFen: number;
  balanceAsOf: string;
  principalFen: number;
  interestFen: number;
  loanDate: string | null;
  dueDate: string | null;
  officer: string | null;
  guarantor: string | null;
  guaranteeUntil: string | null;
}

export function householdLoans(db: Db, householdId: number): LoanDetail[] {
  return db
    .prepare(
      `SELECT l.id AS loanId, l.loan_no AS loanNo, b.id AS borrowerId, b.name AS borrower,
              l.principal_fen AS rosterPrincipalFen, l.interest_fen AS rosterInterestFen, l.balance_as_of AS balanceAsOf,
              lb.principal_fen AS principalFen, lb.interest_fen AS interestFen, l.loan_date AS loanDate, l.due_date AS dueDate,
              l.officer, l.guarantor, l.guarantee_until AS guaranteeUntil
       FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN loan_balances lb ON lb.loan_id = l.id
       WHERE b.household_id = ? ORDER BY l.due_date, l.loan_no`,
    )
    .all(householdId) as LoanDetail[];
}

export interface BorrowerDetail extends BorrowerHit {
  stance: string | null;
  statusWhere: string | null;
  statusSince: string | null;
  deceasedOn: string | null;
  heirName: string | null;
  formerVillage: string | null;
  householdMembers: { borrowerId: number; name: string }[];
  householdLoans: LoanDetail[];
}

export function borrowerDetail(db: Db, borrowerId: number): BorrowerDetail | null {
  const hit = borrowerHit(db, borrowerId);
  if (!hit) return null;
  const extra = db
    .prepare(
      `SELECT ${CURRENT_STANCE_SQL} AS stance, s.where_text AS statusWhere, s.since AS statusSince, s.deceased_on AS deceasedOn, s.heir_name AS heirName,
              fv.name AS formerVillage
       FROM borrowers b JOIN borrower_status s ON s.borrower_id = b.id JOIN households h ON h.id = b.household_id
       LEFT JOIN villages fv ON fv.id = h.former_village_id
       WHERE b.id = ?`,
    )
    .get(borrowerId) as Pick<BorrowerDetail, 'stance' | 'statusWhere' | 'statusSince' | 'deceasedOn' | 'heirName' | 'formerVillage'>;
  const members = db
    .prepare(`SELECT id AS borrowerId, name FROM borrowers WHERE household_id = ? ORDER BY id`)
    .all(hit.householdId) as { borrowerId: number; name: string }[];
  return { ...hit, ...extra, householdMembers: members, householdLoans: householdLoans(db, hit.householdId) };
}
