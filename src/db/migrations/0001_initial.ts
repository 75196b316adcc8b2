// The first schema: places, households, borrowers, loans, visits and their outcomes, notices, events, settings.
import type { Migration } from '../migrate.js';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE townships (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  population      INTEGER,
  livelihood      TEXT,
  committee_count INTEGER
) STRICT;

CREATE TABLE areas (
  id          INTEGER PRIMARY KEY,
  township_id INTEGER NOT NULL REFERENCES townships(id),
  name        TEXT NOT NULL,
  UNIQUE (township_id, name)
) STRICT;

-- A village committee (村委会). A merged one keeps its row and history and points at the committee it joined.
CREATE TABLE villages (
  id             INTEGER PRIMARY KEY,
  township_id    INTEGER NOT NULL REFERENCES townships(id),
  area_id        INTEGER REFERENCES areas(id),
  name           TEXT NOT NULL,
  merged_into_id INTEGER REFERENCES villages(id),
  merged_on      TEXT,
  UNIQUE (township_id, name)
) STRICT;

-- A natural village or villagers' group (自然村 / 村民小组). former_village_id: the committee it belonged to before a merge.
CREATE TABLE village_groups (
  id                INTEGER PRIMARY KEY,
  village_id        INTEGER NOT NULL REFERENCES villages(id),
  name              TEXT NOT NULL,
  former_village_id INTEGER REFERENCES villages(id),
  UNIQUE (village_id, name)
) STRICT;

CREATE TABLE households (
  id                INTEGER PRIMARY KEY,
  village_id        INTEGER NOT NULL REFERENCES villages(id),
  group_id          INTEGER REFERENCES village_groups(id),
  head_name         TEXT NOT NULL,
  former_village_id INTEGER REFERENCES villages(id)
) STRICT;
CREATE UNIQUE INDEX households_key ON households (village_id, ifnull(group_id, 0), head_name);

