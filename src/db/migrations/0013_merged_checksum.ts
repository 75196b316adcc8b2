// A re-merge of the same bundle is recognised by its content, not only by its id.
import type { Migration } from '../migrate.js';

export const migration0013: Migration = {
  version: 13,
  name: 'merged_checksum',
  sql: `
-- The content checksum (what the bundle's signature covers) of the bundle merged in full under this id. A bundle with
-- this id and this checksum is applied already: merging it again verifies it and applies nothing. NULL for bundles
-- merged before this migration (the next full merge of the same bundle fills it in).
ALTER TABLE merged_bundles ADD COLUMN checksum TEXT;
`,
};
