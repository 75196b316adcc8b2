// The configured language (`config set lang`), mirrored in the database file's own header so that a help screen can be
// printed in it without loading the SQLite driver (about 10 ms of a 35 ms `--help`). The mirror is SQLite's
// user_version (bytes 60-63 of the header, free for the application; fieldvisit uses it for nothing else): "FV" in the
// high half, then 1 = no language set, 2 = zh, 3 = en. The settings table stays the source of truth: every opening
// for writing puts the mirror right (an older fieldvisit, which does not know it, may have changed the setting), and
// `config set|unset lang` changes both in one transaction. Because the mirror is part of the file, a restore, a copy
// or a backup carries it along with the setting. Read without the driver only when nothing newer can be in the
// write-ahead log (no -wal file, or an empty one: SQLite folds the log back and removes it when the last connection
// closes); otherwise, and for any file without the mark, the caller reads the setting through the driver as before.
import fs from 'node:fs';
import type { Db } from './open.js';

const MAGIC = 0x4656;
const CODES: Record<string, number> = { zh: 2, en: 3 };

/** The header value for a `lang` setting (null: none, or one fieldvisit does not speak). */
export function langMarkValue(lang: string | null): number {
  return ((MAGIC << 16) | (lang !== null && CODES[lang] ? CODES[lang]! : 1)) >>> 0;
}

/** Puts the header's mirror right for this connection's `lang` setting (inside the caller's transaction, if any). */
export function syncLangMark(db: Db, lang: string | null): void {
  const want = langMarkValue(lang);
  // user_version is a signed 32-bit integer to SQLite.
  const have = (db.pragma('user_version', { simple: true }) as number) >>> 0;
  if (have !== want) db.pragma(`user_version = ${want | 0}`);
}

/**
 * The language the database file's header records: 'zh' or 'en', null for none set, undefined when the header cannot
 * tell (not a SQLite file, no mark, or a write-ahead log that may hold a newer header).
 */
export function readLangMark(file: string): 'zh' | 'en' | null | undefined {
  try {
    try {
      if (fs.statSync(`${file}-wal`).size > 0) return undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    }
    const head = Buffer.alloc(100);
    const fd = fs.openSync(file, 'r');
    let n: number;
    try {
      n = fs.readSync(fd, head, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (n < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') return undefined;
    const v = head.readUInt32BE(60);
    if (v >>> 16 !== MAGIC) return undefined;
    const code = v & 0xffff;
    return code === 2 ? 'zh' : code === 3 ? 'en' : code === 1 ? null : undefined;
  } catch {
    return undefined;
  }
}
