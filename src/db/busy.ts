// Waiting for another fieldvisit that is writing: a write transaction waits as long as it takes (up to a limit), says so once, and never fails as "internal error".
import type Database from 'better-sqlite3';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';

export interface BusyPolicy {
  /** How long one attempt waits inside SQLite before we hear about it (ms). */
  attemptMs: number;
  /** How long to keep trying in all before giving up (ms). */
  maxWaitMs: number;
  /** Called once when a write first has to wait (a terminal says "waiting for another fieldvisit …"). */
  onWait?: () => void;
}

export const DEFAULT_BUSY: BusyPolicy = { attemptMs: 2000, maxWaitMs: 30 * 60 * 1000 };

const policies = new WeakMap<object, BusyPolicy>();

/** The policy a connection was opened with (transactions begun by hand use it too). */
export function busyPolicyOf(db: object): BusyPolicy {
  return policies.get(db) ?? DEFAULT_BUSY;
}

export function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

export function busyGaveUp(waitedMs: number): DataError {
  const s = Math.round(waitedMs / 1000);
  return new DataError(
    text(
      `另一个 fieldvisit（导入、合并或备份）正在写入这个数据库，等了 ${s} 秒仍未结束，本次未保存任何内容：请等它完成后再运行一次。`,
      `Another fieldvisit (an import, a merge or a backup) is writing to this database and had not finished after ${s} s; nothing was saved: run this again once it is done.`,
    ),
  );
}

/** Runs `attempt` (which begins a write transaction first thing) again while the database is busy, up to the policy's limit. */
export function retryWhileBusy<T>(policy: BusyPolicy, attempt: () => T): T {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return attempt();
    } catch (e) {
      if (!isBusy(e)) throw e;
      const waited = Date.now() - started;
      if (waited >= policy.maxWaitMs) throw busyGaveUp(waited);
      if (!told) {
        told = true;
        policy.onWait?.();
      }
    }
  }
}

/**
 * Makes every write transaction of this connection wait out another writer: `db.transaction(fn).immediate()` (and the
 * deferred and exclusive forms) retry while SQLite reports the database busy. A busy error can only come from taking
 * the write lock, before `fn` has changed anything, so running the transaction again is safe.
 */
export function waitOutWriters(db: Database.Database, policy: BusyPolicy): void {
  policies.set(db, policy);
  const original = db.transaction.bind(db);
  (db as { transaction: typeof db.transaction }).transaction = ((fn: (...a: unknown[]) => unknown) => {
    const t = original(fn);
    const wrap = (f: (...a: unknown[]) => unknown) => (...a: unknown[]) => retryWhileBusy(policy, () => f(...a));
    const wrapped = wrap(t) as typeof t;
    wrapped.immediate = wrap(t.immediate) as typeof t.immediate;
    wrapped.deferred = wrap(t.deferred) as typeof t.deferred;
    wrapped.exclusive = wrap(t.exclusive) as typeof t.exclusive;
    wrapped.default = wrap(t.default) as typeof t.default;
    return wrapped;
  }) as typeof db.transaction;
}
