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

/** A consistent, compacted copy taken through the same connection (safe while other processes write). */
export function vacuumInto(db: Db, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  if (fs.existsSync(target)) fs.rmSync(target);
  db.prepare(`VACUUM INTO ?`).run(target);
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

/**
 * Copies the backup beside the database, checks the copy, keeps the current file as `<db>.replaced-<stamp>`,
 * and moves the copy into place. Refuses while another process has the database open for writing.
 */
export function restoreDatabase(dbFile: string, backupFile: string, stamp: string, supported: number): RestoreResult {
  const target = path.resolve(dbFile);
  const source = path.resolve(backupFile);
  if (source === target) throw new DataError(text('备份文件就是当前数据库本身。', 'The backup file is the database itself.'));
  checkRestorable(source, supported);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.restore-${process.pid}.tmp`);
  fs.rmSync(tmp, { force: true });
  let check: RestoreCheck;
  try {
    const src = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      src.prepare(`VACUUM INTO ?`).run(tmp);
    } finally {
      src.close();
    }
    const copy = new SqliteDatabase(tmp);
    try {
      check = checkOpen(copy, source, supported);
    } finally {
      copy.close();
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  let replaced: string | null = null;
  if (fs.existsSync(target)) {
    const cur = new SqliteDatabase(target, { timeout: 2000 });
    try {
      const r = cur.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (r[0]?.busy) {
        throw new DataError(
          text('数据库正被另一个 fieldvisit 使用：请先关闭它，再恢复。', 'The database is in use by another fieldvisit: close it, then restore.'),
        );
      }
      cur.pragma('journal_mode = DELETE');
    } catch (e) {
      cur.close();
      fs.rmSync(tmp, { force: true });
      if (e instanceof DataError) throw e;
      throw new DataError(
        text(`无法锁定当前数据库（${(e as Error).message}）：请关闭其他 fieldvisit 后再恢复。`, `Cannot lock the current database (${(e as Error).message}): close other fieldvisit windows and restore again.`),
      );
    }
    cur.close();
    replaced = `${target}.replaced-${stamp}`;
    try {
      renameHeld(target, replaced);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    for (const ext of ['-wal', '-shm']) fs.rmSync(target + ext, { force: true });
  }
  ownerOnly(tmp);
  try {
    renameHeld(tmp, target);
  } catch (e) {
    // Put the current database back where it was; the checked copy is dropped.
    if (replaced) fs.renameSync(replaced, target);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { ...check!, file: source, target, replaced };
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
