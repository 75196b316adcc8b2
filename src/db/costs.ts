// Costs of collection (records, voids, lists) and the cash recovered beside them, for `cost` and `report costs`.
import type { Db } from './open.js';
import { insertFact, voidFact } from './facts.js';
import type { IsoDate } from '../domain/dates.js';
import type { CostKind } from '../domain/cost.js';

export interface CostInput {
  loanId: number;
  kind: CostKind;
  amountFen: number;
  date: IsoDate;
  officer: string;
  note: string | null;
  recordedAt: string;
}

/** Records one cost in its own transaction; returns its local id and global uid. */
export function recordCost(db: Db, c: CostInput): { id: number; uid: string } {
  return db
    .transaction(() =>
      insertFact(db, 'costs', { loan_id: c.loanId, kind: c.kind, amount_fen: c.amountFen, cost_date: c.date, officer: c.officer, note: c.note, recorded_at: c.recordedAt }),
    )
    .immediate();
}

/** Voids a cost by its local id (kept, with who, when and why; counted nowhere). */
export function voidCost(db: Db, id: number, v: { reason: string; voidedBy: string; voidedAt: string }) {
  return voidFact(db, 'costs', id, v, { zh: '费用记录', en: 'cost', hint: 'fieldvisit cost list --all' });
}

export interface CostRow {
  id: number;
  uid: string;
  loanId: number;
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  kind: CostKind;
  amountFen: number;
  date: IsoDate;
  officer: string;
  note: string | null;
  recordedAt: string;
  /** Set when the cost is void. */
  voidReason: string | null;
  voidedBy: string | null;
  voidedAt: string | null;
}

export interface CostFilter {
  loanId?: number;
  townshipId?: number;
  from?: IsoDate;
  to?: IsoDate;
  /** Void costs too (marked). */
  all?: boolean;
}

const COST_SELECT = `SELECT c.id, c.uid, c.loan_id AS loanId, l.loan_no AS loanNo, b.name AS borrower, t.name AS township, vil.name AS village,
         c.kind, c.amount_fen AS amountFen, c.cost_date AS date, c.officer, c.note, c.recorded_at AS recordedAt,
         v.reason AS voidReason, v.voided_by AS voidedBy, v.voided_at AS voidedAt
       FROM costs c
       JOIN loans l ON l.id = c.loan_id
       JOIN borrowers b ON b.id = l.borrower_id
       JOIN households h ON h.id = b.household_id
       JOIN effective_villages ev ON ev.village_id = h.village_id
       JOIN villages vil ON vil.id = ev.effective_id
       JOIN townships t ON t.id = vil.township_id
       LEFT JOIN fact_voids v ON v.id = (SELECT min(z.id) FROM fact_voids z WHERE z.target_uid = c.uid)`;

/** Costs matching the filter, oldest first; void ones only with `all`. */
export function listCosts(db: Db, f: CostFilter = {}): CostRow[] {
  return db
    .prepare(
      `${COST_SELECT}
       WHERE (@loanId IS NULL OR c.loan_id = @loanId) AND (@townshipId IS NULL OR t.id = @townshipId)
         AND (@from IS NULL OR c.cost_date >= @from) AND (@to IS NULL OR c.cost_date <= @to)
         AND (@all = 1 OR v.id IS NULL)
       ORDER BY c.cost_date, l.loan_no, c.id`,
    )
    .all({ loanId: f.loanId ?? null, townshipId: f.townshipId ?? null, from: f.from ?? null, to: f.to ?? null, all: f.all ? 1 : 0 }) as CostRow[];
}

/** Every cost of one loan, live and void (void ones carry who, when and why): for the dossier and `cost list --loan`. */
export function costsOfLoan(db: Db, loanId: number): CostRow[] {
  return listCosts(db, { loanId, all: true });
}

/** One live field cash payment (the `payments` view: cash outcomes of visits not voided), with its loan and place. */
export interface RecoveryRow {
  loanId: number;
  loanNo: string;
  borrower: string;
  township: string;
  village: string;
  officer: string;
  paidOn: IsoDate;
  principalFen: number;
  interestFen: number;
}

/** Live field cash in the township (of the loan) and period, for `report costs`. */
export function recoveries(db: Db, f: { townshipId?: number; from?: IsoDate; to?: IsoDate }): RecoveryRow[] {
  return db
    .prepare(
      `SELECT p.loan_id AS loanId, l.loan_no AS loanNo, b.name AS borrower, t.name AS township, vil.name AS village, p.officer, p.paid_on AS paidOn,
              coalesce(p.principal_fen, 0) AS principalFen, coalesce(p.interest_fen, 0) AS interestFen
       FROM payments p
       JOIN loans l ON l.id = p.loan_id
       JOIN borrowers b ON b.id = l.borrower_id
       JOIN households h ON h.id = b.household_id
       JOIN effective_villages ev ON ev.village_id = h.village_id
       JOIN villages vil ON vil.id = ev.effective_id
       JOIN townships t ON t.id = vil.township_id
       WHERE (@townshipId IS NULL OR t.id = @townshipId) AND (@from IS NULL OR p.paid_on >= @from) AND (@to IS NULL OR p.paid_on <= @to)
       ORDER BY p.paid_on, l.loan_no, p.outcome_id`,
    )
    .all({ townshipId: f.townshipId ?? null, from: f.from ?? null, to: f.to ?? null }) as RecoveryRow[];
}
