// End to end: the same bundle merged again is verified and recognised by its content (migration 0013), reported as
// already merged and applied no second time — the database file stays byte for byte the same; a tampered copy is still
// refused; another bundle under the same id is never skipped; a database migrated from before 0013 still merges.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { contentChecksum, signedMessage } from '../../src/db/bundle.js';
import { signerFor } from '../../src/db/keys.js';
import { checkBundles } from '../../src/db/exchange.js';
import { latestVersion, MIGRATIONS, openDatabase } from '../../src/db/open.js';
import { cli, json, query, sampleDb, snapshot, tmpDir, succeeded } from '../helpers.js';

const dir = tmpDir('fv-remerge-');
const f = (n: string) => path.join(dir, n);
const ok = (args: string[], db: string) => succeeded(args, cli(args, { db }));
const manifestValue = (bundle: string, key: string) => JSON.parse(query(bundle, `SELECT value FROM manifest WHERE key = ?`, key)[0].value);

let sup: string;
let laptop: string;
/** The officer's first bundle: one cash visit. */
let first: string;
/** The officer's second export (--all): the first visit and one more. */
let second: string;

beforeAll(() => {
  sup = sampleDb();
  const roster = f('roster.fvb');
  ok(['export', '--roster', '--township', '涡水镇', '--out', roster], sup);
  laptop = f('laptop.db');
  ok(['merge', roster], laptop);
  ok(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'cash', '--principal', '100', '--date', '2026-11-20', '--officer', '张明'], laptop);
  first = f('first.fvb');
  ok(['export', '--out', first, '--to', 'supervisor'], laptop);
  ok(['visit', 'log', '--loan', 'WS-2022-0002', '--outcome', 'cash', '--principal', '50', '--date', '2026-11-21', '--officer', '张明'], laptop);
  second = f('second.fvb');
  ok(['export', '--all', '--out', second], laptop);
});

function trustedCopy(name: string): string {
  const db = f(name);
  fs.copyFileSync(sup, db);
  ok(['trust', 'add', first, '--label', '张明', '--yes'], db);
  return db;
}

/** A copy of `bundle` under `id`, its checksum recomputed and signed again with the laptop's own key (a valid bundle). */
function resealed(bundle: string, name: string, id: string): string {
  const p = f(name);
  fs.copyFileSync(bundle, p);
  const b = new Database(p);
  const key = new Database(laptop, { readonly: true });
  try {
    b.prepare(`UPDATE manifest SET value = ? WHERE key = 'bundle_id'`).run(JSON.stringify(id));
    const sum = contentChecksum(b);
    b.prepare(`UPDATE manifest SET value = ? WHERE key = 'checksum'`).run(JSON.stringify(sum));
    b.prepare(`UPDATE manifest SET value = ? WHERE key = 'signature'`).run(JSON.stringify(signerFor(key).sign(signedMessage(sum))));
  } finally {
    key.close();
    b.close();
  }
  return p;
}

describe('the same bundle merged again', () => {
  it('is reported as already merged (same counts as a merge that finds everything here) and the file is unchanged', () => {
    const db = trustedCopy('twice.db');
    const once = json(cli(['merge', first, '--json'], { db }))[0];
    expect(once.added.visits).toBe(1);
    expect(once.already_merged).toBe(false);
    expect(once.merged_before).toBeNull();
    const at = query(db, `SELECT merged_at, checksum FROM merged_bundles`);
    expect(at).toEqual([{ merged_at: expect.any(String), checksum: manifestValue(first, 'checksum') }]);
    const rows = snapshot(db);
    const bytes = fs.readFileSync(db);
    const again = cli(['merge', first, '--json'], { db });
    expect(again.code, again.stderr).toBe(0);
    const s = JSON.parse(again.stdout)[0];
    expect(s.already_merged).toBe(true);
    expect(s.same_id_other_content).toBe(false);
    expect(s.merged_before).toBe(at[0].merged_at);
    expect(Object.values(s.added).every((n) => n === 0)).toBe(true);
    expect(s.skipped.visits).toBe(1);
    expect(s.warnings).toEqual([]);
    expect(snapshot(db)).toBe(rows);
    expect(fs.existsSync(db + '-wal') ? fs.statSync(db + '-wal').size : 0).toBe(0);
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
    // Said in words, in both languages; a dry run says the same and writes nothing either.
    const text = ok(['merge', first], db).stdout;
    expect(text).toContain(`already merged on ${at[0].merged_at} (same content; signature checked again): nothing applied again.`);
    expect(text).toMatch(/visits\s*│\s*0\s*│\s*1/);
    expect(ok(['merge', first, '--lang', 'zh'], db).stdout).toContain(`此文件已于 ${at[0].merged_at} 合并过（内容相同，签名已重新核对）：没有重复写入任何记录。`);
    expect(json(cli(['merge', first, '--dry-run', '--json'], { db }))[0]).toMatchObject({ already_merged: true, dry_run: true });
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
  });

  it('applies nothing: recognised on a read-only connection, where a bundle not merged yet cannot even start', () => {
    const db = trustedCopy('readonly.db');
    ok(['merge', first], db);
    const o = openDatabase(db, { nowIso: '2026-11-22T12:00:00.000Z', readonly: true });
    try {
      const [b] = checkBundles(o.db, [first], latestVersion(MIGRATIONS));
      try {
        expect(b!.apply(o.db, { nowIso: '2026-11-22T12:00:00.000Z', dryRun: false })).toMatchObject({ alreadyMerged: true, added: { visits: 0 }, skipped: { visits: 1 } });
      } finally {
        b!.close();
      }
      const [n] = checkBundles(o.db, [second], latestVersion(MIGRATIONS));
      try {
        expect(() => n!.apply(o.db, { nowIso: '2026-11-22T12:00:00.000Z', dryRun: true })).toThrow(/readonly/);
      } finally {
        n!.close();
      }
    } finally {
      o.db.close();
    }
  });

  it('twice in one command: applied once, the second copy recognised', () => {
    const db = trustedCopy('one-command.db');
    const copy = f('first-copy.fvb');
    fs.copyFileSync(first, copy);
    const [a, b] = json(cli(['merge', first, copy, '--json'], { db }));
    expect(a).toMatchObject({ already_merged: false, added: { visits: 1 } });
    expect(b).toMatchObject({ already_merged: true, added: { visits: 0 }, skipped: { visits: 1 } });
    expect(query(db, `SELECT count(*) AS n FROM merged_bundles`)[0].n).toBe(1);
  });

  it('a tampered copy of a bundle merged already is still refused: the signature is checked every time', () => {
    const db = trustedCopy('tampered.db');
    ok(['merge', first], db);
    const bad = f('tampered.fvb');
    fs.copyFileSync(first, bad);
    const b = new Database(bad);
    b.prepare(`UPDATE visit_outcomes SET principal_fen = 999900 WHERE kind = 'cash'`).run();
    b.prepare(`UPDATE manifest SET value = ? WHERE key = 'checksum'`).run(JSON.stringify(contentChecksum(b)));
    b.close();
    const before = snapshot(db);
    const r = cli(['merge', bad], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was changed after it was signed/);
    expect(snapshot(db)).toBe(before);
    // Altered without fixing the checksum: damaged.
    const raw = f('damaged.fvb');
    fs.copyFileSync(first, raw);
    const c = new Database(raw);
    c.prepare(`UPDATE visits SET note = 'x'`).run();
    c.close();
    const d = cli(['merge', raw], { db });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/damaged or incomplete \(checksum\)/);
    expect(snapshot(db)).toBe(before);
  });
});

