// The two roster writes side by side, for the differential tests (test/db/rosterSetWise.test.ts,
// test/db/rosterUnchanged.test.ts): the row-by-row writer the import used to be, and today's set-wise stage; and a
// dump of every table to compare the databases they leave.
import type { Db } from '../../src/db/open.js';
import { createRosterStage } from '../../src/db/rosterImport.js';
import type { RosterInput, StatementOptions } from '../../src/db/roster.js';
import { createRosterWriter } from './rosterWriterRowByRow.js';

/** Every table of the main database, row by row in rowid order. A void's uid is random (uuidv7) on either side. */
export function dumpTables(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]) {
    const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[];
    out[t] = t === 'fact_voids' ? rows.map(({ uid: _uid, ...rest }) => rest) : rows;
  }
  return out;
}

/** The rows through the old row-by-row writer, in one transaction, with the summary the import reports. */
export function importRowByRow(db: Db, rows: RosterInput[], asOf: string, ledger: StatementOptions) {
  return db.transaction(() => {
    const w = createRosterWriter(db, asOf, ledger);
    const merged = new Map<string, { into: string; rows: number }>();
    for (const x of rows) {
      const m = w.write(x);
      if (m.mergedFrom) {
        const e = merged.get(m.mergedFrom);
        if (e) e.rows++;
        else merged.set(m.mergedFrom, { into: m.mergedInto ?? '', rows: 1 });
      }
    }
    const ledgerCounts = w.finishLedger();
    return {
      summary: w.summary(),
      merged: [...merged].map(([from, m]) => ({ from, into: m.into, rows: m.rows })),
      olderKept: w.olderKept(),
      assumedRows: w.assumedRows(),
      ledger: ledgerCounts,
    };
  })();
}

/** The same rows through the set-wise stage (line numbers from 2, as under a header); a repeated loan number throws. */
export function importSetWise(db: Db, rows: RosterInput[], asOf: string, ledger: StatementOptions) {
  const stage = createRosterStage(db, asOf);
  try {
    stage.begin();
    rows.forEach((x, k) => {
      const earlier = stage.add(k + 2, x);
      if (earlier !== null) throw new Error(`line ${k + 2} repeats the loan number of line ${earlier}`);
    });
    stage.end();
    return db.transaction(() => stage.apply(ledger))();
  } finally {
    stage.drop();
  }
}
