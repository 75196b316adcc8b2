// The ledger: every roster import is a statement of each loan's balance at its as-of date; confirmations that a field
// payment made before a loan's first statement is in it; and a cache of what is derived from them (src/db/ledger.ts).
import type { Migration } from '../migrate.js';
import { uuidFromSeed } from '../../domain/ids.js';

/** A statement's uid comes from its content, so the same roster imported on two laptops gives one statement. */
export function statementUid(loanNo: string, asOf: string, principalFen: number, interestFen: number): string {
  return uuidFromSeed(`statement:${loanNo}\u0000${asOf}\u0000${principalFen}\u0000${interestFen}`);
}

export const migration0009: Migration = {
  version: 9,
  name: 'ledger',
  sql: `
-- The back office's statement of a loan's balance at the start of as_of (payments dated on or after as_of are not in it).
-- assumed = 1: the roster said no date and none was given, so the import day was taken.
CREATE TABLE ledger_statements (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  origin_db     TEXT NOT NULL,
  loan_id       INTEGER NOT NULL REFERENCES loans(id),
  as_of         TEXT NOT NULL,
  principal_fen INTEGER NOT NULL CHECK (principal_fen >= 0),
  interest_fen  INTEGER NOT NULL CHECK (interest_fen >= 0),
  assumed       INTEGER NOT NULL DEFAULT 0,
  recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX ledger_statements_loan ON ledger_statements (loan_id, as_of);

-- Someone checked that a field payment dated before the loan's first statement is included in it. The payment is
-- named by its visit's uid and its place among the visit's outcomes (the same on every laptop).
CREATE TABLE payment_confirmations (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  origin_db    TEXT NOT NULL,
  loan_id      INTEGER NOT NULL REFERENCES loans(id),
  visit_uid    TEXT NOT NULL,
  outcome_seq  INTEGER NOT NULL,
  note         TEXT,
  confirmed_by TEXT,
  recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX payment_confirmations_visit ON payment_confirmations (visit_uid);
CREATE INDEX payment_confirmations_loan ON payment_confirmations (loan_id);

-- Live statements, one per loan and day: of two that disagree, the lower principal, then interest, then uid (src/domain/posting.ts).
CREATE VIEW effective_statements AS
  SELECT s.* FROM ledger_statements s
  WHERE NOT EXISTS (SELECT 1 FROM fact_voids z WHERE z.target_uid = s.uid)
    AND NOT EXISTS (
      SELECT 1 FROM ledger_statements t
      WHERE t.loan_id = s.loan_id AND t.as_of = s.as_of AND t.uid <> s.uid
        AND NOT EXISTS (SELECT 1 FROM fact_voids z2 WHERE z2.target_uid = t.uid)
        AND (t.principal_fen < s.principal_fen OR (t.principal_fen = s.principal_fen AND (t.interest_fen < s.interest_fen OR (t.interest_fen = s.interest_fen AND t.uid < s.uid)))));

-- A cache, derived from statements, payments and confirmations and rebuilt with them in the same transaction
-- (src/db/ledger.ts refreshLedger): each loan's outstanding balance, and where each live payment posted.
CREATE TABLE loan_ledger (
  loan_id       INTEGER PRIMARY KEY REFERENCES loans(id),
  principal_fen INTEGER NOT NULL,
  interest_fen  INTEGER NOT NULL
) STRICT;
CREATE TABLE payment_postings (
  outcome_id         INTEGER PRIMARY KEY REFERENCES visit_outcomes(id),
  loan_id            INTEGER NOT NULL,
  state              TEXT NOT NULL CHECK (state IN ('posted', 'unposted', 'confirm')),
  posted_on          TEXT,
  interest_state     TEXT NOT NULL CHECK (interest_state IN ('posted', 'unposted', 'not-determinable')),
  interest_posted_on TEXT
) STRICT;
CREATE INDEX payment_postings_loan ON payment_postings (loan_id);

-- The outstanding balance every query reads: the cache, or the roster figures for a loan not yet in it.
DROP VIEW loan_balances;
CREATE VIEW loan_balances AS
  SELECT l.id AS loan_id, coalesce(g.principal_fen, l.principal_fen) AS principal_fen, coalesce(g.interest_fen, l.interest_fen) AS interest_fen
  FROM loans l LEFT JOIN loan_ledger g ON g.loan_id = l.id;
`,
  up(db) {
    // Every loan's recorded figures become its first statement (dated, so its recorded time is the same on every laptop).
    const origin = (db.prepare(`SELECT value FROM meta WHERE key = 'database_id'`).pluck().get() as string | undefined) ?? 'migration';
    const ins = db.prepare(
      `INSERT OR IGNORE INTO ledger_statements (uid, origin_db, loan_id, as_of, principal_fen, interest_fen, assumed, recorded_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)`,
    );
    for (const l of db.prepare(`SELECT id, loan_no, principal_fen, interest_fen, balance_as_of FROM loans ORDER BY id`).all() as {
      id: number;
      loan_no: string;
      principal_fen: number;
      interest_fen: number;
      balance_as_of: string;
    }[]) {
      ins.run(statementUid(l.loan_no, l.balance_as_of, l.principal_fen, l.interest_fen), origin, l.id, l.balance_as_of, l.principal_fen, l.interest_fen, `${l.balance_as_of}T00:00:00.000Z`);
    }
    // With one statement per loan, nothing has posted yet: a payment before it awaits confirmation, one after it the next statement.
    db.exec(`
      INSERT INTO payment_postings (outcome_id, loan_id, state, posted_on, interest_state, interest_posted_on)
        SELECT p.outcome_id, p.loan_id, CASE WHEN p.paid_on < l.balance_as_of THEN 'confirm' ELSE 'unposted' END, NULL, 'unposted', NULL
        FROM payments p JOIN loans l ON l.id = p.loan_id;
      INSERT INTO loan_ledger (loan_id, principal_fen, interest_fen)
        SELECT l.id, l.principal_fen - ifnull(sum(p.principal_fen), 0), l.interest_fen - ifnull(sum(p.interest_fen), 0)
        FROM loans l LEFT JOIN payments p ON p.loan_id = l.id GROUP BY l.id;
    `);
  },
};
