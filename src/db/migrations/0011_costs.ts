// Costs of collecting each loan (travel, postage, court fees, lawyer, other): append-only facts that travel and void like the others.
import type { Migration } from '../migrate.js';

export const migration0011: Migration = {
  version: 11,
  name: 'costs',
  sql: `
-- One amount spent on one loan's collection, by whom and when. Corrected only by a void (fact_voids), never edited.
CREATE TABLE costs (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  origin_db   TEXT NOT NULL,
  loan_id     INTEGER NOT NULL REFERENCES loans(id),
  kind        TEXT NOT NULL CHECK (kind IN ('travel', 'postage', 'court-fee', 'lawyer', 'other')),
  amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
  cost_date   TEXT NOT NULL,
  officer     TEXT NOT NULL,
  note        TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX costs_loan ON costs (loan_id);
CREATE INDEX costs_date ON costs (cost_date);
`,
};
