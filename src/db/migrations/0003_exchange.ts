// Exchange between laptops: what was sent where (export marks), bundles merged, and conflicts for the supervisor.
import type { Migration } from '../migrate.js';

export const migration0003: Migration = {
  version: 3,
  name: 'exchange',
  sql: `
-- Per destination (a name or the bundle's path) and table: the highest local row id already sent there.
CREATE TABLE export_marks (
  destination TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  last_id     INTEGER NOT NULL,
  exported_at TEXT NOT NULL,
  PRIMARY KEY (destination, table_name)
) STRICT;

-- Bundles applied here, so a second merge of the same file is recognised at once (correctness comes from uids).
CREATE TABLE merged_bundles (
  bundle_id  TEXT PRIMARY KEY,
  source_db  TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('changes', 'roster')),
  file       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  merged_at  TEXT NOT NULL,
  added      INTEGER NOT NULL
) STRICT;

-- Two databases that disagree about one borrower's status (same effective date) or one notice number.
-- uid_a < uid_b so a pair is recorded once whichever order the bundles arrive in; winner_uid is the later recorded.
CREATE TABLE merge_conflicts (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('status', 'notice')),
  subject     TEXT NOT NULL,
  uid_a       TEXT NOT NULL,
  uid_b       TEXT NOT NULL,
  a_json      TEXT NOT NULL,
  b_json      TEXT NOT NULL,
  winner_uid  TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  bundle_id   TEXT,
  UNIQUE (kind, uid_a, uid_b)
) STRICT;
`,
};
