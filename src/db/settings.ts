// Per-database settings (officer name, language, limitation period, quota, notice series).
import { SqliteDatabase as Database } from './driver.js';
import type { Db } from './open.js';
import { LETTERHEAD_KEYS, type Letterhead } from '../domain/letterhead.js';
import { syncLangMark } from './langMark.js';

export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Stores a setting; `lang` also updates its mirror in the file's header (src/db/langMark.ts), in one transaction. */
export function setSetting(db: Db, key: string, value: string): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
    if (key === 'lang') syncLangMark(db, value);
  }).immediate();
}

export function unsetSetting(db: Db, key: string): boolean {
  return db.transaction(() => {
    const gone = db.prepare(`DELETE FROM settings WHERE key = ?`).run(key).changes > 0;
    if (key === 'lang') syncLangMark(db, null);
    return gone;
  }).immediate();
}

export function listSettings(db: Db): Record<string, string> {
  const rows = db.prepare(`SELECT key, value FROM settings ORDER BY key`).all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** The letterhead settings (config set institution|branch|phone|address|preparer|reviewer); null where unset. */
export function readLetterhead(db: Db): Letterhead {
  const out = {} as Letterhead;
  for (const k of LETTERHEAD_KEYS) out[k] = getSetting(db, k)?.trim() || null;
  return out;
}

/**
 * The `lang` setting of an existing database file, read-only (no migrations, nothing created), so help and errors raised
 * before a command opens the database speak the configured language. Null when unset or on any error.
 */
export function readLangSetting(file: string): string | null {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 1000 });
    return getSetting(db, 'lang');
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
