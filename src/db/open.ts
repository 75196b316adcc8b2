// Opens (and creates, owner-only) the database file: WAL, foreign keys, busy timeout, migrations on open.
import { getSetting } from './settings.js';
import type Database from 'better-sqlite3';
import { SqliteDatabase } from './driver.js';
import fs from 'node:fs';
import path from 'node:path';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';
import { uuidv7 } from '../domain/ids.js';
import { MIGRATIONS } from './migrations/index.js';
import { stmt } from './stmt.js';
import { DEFAULT_BUSY, retryWhileBusy, waitOutWriters, type BusyPolicy } from './busy.js';
import { langMarkValue, syncLangMark } from './langMark.js';
import { applyMigrations, assertNotNewer, currentVersion, latestVersion, pendingMigrations, type Migration } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** ISO timestamp recorded with each migration. */
  nowIso: string;
  /** Open an existing file only; never create one (info on a missing file, restore checks). */
  mustExist?: boolean;
  readonly?: boolean;
  /** Called before migrations run on a file that already holds data, so the caller can back it up. */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
  migrations?: readonly Migration[];
  /** How writes wait for another process that is writing (see busy.ts); tests shorten it. */
  busy?: Partial<BusyPolicy>;
}

export interface Opened {
  db: Db;
  file: string;
  created: boolean;
  migrated: number[];
}

/** The file a path names once symlinks are followed, even a link whose target does not exist yet. */
function followLinks(file: string): string {
  let p = file;
  for (let i = 0; i < 40; i++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = path.resolve(path.dirname(p), fs.readlinkSync(p));
  }
  return p;
}

function createOwnerOnly(file: string): void {
  // Through a symlink, the file it points to is created here, owner-only (SQLite would create it with the umask).
  const real = followLinks(file);
  fs.mkdirSync(path.dirname(real), { recursive: true, mode: 0o700 });
  // 'wx' fails if another process created it first; that is fine, it exists now.
  try {
    const fd = fs.openSync(real, 'wx', 0o600);
    fs.closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** Nothing a person made is in it: no places, loans, visits, settings or merges (a new file's own key does not count). */
export function isUnusedDatabase(db: Db): boolean {
  const tables = ['townships', 'loans', 'visits', 'settings', 'merged_bundles'];
  for (const t of tables) {
    const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t);
    if (has && db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get()) return false;
  }
  return true;
}

/**
 * After a command that created the database failed: closes it and, when it holds nothing anyone made, removes the
 * file and its -wal/-shm/-journal, so a failed first import leaves no empty database behind.
 */
export function discardNewDatabase(db: Db, file: string): void {
  let unused = false;
  try {
    unused = db.open && isUnusedDatabase(db);
  } catch {
    unused = false;
  }
  if (db.open) db.close();
  if (!unused) return;
  for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + ext, { force: true });
}

export function openDatabase(file: string, opts: OpenOptions): Opened {
  const abs = path.resolve(file);
  const migrations = opts.migrations ?? MIGRATIONS;
  let created = false;
  const exists = fs.existsSync(abs);
  if (!exists) {
    if (opts.mustExist || opts.readonly) {
      throw new DataError(
        text(
          `数据库文件 ${abs} 不存在：请先导入花名册（fieldvisit import roster 文件），或检查 --db / 环境变量 FIELDVISIT_DB 指定的路径。`,
          `The database file ${abs} does not exist: import a roster first (fieldvisit import roster FILE), or check the --db path / FIELDVISIT_DB.`,
        ),
      );
    }
    try {
      createOwnerOnly(abs);
    } catch (e) {
      throw new DataError(
        text(
          `无法创建数据库文件 ${abs}（${(e as Error).message}）：请换一个可写的位置，用 --db 指定。`,
          `Cannot create the database file ${abs} (${(e as Error).message}): choose a writable place with --db.`,
        ),
      );
    }
    created = true;
  }
  const busy: BusyPolicy = { ...DEFAULT_BUSY, ...opts.busy };
  let db: Db;
  try {
    db = new SqliteDatabase(abs, { readonly: !!opts.readonly, timeout: busy.attemptMs });
  } catch (e) {
    throw new DataError(
      text(`无法打开数据库 ${abs}：${(e as Error).message}`, `Cannot open the database ${abs}: ${(e as Error).message}`),
    );
  }
  try {
    const header = db.prepare(`PRAGMA schema_version`).get();
    void header;
  } catch {
    db.close();
    throw new DataError(
      text(`${abs} 不是 SQLite 数据库文件：请检查 --db 指定的路径。`, `${abs} is not a SQLite database file: check the --db path.`),
    );
  }
  waitOutWriters(db, busy);
  if (!opts.readonly) retryWhileBusy(busy, () => db.pragma('journal_mode = WAL'));
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  assertNotNewer(db, abs, migrations);
  let migrated: number[] = [];
  if (!opts.readonly) {
    const pending = pendingMigrations(db, migrations);
    if (pending.length > 0) {
      const from = currentVersion(db);
      if (from > 0 && opts.beforeMigrate) opts.beforeMigrate(db, from, latestVersion(migrations));
      migrated = applyMigrations(db, migrations, opts.nowIso, pending);
    }
    ensureDatabaseId(db, opts.nowIso);
    markLang(db);
  }
  return { db, file: abs, created, migrated };
}

/**
 * The header's mirror of the `lang` setting (src/db/langMark.ts), put right if missing or stale: written only then. It
 * only saves help screens the SQLite driver, so a file that cannot be written (read-only media) is left as it is.
 */
function markLang(db: Db): void {
  const lang = getSetting(db, 'lang');
  if (((db.pragma('user_version', { simple: true }) as number) >>> 0) === langMarkValue(lang)) return;
  try {
    db.transaction(() => syncLangMark(db, lang)).immediate();
  } catch (e) {
    if (!String((e as { code?: string }).code ?? '').startsWith('SQLITE_READONLY')) throw e;
  }
}

/** Each database gets a permanent id, so records it makes can be told apart after a merge. */
function ensureDatabaseId(db: Db, nowIso: string): void {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'database_id'`).get() as { value: string } | undefined;
  if (row) return;
  db.transaction(() => {
    db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('database_id', ?)`).run(uuidv7());
    db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', ?)`).run(nowIso);
  }).immediate();
}

export function databaseId(db: Db): string {
  const row = stmt(db, `SELECT value FROM meta WHERE key = 'database_id'`).get() as { value: string } | undefined;
  return row?.value ?? '';
}

export function schemaVersion(db: Db): number {
  return currentVersion(db);
}

export { latestVersion, MIGRATIONS };
