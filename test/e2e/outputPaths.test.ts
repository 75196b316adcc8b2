// End to end: no path fieldvisit writes may land on the database, its journals, its backups or the command's input —
// through `..` or a symlink — and the problem list's cells are guarded against spreadsheet formulas.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, FIXTURES, sampleDb, snapshot, tmpDir } from '../helpers.js';

let db: string;
let dir: string;
let before: string;
let dbBytes: Buffer;

beforeAll(() => {
  db = sampleDb();
  dir = path.dirname(db);
  expect(cli(['backup'], { db }).code).toBe(0);
  before = snapshot(db);
  dbBytes = fs.readFileSync(db);
});

/** Exit 2 naming the flag, and the database untouched. */
function refusedPath(args: string[], flag: string, why: RegExp) {
  const r = cli(args, { db });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(flag);
  expect(r.stderr).toMatch(why);
  expect(r.stderr).toMatch(/nothing was written/);
  expect(snapshot(db)).toBe(before);
  expect(fs.readFileSync(db).equals(dbBytes)).toBe(true);
}

describe('output paths that would destroy the database', () => {
  it('place list --out DB (the reported case), and its -wal / -shm / -journal', () => {
    refusedPath(['place', 'list', '--out', db], '--out', /is the database file/);
    for (const ext of ['-wal', '-shm', '-journal']) refusedPath(['place', 'list', '--out', db + ext], '--out', /journal file/);
  });

  it('through .. and through a symlink', () => {
    refusedPath(['report', 'aging', '--out', path.join(dir, 'nowhere', '..', path.basename(db))], '--out', /is the database file/);
    const link = path.join(tmpDir('fv-link-'), 'report.csv');
    fs.symlinkSync(db, link);
    refusedPath(['visit', 'list', '--csv', '--out', link], '--out', /is the database file/);
    // A symlink whose target does not exist yet, pointing at the WAL name.
    const dangling = path.join(path.dirname(link), 'wal.txt');
    fs.symlinkSync(db + '-wal', dangling);
    refusedPath(['agenda', '--out', dangling], '--out', /journal file/);
  });

  it('import roster bad.csv --errors DB (the reported case), and --errors onto the input itself', () => {
    refusedPath(['import', 'roster', path.join(FIXTURES, 'roster', 'bad-amount.csv'), '--errors', db], '--errors', /is the database file/);
    const input = path.join(tmpDir('fv-in-'), 'roster.csv');
    fs.copyFileSync(path.join(FIXTURES, 'roster', 'bad-amount.csv'), input);
    const inputBytes = fs.readFileSync(input);
    refusedPath(['import', 'roster', input, '--errors', input], '--errors', /is the file this command reads/);
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });

  it('export --out, notice issue --out and backup FILE onto the database or a backup', () => {
    refusedPath(['export', '--all', '--out', db], '--out', /is the database file/);
    refusedPath(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--out', db], '--out', /is the database file/);
    const existing = fs.readdirSync(path.join(dir, 'backups'))[0]!;
    refusedPath(['report', 'limitation', '--out', path.join(dir, 'backups', existing)], '--out', /backup of the database/);
    refusedPath(['backup', db + '-wal', '--force'], 'FILE', /journal file/);
    refusedPath(['report', 'officers', '--month', '2026-11', '--out', `${db}.replaced-2026-01-01`], '--out', /kept aside by restore/);
  });

  it('a report over another SQLite file is refused; an ordinary file is written', () => {
    const other = path.join(tmpDir('fv-other-'), 'colleague.db');
    fs.copyFileSync(db, other);
    refusedPath(['place', 'list', '--out', other], '--out', /SQLite database file/);
    const ok = path.join(path.dirname(other), 'places.txt');
    expect(cli(['place', 'list', '--out', ok], { db }).code).toBe(0);
    expect(fs.readFileSync(ok, 'utf8')).toMatch(/涡水镇/);
  });

  it('backup FILE onto an existing file asks for --force', () => {
    const target = path.join(tmpDir('fv-bk-'), 'copy.db');
    expect(cli(['backup', target], { db }).code).toBe(0);
    const first = fs.statSync(target).mtimeMs;
    const r = cli(['backup', target], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists: add --force/);
    expect(fs.statSync(target).mtimeMs).toBe(first);
    expect(cli(['backup', target, '--force'], { db }).code).toBe(0);
  });
});

describe('the --errors file', () => {
  it('guards every cell, the file column included, against spreadsheet formulas', () => {
    const d = tmpDir('fv-formula-');
    const input = path.join(d, '=HYPERLINK(1)+1.csv');
    fs.copyFileSync(path.join(FIXTURES, 'roster', 'bad-amount.csv'), input);
    const errors = path.join(d, 'problems.csv');
    const r = cli(['import', 'roster', path.basename(input), '--errors', errors, '--db', path.join(d, 'x.db')], { cwd: d });
    expect(r.code).toBe(1);
    const rows = fs.readFileSync(errors, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^"?'=HYPERLINK/);
  });
});

describe('inputs must be regular files', () => {
  it('merge and restore refuse a FIFO instead of hanging', () => {
    if (process.platform === 'win32') return;
    const fifo = path.join(tmpDir('fv-fifo-'), 'x.fvb');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const m = cli(['merge', fifo], { db });
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/not a regular file/);
    const r = cli(['restore', fifo, '--yes'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a regular file/);
    expect(snapshot(db)).toBe(before);
  });

  it('the sample data still imports (regular files and stdin)', () => {
    const d = path.join(tmpDir('fv-ok-'), 'ok.db');
    expect(cli(['import', 'roster', '-'], { db: d, input: fs.readFileSync(path.join(DATA, 'roster.csv')) }).code).toBe(0);
  });
});
