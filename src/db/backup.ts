// Consistent copies of the database file: online backup, rotation, and checked restore.
import type Database from 'better-sqlite3';
import { SqliteDatabase } from './driver.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open.js';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';

function ownerOnly(file: string): void {
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    // chmod means nothing on Windows; the per-user data folder protects the file there.
  }
}

/** An empty file only its owner can read, for SQLite to fill (VACUUM INTO and the backup API accept an empty file). */
function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
}

/** Flushes a file (or, where the OS allows, a folder's entries) to disk. */
function fsyncPath(p: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Folders cannot be opened or synced on Windows; the rename is durable there once it returns.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** A consistent, compacted copy taken through the same connection (safe while other processes write). */
export function vacuumInto(db: Db, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  if (fs.existsSync(target)) fs.rmSync(target);
  createPrivateFile(target);
  try {
    db.prepare(`VACUUM INTO ?`).run(target);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw e;
  }
  ownerOnly(target);
}

export interface BackupResult {
  file: string;
  bytes: number;
  pruned: string[];
}

/**
 * SQLite's online backup into a temporary file, checked, then renamed into place. After the first step every step
 * copies all remaining pages, so a write by another process can restart the copy at most once instead of forever.
 */
export async function onlineBackup(db: Db, target: string): Promise<BackupResult> {
  const abs = path.resolve(target);
  fs.mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  fs.rmSync(tmp, { force: true });
  try {
    // Created owner-only before SQLite writes a page into it: the copy holds everything, the signing key included.
    createPrivateFile(tmp);
    await db.backup(tmp, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
    const copy = new SqliteDatabase(tmp);
    try {
      // A backup of a WAL database is marked WAL; make the copy one self-contained file.
      copy.pragma('journal_mode = DELETE');
      const ok = copy.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') throw new DataError(text(`备份副本未通过完整性检查：${String(ok)}`, `The backup copy failed its integrity check: ${String(ok)}`));
    } finally {
      copy.close();
    }
    ownerOnly(tmp);
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { file: abs, bytes: fs.statSync(abs).size, pruned: [] };
}

/** `backups/<name>-YYYYMMDD-HHMMSS.db` beside the database, in local time. */
export function defaultBackupPath(dbFile: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  const dir = path.join(path.dirname(dbFile), 'backups');
  const base = path.basename(dbFile, path.extname(dbFile));
  let f = path.join(dir, `${base}-${stamp}.db`);
  for (let i = 2; fs.existsSync(f); i++) f = path.join(dir, `${base}-${stamp}-${i}.db`);
  return f;
}

/** Keeps the newest `keep` dated backups of this database in its backups folder; other files there are left alone. */
export function pruneBackups(dbFile: string, keep: number): string[] {
  const dir = path.join(path.dirname(dbFile), 'backups');
  if (!fs.existsSync(dir)) return [];
  const base = path.basename(dbFile, path.extname(dbFile)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${base}-(\\d{8}-\\d{6})(?:-(\\d+))?\\.db$`);
  const dated = fs
    .readdirSync(dir)
    .map((f) => ({ f, m: re.exec(f) }))
    .filter((x) => x.m)
    .sort((a, b) => a.m![1]!.localeCompare(b.m![1]!) || Number(a.m![2] ?? 1) - Number(b.m![2] ?? 1))
    .map((x) => path.join(dir, x.f));
  const gone = dated.slice(0, Math.max(0, dated.length - keep));
  for (const f of gone) fs.rmSync(f, { force: true });
  return gone;
}

export interface RestoreCheck {
  file: string;
  databaseId: string;
  schemaVersion: number;
  visits: number;
  loans: number;
}

function notRestorable(file: string, why: string) {
  return new DataError(
    text(`${file} 不能用来恢复（${why}），数据库未改动：请换一个备份文件。`, `${file} cannot be restored (${why}); the database was not changed. Choose another backup.`),
  );
}

function checkOpen(db: Database.Database, file: string, supported: number): RestoreCheck {
  let ok: unknown;
  try {
    ok = db.pragma('integrity_check', { simple: true });
  } catch (e) {
    throw notRestorable(file, (e as Error).message);
  }
  if (ok !== 'ok') throw notRestorable(file, `integrity_check: ${String(ok)}`);
  const has = (t: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t);
  if (!has('meta') || !has('schema_migrations') || !has('visits')) throw notRestorable(file, 'not a fieldvisit database');
  const id = db.prepare(`SELECT value FROM meta WHERE key = 'database_id'`).pluck().get() as string | undefined;
  const v = (db.prepare(`SELECT max(version) FROM schema_migrations`).pluck().get() as number | null) ?? 0;
  if (v > supported) {
    throw new DataError(
      text(
        `${file} 的结构版本是 ${v}，比本程序支持的 ${supported} 新：请升级 fieldvisit 后再恢复。数据库未改动。`,
        `${file} has schema version ${v}, newer than this fieldvisit supports (${supported}): upgrade fieldvisit to restore it. The database was not changed.`,
      ),
    );
  }
  return {
    file,
    databaseId: id ?? '',
    schemaVersion: v,
    visits: db.prepare(`SELECT count(*) FROM visits`).pluck().get() as number,
    loans: db.prepare(`SELECT count(*) FROM loans`).pluck().get() as number,
  };
}

/** Integrity check, a fieldvisit schema, and a version this program can open; reads the file only. */
export function checkRestorable(file: string, supported: number): RestoreCheck {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs)) throw new DataError(text(`找不到备份文件 ${abs}：请检查路径。`, `No backup file at ${abs}: check the path.`));
  if (!fs.statSync(abs).isFile()) throw notRestorable(abs, 'not a regular file');
  let db: Database.Database;
  try {
    db = new SqliteDatabase(abs, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw notRestorable(abs, (e as Error).message);
  }
  try {
    return checkOpen(db, abs, supported);
  } finally {
    db.close();
  }
}

export interface RestoreResult extends RestoreCheck {
  target: string;
  /** Where the database that was replaced now lives, or null when there was none. */
  replaced: string | null;
}

/** The steps of a restore, in order; a test can stop the process right after any of them (FIELDVISIT_FAULT). */
export const RESTORE_STEPS = ['copied', 'locked', 'kept-aside', 'journals-removed', 'replaced'] as const;

/**
 * Puts a backup in place so that, killed at any moment, the database path holds either the old database or the new
 * one, never nothing and never a mix:
 *   1. the backup is copied (VACUUM INTO, one self-contained file, owner-only) beside the database, checked, flushed;
 *   2. the current database is checkpointed into its main file, switched out of WAL and locked exclusively;
 *   3. a hard link `<db>.replaced-<stamp>` keeps it (a flushed copy where links are not possible);
 *   4. any -wal/-shm/-journal left beside it is removed (none should be: an old WAL must never meet the new file);
 *   5. one rename puts the copy over the database path, atomically; the folder is flushed.
 * Refuses while another process has the database open for writing. `faultAfter` (tests) kills the process after
 * that step.
 */
export function restoreDatabase(dbFile: string, backupFile: string, stamp: string, supported: number, faultAfter?: number): RestoreResult {
  const target = path.resolve(dbFile);
  const source = path.resolve(backupFile);
  if (source === target) throw new DataError(text('备份文件就是当前数据库本身。', 'The backup file is the database itself.'));
  checkRestorable(source, supported);
  const fault = (step: number) => {
    if (faultAfter === step) process.kill(process.pid, 'SIGKILL');
  };
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Copies a killed restore left behind: never the database, only ever this prefix.
  const prefix = `.${path.basename(target)}.restore-`;
  for (const f of fs.readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
  const tmp = path.join(dir, `${prefix}${process.pid}.tmp`);
  let check: RestoreCheck;
  try {
    createPrivateFile(tmp);
    const src = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      src.prepare(`VACUUM INTO ?`).run(tmp);
    } finally {
      src.close();
    }
    const copy = new SqliteDatabase(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
      check = checkOpen(copy, source, supported);
    } finally {
      copy.close();
    }
    ownerOnly(tmp);
    fsyncPath(tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fault(1);
  let replaced: string | null = null;
  let cur: Database.Database | null = null;
  try {
    if (fs.existsSync(target)) {
      cur = new SqliteDatabase(target, { timeout: 2000 });
      try {
        const r = cur.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        if (r[0]?.busy) {
          throw new DataError(
            text('数据库正被另一个 fieldvisit 使用：请先关闭它，再恢复。', 'The database is in use by another fieldvisit: close it, then restore.'),
          );
        }
        // Out of WAL: everything is in the main file, and the -wal/-shm go away.
        cur.pragma('journal_mode = DELETE');
        // Hold others off until the new file is in place (where an open file can be renamed over: not Windows).
        if (process.platform !== 'win32') cur.exec('BEGIN EXCLUSIVE');
        else {
          cur.close();
          cur = null;
        }
      } catch (e) {
        if (e instanceof DataError) throw e;
        throw new DataError(
          text(`无法锁定当前数据库（${(e as Error).message}）：请关闭其他 fieldvisit 后再恢复。`, `Cannot lock the current database (${(e as Error).message}): close other fieldvisit windows and restore again.`),
        );
      }
      fault(2);
      replaced = `${target}.replaced-${stamp}`;
      keepAside(target, replaced);
      fault(3);
      for (const ext of ['-wal', '-shm', '-journal']) fs.rmSync(target + ext, { force: true });
      fault(4);
    }
    renameHeld(tmp, target);
    fsyncPath(dir);
    fault(5);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    // The database path was never without a database; the copy kept aside is not needed.
    if (replaced && fs.existsSync(target) && sameFile(target, replaced)) fs.rmSync(replaced, { force: true });
    throw e;
  } finally {
    if (cur) {
      try {
        if (cur.inTransaction) cur.exec('ROLLBACK');
      } finally {
        cur.close();
      }
    }
  }
  return { ...check!, file: source, target, replaced };
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** A second name for the current database (a hard link), or a flushed owner-only copy where links are not possible. */
function keepAside(target: string, replaced: string): void {
  try {
    fs.linkSync(target, replaced);
    return;
  } catch {
    // FAT sticks, some network folders: copy instead.
  }
  const tmp = `${replaced}.tmp`;
  fs.copyFileSync(target, tmp);
  ownerOnly(tmp);
  fsyncPath(tmp);
  fs.renameSync(tmp, replaced);
}

/** On Windows a file another program holds open (fieldvisit, Excel, an antivirus scan) cannot be renamed. */
function renameHeld(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EBUSY' && code !== 'EPERM' && code !== 'EACCES') throw e;
    throw new DataError(
      text(
        `无法替换 ${to}：文件正被其他程序占用（${code}），数据库未改变。请关闭其他 fieldvisit 窗口和打开该文件的 Excel 等程序，稍候再恢复一次。`,
        `Cannot replace ${to}: another program holds the file (${code}); the database is unchanged. Close other fieldvisit windows and Excel or anything else that has the file open, wait a moment, and restore again.`,
      ),
    );
  }
}
