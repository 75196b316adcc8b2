// Applies numbered migrations in order, each in one transaction together with its record.
import type Database from 'better-sqlite3';
import { DataError } from '../domain/errors.js';
import { text } from '../domain/text.js';

export interface Migration {
  version: number;
  name: string;
  sql?: string;
  up?: (db: Database.Database) => void;
}

export function currentVersion(db: Database.Database): number {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!has) return 0;
  const row = db.prepare(`SELECT max(version) AS v FROM schema_migrations`).get() as { v: number | null };
  return row.v ?? 0;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** Refuses a file written by a newer fieldvisit rather than guessing at its schema. */
export function assertNotNewer(db: Database.Database, file: string, migrations: readonly Migration[]): void {
  const v = currentVersion(db);
  const latest = latestVersion(migrations);
  if (v > latest) {
    throw new DataError(
      text(
        `数据库 ${file} 的结构版本是 ${v}，比本程序支持的版本 ${latest} 新：请升级 fieldvisit 后再打开它。`,
        `The database ${file} has schema version ${v}, newer than this fieldvisit supports (${latest}): upgrade fieldvisit to open it.`,
      ),
    );
  }
}

/** Every migration not yet recorded, in order: a version is never skipped because a later one ran first. */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[]): Migration[] {
  if (currentVersion(db) === 0) return [...migrations];
  const applied = new Set((db.prepare(`SELECT version FROM schema_migrations`).all() as { version: number }[]).map((r) => r.version));
  return migrations.filter((m) => !applied.has(m.version));
}

/**
 * Applies the pending migrations, each in one write transaction with its record. `pending` may have been worked out
 * before the write lock was taken (open.ts does, to back the file up first): another fieldvisit opening the same file
 * at the same moment may have applied some of them since, so each is checked again inside its transaction and
 * skipped if recorded meanwhile. Returns the versions this call applied.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], nowIso: string, pending?: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied: number[] = [];
  const recorded = db.prepare(`SELECT 1 FROM schema_migrations WHERE version = ?`);
  for (const m of pending ?? pendingMigrations(db, migrations)) {
    const done = db.transaction(() => {
      if (recorded.get(m.version)) return false;
      if (m.sql) db.exec(m.sql);
      if (m.up) m.up(db);
      db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`).run(m.version, m.name, nowIso);
      return true;
    }).immediate();
    if (done) applied.push(m.version);
  }
  return applied;
}
