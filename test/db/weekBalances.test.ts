// The weekly report's start-of-week balances (src/db/weekly.ts loanBalancesAt: the ledger cache plus the payments since
// the Monday, or the full way for a loan with a later statement) equal the ledger's own rule (domain balanceAt) for
// every loan of the sample, after statements before and after the week, a void statement, payments before, in and after
// the week, a confirmation and a void visit, on days before, in and after them — by both ways of finding the payments.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { loanBalancesAt } from '../../src/db/weekly.js';
import { confirmPayment, postingOf, recordStatement, refreshLedger } from '../../src/db/ledger.js';
import { loanByNo, recordVisit, voidVisit } from '../../src/db/visits.js';
import { voidFact } from '../../src/db/facts.js';
import { balanceAt } from '../../src/domain/posting.js';
import { sampleDb } from '../helpers.js';
import { openCopy, recordCash } from '../ledgerSteps.js';

let sample: string;
beforeAll(() => {
  sample = sampleDb({ visits: true });
});

const copy = (): Db => openCopy(sample, 'fv-weekbal-');
const cash = (db: Db, loanNo: string, date: string, principalFen: number, interestFen: number): number =>
  recordCash(db, loanNo, date, principalFen, interestFen, '2026-12-31');

function statement(db: Db, loanNo: string, asOf: string, principalFen: number, interestFen: number): void {
  const loan = loanByNo(db, loanNo)!;
  db.transaction(() => {
    recordStatement(db, { loanId: loan.loanId, loanNo, asOf, principalFen, interestFen, assumed: false, recordedAt: `${asOf}T08:00:00Z` }, 'test');
    refreshLedger(db, [loan.loanId]);
  })();
}

/** Every loan's balance on `day` by the SQL of the report, and by the ledger's rule over each loan's facts. */
function both(db: Db, day: string) {
  const households = db.prepare(`SELECT id FROM households ORDER BY id`).pluck().all() as number[];
  const sql = loanBalancesAt(db, households, day).map((r) => [r.loanId, r.principalFen, r.interestFen]);
  const rule = (db.prepare(`SELECT l.id FROM loans l ORDER BY l.id`).pluck().all() as number[]).map((id) => {
    const b = balanceAt(postingOf(db, id), day);
    return [id, b.principalFen, b.interestFen];
  });
  return { sql, rule };
}

const DAYS = ['2020-01-01', '2026-06-01', '2026-11-13', '2026-11-16', '2026-11-18', '2026-11-23', '2026-11-25', '2026-12-10', '2027-03-01'];

function changed(): Db {
  const db = copy();
  const loans = db.prepare(`SELECT loan_no, principal_fen, interest_fen, balance_as_of FROM loans ORDER BY id`).all() as {
    loan_no: string;
    principal_fen: number;
    interest_fen: number;
    balance_as_of: string;
  }[];
  expect(loans.length).toBeGreaterThan(6);
  const [a, b, c, d, e, f] = loans;
  // Payments before, in and after the report's week (some on a day the balance is taken: from that day on, not before).
  cash(db, f!.loan_no, '2026-11-16', 11000, 700);
  cash(db, a!.loan_no, '2026-11-10', 20000, 1000);
  cash(db, a!.loan_no, '2026-11-18', 15000, 500);
  cash(db, b!.loan_no, '2026-11-25', 30000, 0);
  // A later statement that shows the first payment (posted), and one on another loan after the week.
  statement(db, a!.loan_no, '2026-11-20', a!.principal_fen - 20000, a!.interest_fen - 1000);
  statement(db, c!.loan_no, '2026-12-01', c!.principal_fen - 5000, c!.interest_fen + 200);
  // A payment dated before the loan's first statement, confirmed as included in it.
  const early = cash(db, d!.loan_no, '2025-01-10', 7000, 300);
  const outcome = db.prepare(`SELECT id FROM visit_outcomes WHERE visit_id = ? AND kind = 'cash'`).pluck().get(early) as number;
  confirmPayment(db, outcome, { note: null, by: 'test', recordedAt: '2026-11-22T12:00:00Z' });
  // A statement after the week that is then voided, and a void visit with cash.
  statement(db, e!.loan_no, '2026-12-05', 1, 1);
  const sid = db.prepare(`SELECT s.id FROM ledger_statements s JOIN loans l ON l.id = s.loan_id WHERE l.loan_no = ? AND s.as_of = '2026-12-05'`).pluck().get(e!.loan_no) as number;
  db.transaction(() => {
    voidFact(db, 'ledger_statements', sid, { reason: 'test', voidedBy: 'test', voidedAt: '2026-12-06T00:00:00Z' }, { zh: '余额记录', en: 'statement', hint: '' });
    refreshLedger(db, [loanByNo(db, e!.loan_no)!.loanId]);
  })();
  const gone = cash(db, e!.loan_no, '2026-11-17', 9000, 0);
  voidVisit(db, gone, 'test', 'test', '2026-11-22T12:00:00Z');
  return db;
}

describe('start-of-week balances: the ledger cache and the full rule agree', () => {
  it('on the sample as imported, and after statements, payments, a confirmation and voids, on every day', () => {
    for (const db of [copy(), changed()]) {
      for (const day of DAYS) {
        const { sql, rule } = both(db, day);
        expect(sql, day).toEqual(rule);
      }
    }
  });

  it('whichever way the payments since the Monday are found (by the days’ visits, or loan by loan)', () => {
    const db = changed();
    const before = DAYS.map((day) => both(db, day).sql);
    // More visits after each day than there are loans (plus the margin) make the query find them loan by loan.
    db.exec(`WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1500)
      INSERT INTO visits (uid, origin_db, household_id, borrower_id, visit_date, officer, source, created_at)
      SELECT 'pad-' || x, v.origin_db, v.household_id, v.borrower_id, '2027-06-01', v.officer, v.source, v.created_at FROM n, visits v WHERE v.id = (SELECT min(id) FROM visits)`);
    const way = (day: string) =>
      db.prepare(`SELECT count(*) <= (SELECT count(*) FROM loans) + 1000 FROM (SELECT 1 FROM visits WHERE visit_date >= ? LIMIT (SELECT count(*) FROM loans) + 1001)`).pluck().get(day);
    expect(way('2020-01-01')).toBe(0);
    const after = DAYS.map((day) => both(db, day));
    for (let k = 0; k < DAYS.length; k++) {
      expect(after[k]!.sql, DAYS[k]).toEqual(before[k]);
      expect(after[k]!.sql, DAYS[k]).toEqual(after[k]!.rule);
    }
  });
});
