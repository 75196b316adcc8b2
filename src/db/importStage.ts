// A staging table for an import: checked rows wait in the connection's TEMP database, so the main database's write lock
// is taken only for the writing itself (another officer's visit log does not wait for the parsing).
import type { Db } from './open.js';

export interface ImportStage {
  /** Begins staging: a transaction on the TEMP database only (the main database is read, never locked for writing). */
  begin(): void;
  /** Ends staging: commits the TEMP transaction. */
  end(): void;
  add(line: number, key: string | null, row: unknown): void;
  /** The line of an earlier staged row with this key, or null. */
  earlierLine(key: string): number | null;
  /** The staged rows in file order, read in chunks (a statement cannot stay open while the writer writes). */
  rows<R>(): Iterable<R>;
  drop(): void;
}

const CHUNK = 5000;

export function createImportStage(db: Db): ImportStage {
  db.exec(`DROP TABLE IF EXISTS temp.import_stage;
    CREATE TEMP TABLE import_stage (line INTEGER PRIMARY KEY, key TEXT, row TEXT NOT NULL);
    CREATE INDEX temp.import_stage_key ON import_stage (key) WHERE key IS NOT NULL;`);
  const ins = db.prepare(`INSERT INTO temp.import_stage (line, key, row) VALUES (?, ?, ?)`);
  const byKey = db.prepare(`SELECT line FROM temp.import_stage WHERE key = ? ORDER BY line LIMIT 1`).pluck();
  const chunk = db.prepare(`SELECT line, row FROM temp.import_stage WHERE line > ? ORDER BY line LIMIT ${CHUNK}`);
  return {
    begin: () => db.exec('BEGIN'),
    end: () => {
      if (db.inTransaction) db.exec('COMMIT');
    },
    add: (line, key, row) => void ins.run(line, key, JSON.stringify(row)),
    earlierLine: (key) => (byKey.get(key) as number | undefined) ?? null,
    *rows<R>(): Iterable<R> {
      let after = 0;
      for (;;) {
        const batch = chunk.all(after) as { line: number; row: string }[];
        if (batch.length === 0) return;
        for (const b of batch) yield JSON.parse(b.row) as R;
        after = batch[batch.length - 1]!.line;
      }
    },
    drop: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.exec(`DROP TABLE IF EXISTS temp.import_stage`);
    },
  };
}
