// Transactions that span asynchronous reading (a streamed import): better-sqlite3's transaction() is synchronous only.
import type { Db } from './open.js';
import { busyPolicyOf, retryWhileBusy } from './busy.js';

/**
 * Runs `fn` inside one IMMEDIATE write transaction, awaiting it; commits when `commit` says so (false: a dry
 * run, rolled back), rolls back on any error. Nothing written by `fn` survives unless it finishes.
 */
export async function inWriteTransaction<T>(db: Db, fn: () => Promise<T>, commit: (result: T) => boolean): Promise<T> {
  retryWhileBusy(busyPolicyOf(db), () => db.exec('BEGIN IMMEDIATE'));
  try {
    const result = await fn();
    db.exec(commit(result) ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** Runs `fn` under a savepoint: its writes stay if it returns, vanish if it throws (and the error goes on). */
export function withSavepoint<T>(db: Db, fn: () => T): T {
  db.exec('SAVEPOINT row');
  try {
    const r = fn();
    db.exec('RELEASE row');
    return r;
  } catch (e) {
    db.exec('ROLLBACK TO row');
    db.exec('RELEASE row');
    throw e;
  }
}