CREATE TABLE borrowers (
  id           INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES households(id),
  name         TEXT NOT NULL,
  id_number    TEXT,
  phone        TEXT,
  stance       TEXT
) STRICT;
CREATE INDEX borrowers_household ON borrowers (household_id);
CREATE INDEX borrowers_id_number ON borrowers (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX borrowers_name ON borrowers (name);
CREATE INDEX borrowers_phone ON borrowers (phone) WHERE phone IS NOT NULL;

-- Balances are the roster's figures as of balance_as_of; payments recorded on or after that date reduce them
-- (see src/db/loans.ts). Keeping the roster figure and deriving the balance keeps merges order-independent.
CREATE TABLE loans (
  id               INTEGER PRIMARY KEY,
  loan_no          TEXT NOT NULL UNIQUE,
  borrower_id      INTEGER NOT NULL REFERENCES borrowers(id),
  principal_fen    INTEGER NOT NULL CHECK (principal_fen >= 0),
  interest_fen     INTEGER NOT NULL DEFAULT 0 CHECK (interest_fen >= 0),
  balance_as_of    TEXT NOT NULL,
  loan_date        TEXT,
  due_date         TEXT,
  officer          TEXT,
  guarantor        TEXT,
  guarantee_until  TEXT
) STRICT;
CREATE INDEX loans_borrower ON loans (borrower_id);

-- Records below travel between laptops: each has a global uid and the id of the database that made it.
CREATE TABLE visits (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  origin_db    TEXT NOT NULL,
  household_id INTEGER NOT NULL REFERENCES households(id),
  borrower_id  INTEGER REFERENCES borrowers(id),
  visit_date   TEXT NOT NULL,
  officer      TEXT NOT NULL,
  note         TEXT,
  escalate     TEXT,
  source       TEXT NOT NULL CHECK (source IN ('cli', 'import', 'merge')),
  external_id  TEXT UNIQUE,
  dedupe_key   TEXT,
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX visits_household_date ON visits (household_id, visit_date);
CREATE INDEX visits_date ON visits (visit_date);
CREATE INDEX visits_dedupe ON visits (dedupe_key) WHERE dedupe_key IS NOT NULL;

-- One row per outcome. loan_id NULL: covers all of the household's loans. Cash rows always name their loan.
CREATE TABLE visit_outcomes (
  id                 INTEGER PRIMARY KEY,
  visit_id           INTEGER NOT NULL REFERENCES visits(id),
  kind               TEXT NOT NULL CHECK (kind IN ('notice-signed', 'not-signed', 'cash', 'intent', 'statute-expired', 'note')),
  loan_id            INTEGER REFERENCES loans(id),
  notice_no          TEXT,
  signed_by          TEXT CHECK (signed_by IN ('borrower', 'relative')),
  relation           TEXT,
  reason             TEXT CHECK (reason IN ('away', 'refused', 'not-found', 'deceased', 'other')),
  where_text         TEXT,
  principal_fen      INTEGER CHECK (principal_fen >= 0),
  interest_fen       INTEGER CHECK (interest_fen >= 0),
  promise_amount_fen INTEGER CHECK (promise_amount_fen >= 0),
  promise_date       TEXT,
  text               TEXT
) STRICT;
CREATE INDEX visit_outcomes_visit ON visit_outcomes (visit_id);
CREATE INDEX visit_outcomes_loan_kind ON visit_outcomes (loan_id, kind);
CREATE INDEX visit_outcomes_notice ON visit_outcomes (notice_no) WHERE notice_no IS NOT NULL;

-- A correction: the visit stays, marked void, and counts in no figure. visit_uid has no foreign key so a void
-- can arrive by merge in any order relative to its visit.
CREATE TABLE visit_voids (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  origin_db  TEXT NOT NULL,
  visit_uid  TEXT NOT NULL,
  reason     TEXT NOT NULL,
  voided_by  TEXT,
  voided_at  TEXT NOT NULL
) STRICT;
CREATE INDEX visit_voids_visit ON visit_voids (visit_uid);

-- Status, heir and stance changes of a borrower; the latest by (effective_on, recorded_at) is current.
CREATE TABLE borrower_events (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  origin_db    TEXT NOT NULL,
  borrower_id  INTEGER NOT NULL REFERENCES borrowers(id),
  kind         TEXT NOT NULL CHECK (kind IN ('status', 'heir', 'stance')),
  status       TEXT CHECK (status IN ('active', 'away', 'deceased')),
  where_text   TEXT,
  heir_name    TEXT,
  stance       TEXT,
  effective_on TEXT NOT NULL,
  visit_uid    TEXT,
  recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX borrower_events_borrower ON borrower_events (borrower_id, kind, effective_on);

-- Lawsuits filed and demands by public notice: both interrupt the limitation period.
CREATE TABLE loan_events (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  origin_db   TEXT NOT NULL,
  loan_id     INTEGER NOT NULL REFERENCES loans(id),
  kind        TEXT NOT NULL CHECK (kind IN ('lawsuit', 'public-notice')),
  event_date  TEXT NOT NULL,
  note        TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_events_loan ON loan_events (loan_id);

-- The notice register (台账). external = 1: a number seen on a signed-back notice that this register never issued.
CREATE TABLE notices (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  origin_db     TEXT NOT NULL,
  notice_no     TEXT NOT NULL UNIQUE,
  loan_id       INTEGER NOT NULL REFERENCES loans(id),
  type          TEXT,
  issued_on     TEXT,
  principal_fen INTEGER,
  interest_fen  INTEGER,
  external      INTEGER NOT NULL DEFAULT 0,
  recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX notices_loan ON notices (loan_id);

-- Village committee merges, as records so they can travel to other laptops.
CREATE TABLE village_merges (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  origin_db   TEXT NOT NULL,
  township    TEXT NOT NULL,
  old_name    TEXT NOT NULL,
  new_name    TEXT NOT NULL,
  merged_on   TEXT,
  recorded_at TEXT NOT NULL
) STRICT;

-- Derived views shared by every query: void visits never count; balances are derived, never stored twice.
CREATE VIEW live_visits AS
  SELECT v.* FROM visits v WHERE NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid);

CREATE VIEW payments AS
  SELECT o.id AS outcome_id, o.loan_id, v.id AS visit_id, v.uid AS visit_uid, v.visit_date AS paid_on,
         v.officer, v.household_id, o.principal_fen, o.interest_fen
  FROM visit_outcomes o JOIN live_visits v ON v.id = o.visit_id
  WHERE o.kind = 'cash';

-- Current balance: the roster's figure less the payments recorded on or after the roster's as-of date.
CREATE VIEW loan_balances AS
  SELECT l.id AS loan_id,
         l.principal_fen - ifnull((SELECT sum(p.principal_fen) FROM payments p WHERE p.loan_id = l.id AND p.paid_on >= l.balance_as_of), 0) AS principal_fen,
         l.interest_fen - ifnull((SELECT sum(p.interest_fen) FROM payments p WHERE p.loan_id = l.id AND p.paid_on >= l.balance_as_of), 0) AS interest_fen
  FROM loans l;

-- A borrower's current status: the latest status event (by effective date, then time recorded), else active.
CREATE VIEW borrower_status AS
  SELECT b.id AS borrower_id,
         ifnull(e.status, 'active') AS status,
         e.where_text AS where_text,
         e.effective_on AS since,
         (SELECT d.effective_on FROM borrower_events d WHERE d.borrower_id = b.id AND d.kind = 'status' AND d.status = 'deceased'
           ORDER BY d.effective_on DESC, d.recorded_at DESC LIMIT 1) AS deceased_on,
         (SELECT hh.heir_name FROM borrower_events hh WHERE hh.borrower_id = b.id AND hh.kind = 'heir'
           ORDER BY hh.effective_on DESC, hh.recorded_at DESC LIMIT 1) AS heir_name,
         (SELECT hh.effective_on FROM borrower_events hh WHERE hh.borrower_id = b.id AND hh.kind = 'heir'
           ORDER BY hh.effective_on DESC, hh.recorded_at DESC LIMIT 1) AS heir_known_on
  FROM borrowers b
  LEFT JOIN borrower_events e ON e.id = (
    SELECT e2.id FROM borrower_events e2 WHERE e2.borrower_id = b.id AND e2.kind = 'status'
    ORDER BY e2.effective_on DESC, e2.recorded_at DESC, e2.uid DESC LIMIT 1);

-- Village committees as reports see them: a merged committee's households count under the one it joined.
CREATE VIEW effective_villages AS
  WITH RECURSIVE chain(id, target, hops) AS (
    SELECT id, id, 0 FROM villages WHERE merged_into_id IS NULL
    UNION ALL
    SELECT v.id, c.target, c.hops + 1 FROM villages v JOIN chain c ON v.merged_into_id = c.id WHERE c.hops < 50
  )
  SELECT chain.id AS village_id, chain.target AS effective_id FROM chain;
`,
};
