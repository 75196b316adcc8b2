// Attachments: the proof of a visit (a photo of the signed receipt, a scan, a call recording) kept inside the database
// as content-addressed blobs, and one append-only fact per file attached to a visit.
import type { Migration } from '../migrate.js';

export const migration0010: Migration = {
  version: 10,
  name: 'attachments',
  sql: `
-- The bytes, once per content: the same photo attached twice (or arriving from two laptops) is one row.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size   INTEGER NOT NULL CHECK (size >= 0),
  bytes  BLOB NOT NULL
) STRICT;

-- A file attached to a visit, named by the visit's uid (the same on every laptop; it may arrive before its visit).
-- Never deleted, also when the visit is voided. media_type is sniffed from the bytes, never from the name.
CREATE TABLE attachments (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  origin_db   TEXT NOT NULL,
  visit_uid   TEXT NOT NULL,
  sha256      TEXT NOT NULL REFERENCES blobs(sha256),
  name        TEXT NOT NULL,
  media_type  TEXT NOT NULL,
  size        INTEGER NOT NULL,
  added_by    TEXT,
  added_at    TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_visit ON attachments (visit_uid);
CREATE INDEX attachments_blob ON attachments (sha256);
`,
};
