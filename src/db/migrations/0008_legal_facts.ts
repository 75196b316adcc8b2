// Whose act each outcome is, the guarantee type, loan marks and legal stages as their own facts, and voids for every fact.
import type { Migration } from '../migrate.js';

export const migration0008: Migration = {
  version: 8,
  name: 'legal_facts',
  sql: `
-- Who did it: the borrower, a co-resident adult relative for the visit's borrower, or the guarantor. Signatures keep
-- the meaning they were recorded with; promises and payments recorded before were the borrower's.
ALTER TABLE visit_outcomes ADD COLUMN actor TEXT CHECK (actor IN ('borrower', 'relative', 'guarantor'));
UPDATE visit_outcomes SET actor = CASE
  WHEN kind = 'notice-signed' THEN coalesce(signed_by, 'borrower')
  WHEN kind IN ('intent', 'cash') THEN 'borrower' END;

-- General (一般保证) or joint (连带责任保证); NULL: not stated, decided by the loan date (Civil Code art. 686).
ALTER TABLE loans ADD COLUMN guarantee_type TEXT CHECK (guarantee_type IN ('general', 'joint'));

-- Demands by public notice (with the medium) and accelerations: they move or interrupt the clock.
CREATE TABLE loan_marks (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  origin_db   TEXT NOT NULL,
  loan_id     INTEGER NOT NULL REFERENCES loans(id),
  kind        TEXT NOT NULL CHECK (kind IN ('public-notice', 'accelerated')),
  mark_date   TEXT NOT NULL,
  medium      TEXT CHECK (medium IN ('national', 'provincial', 'other')),
  note        TEXT,
  recorded_by TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_marks_loan ON loan_marks (loan_id);

-- The stages of a case: referred, filed, judgment (with perform-by), enforcement, closed (with a result).
CREATE TABLE legal_events (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  origin_db   TEXT NOT NULL,
  loan_id     INTEGER NOT NULL REFERENCES loans(id),
  stage       TEXT NOT NULL CHECK (stage IN ('referred', 'filed', 'judgment', 'enforcement', 'closed')),
  event_date  TEXT NOT NULL,
  perform_by  TEXT,
  court       TEXT,
  case_no     TEXT,
  lawyer      TEXT,
  result      TEXT CHECK (result IN ('paid', 'settled', 'written-off', 'terminated')),
  note        TEXT,
  recorded_by TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX legal_events_loan ON legal_events (loan_id);

-- A correction of any fact but a visit (visits keep visit_voids): the fact stays and counts nowhere. No foreign key,
-- so a void can arrive by merge before its fact.
CREATE TABLE fact_voids (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  origin_db  TEXT NOT NULL,
  target_uid TEXT NOT NULL,
  reason     TEXT NOT NULL,
  voided_by  TEXT NOT NULL,
  voided_at  TEXT NOT NULL
) STRICT;
CREATE INDEX fact_voids_target ON fact_voids (target_uid);

-- The old loan events keep their uids: a lawsuit is the filed stage; a public notice keeps no medium (so it no longer
-- interrupts until one is recorded: the safe reading of SPC 2020 art. 8(4)).
INSERT INTO loan_marks (uid, origin_db, loan_id, kind, mark_date, medium, note, recorded_by, recorded_at)
  SELECT uid, origin_db, loan_id, 'public-notice', event_date, NULL, note, NULL, recorded_at FROM loan_events WHERE kind = 'public-notice' ORDER BY id;
INSERT INTO legal_events (uid, origin_db, loan_id, stage, event_date, case_no, note, recorded_by, recorded_at)
  SELECT uid, origin_db, loan_id, 'filed', event_date, NULL, note, NULL, recorded_at FROM loan_events WHERE kind = 'lawsuit' ORDER BY id;
DROP TABLE loan_events;
`,
};
