// Bundle signing: this database's Ed25519 key pair (in meta) and the keys of other laptops it trusts.
import type { Migration } from '../migrate.js';
import { ensureSigningKey } from '../keys.js';

export const migration0006: Migration = {
  version: 6,
  name: 'keys',
  sql: `
-- Keys whose bundles merge accepts. how: 'tofu' (the first roster bundle a new database merged) or 'manual' (trust add).
CREATE TABLE trusted_keys (
  key_id TEXT PRIMARY KEY,
  public_key TEXT NOT NULL UNIQUE,
  label TEXT,
  added_at TEXT NOT NULL,
  how TEXT NOT NULL CHECK (how IN ('tofu', 'manual'))
) STRICT;
`,
  // Every database, new or existing, gets its own key pair here.
  up: (db) => ensureSigningKey(db),
};