describe('another bundle under an id merged already', () => {
  it('is not skipped: merged record by record, with a warning naming the id and the first merge', () => {
    const db = trustedCopy('reused.db');
    ok(['merge', first], db);
    const id = manifestValue(first, 'bundle_id') as string;
    const other = resealed(second, 'same-id.fvb', id);
    expect(manifestValue(other, 'checksum')).not.toBe(manifestValue(first, 'checksum'));
    const at = query(db, `SELECT merged_at FROM merged_bundles`)[0].merged_at as string;
    const r = cli(['merge', other, '--json'], { db });
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout)[0];
    expect(s).toMatchObject({ already_merged: false, same_id_other_content: true, merged_before: at, added: { visits: 1 }, skipped: { visits: 1 } });
    expect(s.warnings.join('\n')).toContain(`A bundle with the same id (${id}) but other content was merged here on ${at}`);
    expect(r.stderr).toMatch(/same id .* but other content/);
    expect(query(db, `SELECT count(*) AS n FROM visits WHERE origin_db <> (SELECT value FROM meta WHERE key = 'database_id')`)[0].n).toBe(2);
    // The record keeps the first content: the first bundle is still recognised, the other is checked again each time.
    expect(json(cli(['merge', first, '--json'], { db }))[0].already_merged).toBe(true);
    expect(json(cli(['merge', other, '--json'], { db }))[0]).toMatchObject({ already_merged: false, same_id_other_content: true, added: { visits: 0 } });
  });
});

describe('a database that merged bundles before migration 0013', () => {
  it('migrates, merges such a bundle again in full (checked again), records its content, then recognises it', () => {
    const db = trustedCopy('old.db');
    ok(['merge', first], db);
    // As the database stood before 0013: no checksum column, migration 13 not applied.
    const w = new Database(db);
    w.exec(`ALTER TABLE merged_bundles DROP COLUMN checksum; DELETE FROM schema_migrations WHERE version = 13;`);
    w.close();
    const rows = snapshot(db);
    const again = json(cli(['merge', first, '--json'], { db }))[0];
    expect(again).toMatchObject({ already_merged: false, same_id_other_content: false, merged_before: expect.any(String) });
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(query(db, `SELECT version FROM schema_migrations WHERE version = 13`)).toHaveLength(1);
    expect(query(db, `SELECT checksum FROM merged_bundles`)).toEqual([{ checksum: manifestValue(first, 'checksum') }]);
    // Nothing else changed: the records are those of before.
    const strip = (s: string) => s.replace(/^(merged_bundles|schema_migrations):.*$/gm, '');
    expect(strip(snapshot(db))).toBe(strip(rows));
    expect(ok(['merge', first], db).stdout).toMatch(/already merged on .*: nothing applied again/);
    // And a new bundle merges into it as into any database.
    const next = json(cli(['merge', second, '--json'], { db }))[0];
    expect(next).toMatchObject({ already_merged: false, added: { visits: 1 } });
  });
});
