// Backups: before every migration, on demand with rotation, and restores that check the copy before replacing anything.
import fs from 'node:fs';
import path from 'node:path';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { latestVersion, MIGRATIONS, openDatabase } from '../../src/db/open.js';
import { restoreDatabase } from '../../src/db/backup.js';
import { DataError } from '../../src/domain/errors.js';
import { migration0001 } from '../../src/db/migrations/0001_initial.js';
import { query, runInProcess, sampleDb, scriptedPrompter, snapshot, tmpDir } from '../helpers.js';

let sample: string;
beforeAll(() => {
  sample = sampleDb({ visits: true });
});

describe('a migration on open backs up first', () => {
  it('copies the old file, at its old version, into backups/ before migrating', async () => {
    const dir = tmpDir('fv-mig-');
    const file = path.join(dir, 'old.db');
    const o = openDatabase(file, { nowIso: '2026-01-01T00:00:00.000Z', migrations: [migration0001] });
    o.db.prepare(`INSERT INTO townships (name) VALUES ('涡水镇')`).run();
    o.db.close();
    const r = await runInProcess(['info', '--json'], { db: file });
    expect(r.code, r.stderr).toBe(0);
    const latest = latestVersion(MIGRATIONS);
    expect(latest).toBeGreaterThan(1);
    expect(JSON.parse(r.stdout).schema_version).toBe(latest);
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`^old-v1-before-v${latest}-.*\\.db$`));
    const copy = path.join(dir, 'backups', backups[0]!);
    expect(query(copy, `SELECT max(version) AS v FROM schema_migrations`)[0].v).toBe(1);
    expect(query(copy, `SELECT name FROM townships`)).toEqual([{ name: '涡水镇' }]);
    expect(query(copy, `PRAGMA integrity_check`)[0].integrity_check).toBe('ok');
    // Opening again migrates nothing and copies nothing.
    await runInProcess(['info'], { db: file });
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
  });
});

describe('fieldvisit backup', () => {
  it('writes dated copies into backups/ beside the database and keeps the newest N', async () => {
    const dir = tmpDir('fv-bak-');
    const db = path.join(dir, 'team.db');
    fs.copyFileSync(sample, db);
    for (let i = 0; i < 3; i++) {
      const r = await runInProcess(['backup', '--keep', '2', '--json'], { db });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).file).toMatch(/backups[/\\]team-20261122-120000(-\d)?\.db$/);
    }
    const left = fs.readdirSync(path.join(dir, 'backups')).sort();
    expect(left).toEqual(['team-20261122-120000-2.db', 'team-20261122-120000-3.db']);
    const copy = path.join(dir, 'backups', left[1]!);
    expect(query(copy, `PRAGMA integrity_check`)[0].integrity_check).toBe('ok');
    expect(query(copy, `SELECT count(*) AS n FROM visits`)[0].n).toBe(32);
  });
});

describe('fieldvisit restore', () => {
  it('checks the copy, keeps the replaced file, and puts the backup in place', async () => {
    const dir = tmpDir('fv-rest-');
    const db = path.join(dir, 'team.db');
    fs.copyFileSync(sample, db);
    const bak = path.join(dir, 'keep.db');
    expect((await runInProcess(['backup', bak], { db })).code).toBe(0);
    const atBackup = snapshot(bak);
    // Work continues after the backup, then is lost.
    await runInProcess(['place', 'set', '涡水镇', '--population', '1'], { db });
    const beforeRestore = snapshot(db);
    const noTty = await runInProcess(['restore', bak], { db });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/--yes/);
    const prompter = scriptedPrompter([{ kind: 'confirm', match: /Replace/, answer: true }]);
    const r = await runInProcess(['restore', bak, '--json'], { db, tty: true, prompter });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.replaced).toMatch(/team\.db\.replaced-/);
    expect(snapshot(db)).toBe(atBackup);
    expect(snapshot(out.replaced)).toBe(beforeRestore);
  });

  it('refuses a damaged file, a newer schema, or a file that is not a fieldvisit database, changing nothing', async () => {
    const dir = tmpDir('fv-rest-bad-');
    const db = path.join(dir, 'team.db');
    fs.copyFileSync(sample, db);
    const before = snapshot(db);
    const truncated = path.join(dir, 'truncated.db');
    const buf = fs.readFileSync(sample);
    fs.writeFileSync(truncated, buf.subarray(0, Math.floor(buf.length / 3)));
    const newer = path.join(dir, 'newer.db');
    fs.copyFileSync(sample, newer);
    const n = new Database(newer);
    n.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')`).run();
    n.close();
    const other = path.join(dir, 'other.db');
    const x = new Database(other);
    x.exec(`CREATE TABLE t (a)`);
    x.close();
    for (const [file, why] of [
      [truncated, /cannot be restored/],
      [newer, /newer than this fieldvisit supports/],
      [other, /not a fieldvisit database/],
    ] as const) {
      const r = await runInProcess(['restore', file, '--yes'], { db });
      expect(r.code, file).toBe(1);
      expect(r.stderr).toMatch(why);
      expect(snapshot(db)).toBe(before);
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes('replaced'))).toEqual([]);
  });
});

describe('restore while another program holds the database (Windows)', () => {
  it('turns EBUSY/EPERM from the rename into a DataError saying what to close, and changes nothing', async () => {
    const dir = tmpDir('fv-busy-');
    const db = path.join(dir, 'team.db');
    fs.copyFileSync(sample, db);
    const bak = path.join(dir, 'keep.db');
    expect((await runInProcess(['backup', bak], { db })).code).toBe(0);
    const before = snapshot(db);
    for (const code of ['EBUSY', 'EPERM']) {
      const real = fs.renameSync;
      const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
        // The one rename that replaces the database (the copy over its path) is what Windows refuses while the file is open.
        if (String(to) === db) throw Object.assign(new Error(`${code}: resource busy or locked`), { code });
        return real(from, to);
      });
      try {
        let err: unknown;
        try {
          restoreDatabase(db, bak, '20261122-183000', latestVersion(MIGRATIONS));
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(DataError);
        expect((err as DataError).text.en).toMatch(/Close other fieldvisit windows and Excel/);
      } finally {
        spy.mockRestore();
      }
      expect(snapshot(db)).toBe(before);
      expect(fs.readdirSync(dir).filter((n) => n.includes('replaced') || n.endsWith('.tmp'))).toEqual([]);
    }
  });
});
