// A scratch space for sorting what does not fit in memory. The rows' bodies (a CSV line, a JSON object) are appended
// to a private temporary file as they come; only their sort keys and where each body lies go to a scratch SQLite
// database (SQLite's "" name: its own connection, a temporary file deleted when closed). Reading back sorts the keys
// and copies each body from the file: the sorter moves a few dozen bytes per row instead of the row's text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  /**
   * Copies the bodies most urgent first (rank, expiry, loan number), each into the place `into(len)` returns (a buffer
   * and an offset with room for len bytes, filled before the next call); returns how many.
   */
  copyLoans(into: (len: number) => [Buffer, number]): number;
  /** As copyLoans, the guarantee periods: soonest deadline first, then in place order. */
  copyGuarantees(into: (len: number) => [Buffer, number]): number;
  /** Loan numbers in place order. */
  noDueDate(): Iterable<string>;
  close(): void;
}

const BATCH = 5000;
/** Bodies are gathered into writes of about this many bytes. */
const WRITE_CHUNK = 1 << 20;

export function openLimitationSpool(): LimitationSpool {
  const db = new SqliteDatabase('');
  let dir: string | undefined;
  let fd: number;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldvisit-spool-'));
    fd = fs.openSync(path.join(dir, 'bodies'), 'w+', 0o600);
  } catch (e) {
    db.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const scratch = dir;
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // 16 MB of pages (and as much for the sorter): the rest goes to the temporary file.
  db.pragma('cache_size = -16384');
  db.exec(`
    CREATE TABLE loans (rank INTEGER, expires TEXT, loan_no TEXT, pos INTEGER, len INTEGER);
    CREATE TABLE guarantees (days INTEGER, township TEXT, village TEXT, grp TEXT, head TEXT, due TEXT, loan_no TEXT, pos INTEGER, len INTEGER);
    CREATE TABLE no_due (township TEXT, village TEXT, grp TEXT, head TEXT, due TEXT, loan_no TEXT);`);
  const insLoan = db.prepare(`INSERT INTO loans VALUES (?, ?, ?, ?, ?)`);
  const insG = db.prepare(`INSERT INTO guarantees VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insN = db.prepare(`INSERT INTO no_due VALUES (?, ?, ?, ?, ?, ?)`);
  let pending = 0;
  const tick = () => {
    if (pending === 0) db.exec('BEGIN');
    if (++pending >= BATCH) {
      db.exec('COMMIT');
      pending = 0;
    }
  };
  // The body file: `written` bytes are on disk, the first `chunkBytes` of `chunk` wait to be written after them. A body
  // is encoded straight into `chunk` (no buffer of its own) when it surely fits: at most 3 bytes per UTF-16 unit.
  let written = 0;
  const chunk = Buffer.allocUnsafe(WRITE_CHUNK);
  let chunkBytes = 0;
  const writeBytes = (b: Uint8Array, len: number) => {
    let off = 0;
    while (off < len) off += fs.writeSync(fd, b, off, len - off, written + off);
    written += len;
  };
  const writeChunk = () => {
    if (chunkBytes === 0) return;
    writeBytes(chunk, chunkBytes);
    chunkBytes = 0;
  };
  /** Appends a body; returns where it starts and its length in bytes. */
  const append = (body: string): [number, number] => {
    if (WRITE_CHUNK - chunkBytes < body.length * 3) {
      writeChunk();
      if (WRITE_CHUNK < body.length * 3) {
        const b = Buffer.from(body, 'utf8');
        const pos = written;
        writeBytes(b, b.length);
        return [pos, b.length];
      }
    }
    const pos = written + chunkBytes;
    const len = chunk.write(body, chunkBytes, 'utf8');
    chunkBytes += len;
    return [pos, len];
  };
  const flush = () => {
    if (pending > 0) db.exec('COMMIT');
    pending = 0;
    writeChunk();
  };
  /**
   * The bodies at the positions the query returns, in its order, each read from the file straight into the buffer
   * `into` gives for its length (the caller's output buffer: no string is made of a body on the way out).
   */
  function copyBodies(sql: string, into: (len: number) => [Buffer, number]): number {
    flush();
    let count = 0;
    for (const [pos, len] of db.prepare(sql).raw().iterate() as IterableIterator<[number, number]>) {
      const [buf, off] = into(len);
      let got = 0;
      while (got < len) {
        const n = fs.readSync(fd, buf, off + got, len - got, pos + got);
        if (n === 0) throw new Error(`spool file ended early at ${pos + got}`);
        got += n;
      }
      count++;
    }
    return count;
  }
  let closed = false;
  return {
    addLoan(rank, expires, loanNo, body) {
      tick();
      insLoan.run(rank, expires, loanNo, ...append(body));
    },
    addGuarantee(days, p, body) {
      tick();
      insG.run(days, p.township, p.village, p.group, p.householdHead, p.dueDate, p.loanNo, ...append(body));
    },
    addNoDueDate(p) {
      tick();
      insN.run(p.township, p.village, p.group, p.householdHead, p.dueDate, p.loanNo);
    },
    copyLoans: (into) => copyBodies(`SELECT pos, len FROM loans ORDER BY rank, expires, loan_no`, into),
    copyGuarantees: (into) => copyBodies(`SELECT pos, len FROM guarantees ORDER BY days, township, village, grp, head, due, loan_no, rowid`, into),
    noDueDate: () => {
      flush();
      return db.prepare(`SELECT loan_no FROM no_due ORDER BY township, village, grp, head, due, loan_no, rowid`).pluck().iterate() as IterableIterator<string>;
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        if (pending > 0) db.exec('COMMIT');
        db.close();
      } finally {
        fs.closeSync(fd);
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}
