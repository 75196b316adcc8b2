// The `lang` setting's mirror in the database file's header (src/db/langMark.ts): written with the setting, put right
// on every opening for writing, read without the driver only when the header can tell.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { SqliteDatabase } from '../../src/db/driver.js';
import { setSetting, unsetSetting } from '../../src/db/settings.js';
import { langMarkValue, readLangMark } from '../../src/db/langMark.js';
import { tmpDir } from '../helpers.js';

const NOW = '2026-11-22T00:00:00.000Z';

describe('the language mirrored in the file header', () => {
  it('follows config set / unset lang, and says nothing while the write-ahead log may hold a newer header', () => {
    const file = path.join(tmpDir('fv-langmark-'), 'a.db');
    const o = openDatabase(file, { nowIso: NOW });
    // Open: the log may hold the header, so the file alone cannot tell.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(readLangMark(file)).toBeUndefined();
    setSetting(o.db, 'lang', 'zh');
    o.db.close();
    expect(readLangMark(file)).toBe('zh');
    const p = openDatabase(file, { nowIso: NOW });
    setSetting(p.db, 'lang', 'en');
    p.db.close();
    expect(readLangMark(file)).toBe('en');
    const q = openDatabase(file, { nowIso: NOW });
    expect(unsetSetting(q.db, 'lang')).toBe(true);
    q.db.close();
    expect(readLangMark(file)).toBeNull();
  });

  it('a setting changed without the mark (an older fieldvisit) is mirrored at the next opening for writing', () => {
    const file = path.join(tmpDir('fv-langmark-'), 'b.db');
    openDatabase(file, { nowIso: NOW }).db.close();
    expect(readLangMark(file)).toBeNull();
    const old = new SqliteDatabase(file);
    old.prepare(`INSERT INTO settings (key, value) VALUES ('lang', 'zh')`).run();
    old.pragma('user_version = 0');
    old.close();
    expect(readLangMark(file)).toBeUndefined();
    openDatabase(file, { nowIso: NOW }).db.close();
    expect(readLangMark(file)).toBe('zh');
    // A stale mark (the setting changed behind it) is put right too.
    const older = new SqliteDatabase(file);
    older.prepare(`UPDATE settings SET value = 'en' WHERE key = 'lang'`).run();
    older.close();
    expect(readLangMark(file)).toBe('zh');
    openDatabase(file, { nowIso: NOW }).db.close();
    expect(readLangMark(file)).toBe('en');
  });

  it('anything else is "cannot tell": a file that is not SQLite, a missing file, a header with another user_version', () => {
    const dir = tmpDir('fv-langmark-');
    fs.writeFileSync(path.join(dir, 'x.db'), 'not a database at all, but long enough to have a header of a hundred bytes '.repeat(3));
    expect(readLangMark(path.join(dir, 'x.db'))).toBeUndefined();
    expect(readLangMark(path.join(dir, 'missing.db'))).toBeUndefined();
    const other = new SqliteDatabase(path.join(dir, 'o.db'));
    other.pragma('user_version = 7');
    other.close();
    expect(readLangMark(path.join(dir, 'o.db'))).toBeUndefined();
    expect(langMarkValue('zh')).not.toBe(langMarkValue('en'));
    expect(langMarkValue('fr')).toBe(langMarkValue(null));
  });
});
