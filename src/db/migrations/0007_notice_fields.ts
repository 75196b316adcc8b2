// Notices as printed documents: the guarantor's own address, a pay-by date, and voids (the notice stays, marked void).
import type { Migration } from '../migrate.js';

export const migration0007: Migration = {
  version: 7,
  name: 'notice_fields',
  sql: `
-- A guarantor notice goes to the guarantor's address, not the borrower's (roster column guarantor_address / 保证人地址).
ALTER TABLE loans ADD COLUMN guarantor_address TEXT;

-- The date the notice asks payment by (--pay-by); NULL: "within N days of receipt". Stored so a reprint reads the same.
ALTER TABLE notices ADD COLUMN pay_by TEXT;

-- A voided notice stays in the register, marked void; append-only. notice_no has no foreign key so a void can arrive
-- by merge before its notice does. Several voids of one number (made on two laptops) are all kept; the earliest shows.
CREATE TABLE notice_voids (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  origin_db  TEXT NOT NULL,
  notice_no  TEXT NOT NULL,
  reason     TEXT NOT NULL,
  voided_by  TEXT,
  voided_at  TEXT NOT NULL
) STRICT;
CREATE INDEX notice_voids_notice ON notice_voids (notice_no);
`,
};
