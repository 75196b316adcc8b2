// Indexes for merging: each incoming notice asks whether its uid already lost a conflict (uid_a or uid_b).
import type { Migration } from '../migrate.js';

export const migration0005: Migration = {
  version: 5,
  name: 'exchange_indexes',
  sql: `
-- merge_conflicts is UNIQUE (kind, uid_a, uid_b), which cannot serve "uid_a = ? OR uid_b = ?": one index per side.
CREATE INDEX merge_conflicts_uid_a ON merge_conflicts (uid_a);
CREATE INDEX merge_conflicts_uid_b ON merge_conflicts (uid_b);
`,
};
