// A status, heir or stance change made by a visit lapses when that visit is voided, like every other figure.
import type { Migration } from '../migrate.js';

export const migration0004: Migration = {
  version: 4,
  name: 'void_status',
  sql: `
CREATE VIEW live_borrower_events AS
  SELECT e.* FROM borrower_events e
  WHERE e.visit_uid IS NULL OR NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = e.visit_uid);

DROP VIEW borrower_status;
CREATE VIEW borrower_status AS
  SELECT b.id AS borrower_id,
         ifnull(e.status, 'active') AS status,
         e.where_text AS where_text,
         e.effective_on AS since,
         (SELECT d.effective_on FROM live_borrower_events d WHERE d.borrower_id = b.id AND d.kind = 'status' AND d.status = 'deceased'
           ORDER BY d.effective_on DESC, d.recorded_at DESC LIMIT 1) AS deceased_on,
         (SELECT hh.heir_name FROM live_borrower_events hh WHERE hh.borrower_id = b.id AND hh.kind = 'heir'
           ORDER BY hh.effective_on DESC, hh.recorded_at DESC LIMIT 1) AS heir_name,
         (SELECT hh.effective_on FROM live_borrower_events hh WHERE hh.borrower_id = b.id AND hh.kind = 'heir'
           ORDER BY hh.effective_on DESC, hh.recorded_at DESC LIMIT 1) AS heir_known_on
  FROM borrowers b
  LEFT JOIN borrower_events e ON e.id = (
    SELECT e2.id FROM live_borrower_events e2 WHERE e2.borrower_id = b.id AND e2.kind = 'status'
    ORDER BY e2.effective_on DESC, e2.recorded_at DESC, e2.uid DESC LIMIT 1);
`,
};
