// Contacts beyond the field visit: the channel of each contact, its delivery evidence, and the `demand` outcome.
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';

/**
 * SQLite cannot change a CHECK constraint in place: the table is rebuilt (SQLite's own procedure), with the views
 * dropped and recreated around it and the tables whose foreign keys point at it saved and put back, so no row and no
 * reference is lost. Runs inside the migration's transaction.
 */
function rebuildTable(db: Database.Database, table: string, transform: (sql: string) => string): void {
  const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
  const rebuilt = transform(sql);
  if (rebuilt === sql) throw new Error(`migration 0012: the definition of ${table} is not the one expected`);
  const children = db
    .prepare(
      `SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'table' AND m.name <> @t
         AND EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name) f WHERE f."table" = @t) ORDER BY m.rowid`,
    )
    .all({ t: table }) as { name: string; sql: string }[];
  const owners = [table, ...children.map((c) => c.name)];
  const indexes = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`)
    .pluck()
    .all(JSON.stringify(owners)) as string[];
  const views = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid`).all() as { name: string; sql: string }[];
  for (const v of [...views].reverse()) db.exec(`DROP VIEW "${v.name}"`);
  for (const c of children) db.exec(`CREATE TEMP TABLE "save_${c.name}" AS SELECT * FROM "${c.name}"; DROP TABLE "${c.name}";`);
  db.exec(rebuilt.replace(new RegExp(`^CREATE TABLE "?${table}"?`), `CREATE TABLE "${table}_rebuilt"`));
  db.exec(`INSERT INTO "${table}_rebuilt" SELECT * FROM "${table}"; DROP TABLE "${table}"; ALTER TABLE "${table}_rebuilt" RENAME TO "${table}";`);
  for (const c of children) db.exec(`${c.sql}; INSERT INTO "${c.name}" SELECT * FROM temp."save_${c.name}"; DROP TABLE temp."save_${c.name}";`);
  for (const i of indexes) db.exec(i);
  for (const v of views) db.exec(v.sql);
}

export const migration0012: Migration = {
  version: 12,
  name: 'channels',
  up(db) {
    // A demand for payment sent by message or letter is an outcome of its own.
    rebuildTable(db, 'visit_outcomes', (sql) =>
      sql.replace(`'statute-expired', 'note')`, `'statute-expired', 'note', 'demand')`),
    );
    db.exec(`
-- How the contact was made; every visit recorded before was a field visit. The evidence of a remote contact:
-- a message delivered or not, when, to which number; a letter's tracking number and delivery date; a call's recording.
ALTER TABLE visits ADD COLUMN channel TEXT NOT NULL DEFAULT 'visit'
  CHECK (channel IN ('visit', 'phone', 'message', 'letter', 'lawyer-letter', 'office'));
ALTER TABLE visits ADD COLUMN delivery TEXT CHECK (delivery IN ('delivered', 'not-delivered'));
ALTER TABLE visits ADD COLUMN delivered_on TEXT;
ALTER TABLE visits ADD COLUMN delivered_to TEXT;
ALTER TABLE visits ADD COLUMN tracking_no TEXT;
ALTER TABLE visits ADD COLUMN recording INTEGER CHECK (recording IN (0, 1));
`);
  },
};
