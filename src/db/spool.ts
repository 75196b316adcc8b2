// A scratch database for sorting what does not fit in memory: a private temporary file (SQLite's "" name), its own
// connection, deleted when closed. The limitation report spools its rows here and reads them back in report order.
import { SqliteDatabase } from './driver.js';

export interface SpoolPlace {
  township: string;
  village: string;
  group: string | null;
  householdHead: string;
  dueDate: string | null;
  loanNo: string;
}

export interface LimitationSpool {
  addLoan(rank: number, expires: string, loanNo: string, body: string): void;
  addGuarantee(daysLeft: number, p: SpoolPlace, body: string): void;
  addNoDueDate(p: SpoolPlace): void;
  /** Bodies most urgent first: rank, expiry, loan number. */
  loans(): Iterable<string>;
  /** Soonest deadline first, then in place order. */
  guarantees(): Iterable<string>;
  /** Loan numbers in place order. */
  noDueDate(): Iterable<string>;
  close(): void;
}

const BATCH = 5000;

export function openLimitationSpool(): LimitationSpool {
  const db = new SqliteDatabase('');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // 32 MB of pages (and as much for the sorter): the rest goes to the temporary file.
  db.pragma('cache_size = -32768');
  db.exec(`
    CREATE TABLE loans (rank INTEGER, expires TEXT, loan_no TEXT, body TEXT);
    CREATE TABLE guarantees (days INTEGER, township TEXT, village TEXT, grp TEXT, head TEXT, due TEXT, loan_no TEXT, body TEXT);
    CREATE TABLE no_due (township TEXT, village TEXT, grp TEXT, head TEXT, due TEXT, loan_no TEXT);`);
  const insLoan = db.prepare(`INSERT INTO loans VALUES (?, ?, ?, ?)`);
  const insG = db.prepare(`INSERT INTO guarantees VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insN = db.prepare(`INSERT INTO no_due VALUES (?, ?, ?, ?, ?, ?)`);
  let pending = 0;
  const tick = () => {
    if (pending === 0) db.exec('BEGIN');
    if (++pending >= BATCH) {
      db.exec('COMMIT');
      pending = 0;
    }
  };
  const flush = () => {
    if (pending > 0) db.exec('COMMIT');
    pending = 0;
  };
  const read = (sql: string) => {
    flush();
    return db.prepare(sql).pluck().iterate() as IterableIterator<string>;
  };
  return {
    addLoan(rank, expires, loanNo, body) {
      tick();
      insLoan.run(rank, expires, loanNo, body);
    },
    addGuarantee(days, p, body) {
      tick();
      insG.run(days, p.township, p.village, p.group, p.householdHead, p.dueDate, p.loanNo, body);
    },
    addNoDueDate(p) {
      tick();
      insN.run(p.township, p.village, p.group, p.householdHead, p.dueDate, p.loanNo);
    },
    loans: () => read(`SELECT body FROM loans ORDER BY rank, expires, loan_no`),
    guarantees: () => read(`SELECT body FROM guarantees ORDER BY days, township, village, grp, head, due, loan_no, rowid`),
    noDueDate: () => read(`SELECT loan_no FROM no_due ORDER BY township, village, grp, head, due, loan_no, rowid`),
    close() {
      flush();
      db.close();
    },
  };
}
