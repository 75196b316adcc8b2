// The aging report's sums (src/db/aging.ts agingSums: the ledger cache's paid sums less payments dated after today,
// one row per loan) equal buildAging over a row per loan whose payments are read the plain way (the payments view,
// dated on or before today), after payments before and after today, a void visit with cash, a new statement and a
// re-import of the roster; and the cache's paid sums equal every loan's live payments.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { agingSums } from '../../src/db/aging.js';
import { recordStatement, refreshLedger } from '../../src/db/ledger.js';
import { loanByNo, voidVisit } from '../../src/db/visits.js';
import { agingThresholds, buildAging, buildAgingFromSums, type AgingBucket, type AgingInputRow } from '../../src/report/aging.js';
import type { IsoDate } from '../../src/domain/dates.js';
import type { RosterInput } from '../../src/db/roster.js';
import { importSetWise } from '../reference/rosterImports.js';
import { sampleDb } from '../helpers.js';
import { openCopy, recordCash } from '../ledgerSteps.js';

let sample: string;
beforeAll(() => {
  sample = sampleDb({ visits: true });
});

const copy = (): Db => openCopy(sample, 'fv-agingsums-');
const cash = (db: Db, loanNo: string, date: string, principalFen: number, interestFen: number): number =>
  recordCash(db, loanNo, date, principalFen, interestFen, '2027-03-31');

/** The report the plain way: a row per loan, its payments summed from the payments view up to today. */
function plain(db: Db, today: IsoDate, townshipId: number | null) {
  const rows = db
    .prepare(
      `SELECT b.household_id AS householdId, l.due_date AS dueDate, lb.principal_fen AS principalFen, lb.interest_fen AS interestFen,
              (SELECT ifnull(sum(p.principal_fen), 0) FROM payments p WHERE p.loan_id = l.id AND p.paid_on <= @today) AS paidPrincipalFen,
              (SELECT ifnull(sum(p.interest_fen), 0) FROM payments p WHERE p.loan_id = l.id AND p.paid_on <= @today) AS paidInterestFen
       FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN households h ON h.id = b.household_id JOIN villages v ON v.id = h.village_id
       JOIN loan_balances lb ON lb.loan_id = l.id WHERE (@t IS NULL OR v.township_id = @t)`,
    )
    .all({ today, t: townshipId }) as AgingInputRow[];
  return buildAging(rows, today);
}

function bySums(db: Db, today: IsoDate, townshipId: number | null) {
  const s = agingSums(db, today, agingThresholds(today), townshipId === null ? {} : { townshipId });
  return buildAgingFromSums(s.by as Map<AgingBucket, never>, s.total, today);
}

function cacheAgreesWithPayments(db: Db) {
  const bad = db
    .prepare(
      `SELECT g.loan_id FROM loan_ledger g
       LEFT JOIN (SELECT loan_id, sum(principal_fen) AS pp, sum(interest_fen) AS pi FROM payments GROUP BY loan_id) p ON p.loan_id = g.loan_id
       WHERE g.paid_principal_fen <> ifnull(p.pp, 0) OR g.paid_interest_fen <> ifnull(p.pi, 0)`,
    )
    .pluck()
    .all();
  expect(bad).toEqual([]);
  expect(db.prepare(`SELECT count(*) FROM loans WHERE id NOT IN (SELECT loan_id FROM loan_ledger)`).pluck().get()).toBe(0);
}

describe('aging sums from the ledger cache', () => {
  it('equal the plain report on days before, at and after the payments, whole and by township', () => {
    const db = copy();
    try {
      cacheAgreesWithPayments(db);
      const paidBefore = db.prepare(`SELECT count(*) FROM payments`).pluck().get() as number;
      expect(paidBefore).toBeGreaterThan(0);
      cash(db, 'WS-2022-0024', '2026-11-25', 10000, 500);
      cash(db, 'WS-2022-0024', '2027-01-10', 20000, 0); // dated after some of the days below
      cash(db, 'WS-2021-0006', '2027-02-01', 0, 700);
      const voided = cash(db, 'WS-2023-0020', '2026-11-20', 30000, 1000);
      voidVisit(db, voided, 'entered twice', '张明', '2026-11-23T00:00:00Z');
      const loan = loanByNo(db, 'WS-2021-0006')!;
      db.transaction(() => {
        recordStatement(db, { loanId: loan.loanId, loanNo: 'WS-2021-0006', asOf: '2026-11-28', principalFen: 150000, interestFen: 2000, assumed: false, recordedAt: '2026-11-28T08:00:00Z' }, 'test');
        refreshLedger(db, [loan.loanId]);
      })();
      // The roster again, a day later, every loan's principal 1.00 lower: the set-wise ledger refresh of the import.
      const rows = db
        .prepare(
          `SELECT t.name AS township, a.name AS area, vil.name AS village, g.name AS "group", h.head_name AS household, b.name AS borrower,
                  b.id_number AS idNumber, b.phone, l.loan_no AS loanNo, max(l.principal_fen - 100, 0) AS principalFen, l.interest_fen AS interestFen,
                  l.loan_date AS loanDate, l.due_date AS dueDate, l.officer, l.guarantor, l.guarantee_until AS guaranteeUntil, b.stance
           FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN households h ON h.id = b.household_id JOIN villages vil ON vil.id = h.village_id
           JOIN townships t ON t.id = vil.township_id LEFT JOIN areas a ON a.id = vil.area_id LEFT JOIN village_groups g ON g.id = h.group_id ORDER BY l.id`,
        )
        .all() as RosterInput[];
      const before = db.prepare(`SELECT count(*) FROM ledger_statements`).pluck().get() as number;
      importSetWise(db, rows, '2026-11-29', { assumed: false, recordedAt: '2026-11-29T08:00:00Z', by: 'test' });
      expect(db.prepare(`SELECT count(*) FROM ledger_statements`).pluck().get()).toBe(before + rows.length);
      cacheAgreesWithPayments(db);
      const townships = db.prepare(`SELECT id FROM townships ORDER BY id`).pluck().all() as number[];
      let compared = 0;
      for (const today of ['2026-11-19', '2026-11-25', '2026-12-31', '2027-01-10', '2027-03-31'] as IsoDate[]) {
        for (const t of [null, ...townships]) {
          const want = plain(db, today, t);
          expect(bySums(db, today, t)).toEqual(want);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(5);
      // The payment after today is not counted until its day.
      const onDay = (today: IsoDate) => bySums(db, today, null).total.recoveredPrincipalFen;
      expect(onDay('2027-01-10') - onDay('2027-01-09')).toBe(20000);
    } finally {
      db.close();
    }
  });
  it('a loan missing from the cache sums its payments itself', () => {
    const db = copy();
    try {
      const loan = loanByNo(db, 'WS-2022-0024')!;
      cash(db, 'WS-2022-0024', '2026-11-25', 10000, 500);
      db.prepare(`DELETE FROM loan_ledger WHERE loan_id = ?`).run(loan.loanId);
      // Its balance is then the roster's figure (the loan_balances view); its payments still count as recovered.
      const want = plain(db, '2026-11-30', null);
      expect(want.total.recoveredPrincipalFen).toBeGreaterThanOrEqual(10000);
      expect(bySums(db, '2026-11-30', null)).toEqual(want);
    } finally {
      db.close();
    }
  });
});
