// End to end: `fieldvisit import roster` and the browse commands on the built binary and temporary database files.
// The binary runs where the process is what is tested (a first import of each kind of file, stdin, the summary on
// stdout, the files it writes, exit codes, concurrent writers, a real terminal); setup and the repeated variations of
// one code path run in-process (runInProcess: the same run() the binary calls) on the same real database files.
import fs from 'node:fs';
import path from 'node:path';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, cli, cliAsync, DATA, FIXTURES, json, query, runInProcess, sampleDb, snapshot, tmpDir } from '../helpers.js';

const FX = path.join(FIXTURES, 'roster');
const fx = (name: string) => path.join(FX, name);
const rel = (name: string) => path.relative(process.cwd(), fx(name)) && `test/fixtures/roster/${name}`;
const tmp = tmpDir('fv-roster-');
let n = 0;
const newDb = () => path.join(tmp, `t${++n}.db`);

/** The good fixture imported once (in-process) into a database of its own; seeded() hands out copies of it. */
let seed: string;
beforeAll(async () => {
  seed = newDb();
  const r = await runInProcess(['import', 'roster', rel('good.csv'), '--as-of', '2026-11-13'], { db: seed });
  expect(r.code, r.stderr).toBe(0);
});

/** A database that already holds the good fixture: refusals must leave it exactly as it was. */
function seeded(): string {
  const db = newDb();
  fs.copyFileSync(seed, db);
  return db;
}

type Summary = Record<string, { created: number; updated: number; unchanged: number }> & { rows: number; written: number; warnings: number; invalid: number; encoding: string; dry_run: boolean; merged_villages: { from: string; into: string; rows: number }[]; unknown_columns: string[] };

describe('import roster: good input', () => {
  it('imports, then the same file again changes nothing, then a changed row updates one loan', async () => {
    const db = newDb();
    const first = json<Summary>(cli(['import', 'roster', rel('good.csv'), '--json', '--as-of', '2026-11-13'], { db }));
    expect(first).toMatchObject({ rows: 3, written: 3, encoding: 'utf8', dry_run: false });
    expect(first.townships).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.villages.created).toBe(2);
    expect(first.households.created).toBe(3);
    expect(first.borrowers.created).toBe(3);
    expect(first.loans.created).toBe(3);
    expect(query(db, `SELECT loan_no, principal_fen, interest_fen, loan_date, due_date FROM loans ORDER BY loan_no`)).toEqual([
      { loan_no: 'T-001', principal_fen: 150000, interest_fen: 18000, loan_date: '2022-03-10', due_date: '2023-03-10' },
      { loan_no: 'T-002', principal_fen: 80000, interest_fen: 2000, loan_date: '2022-04-02', due_date: '2023-12-01' },
      { loan_no: 'T-003', principal_fen: 120050, interest_fen: 0, loan_date: null, due_date: null },
    ]);
    // A household with no `household` value is the borrower's own.
    expect(query(db, `SELECT head_name FROM households ORDER BY id`).map((r) => r.head_name)).toEqual(['赵一', '钱二', '孙三']);

    const before = snapshot(db);
    const again = json<Summary>(await runInProcess(['import', 'roster', rel('good.csv'), '--json', '--as-of', '2026-11-13'], { db }));
    for (const e of ['townships', 'villages', 'groups', 'households', 'borrowers', 'loans']) {
      expect(again[e]!.created + again[e]!.updated, e).toBe(0);
    }
    expect(again.loans.unchanged).toBe(3);
    expect(snapshot(db)).toBe(before);

    const changed = json<Summary>(await runInProcess(['import', 'roster', rel('changed.csv'), '--json', '--as-of', '2026-11-20'], { db }));
    expect(changed.loans).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(changed.borrowers).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(query(db, `SELECT principal_fen, balance_as_of FROM loans WHERE loan_no = 'T-001'`)).toEqual([{ principal_fen: 160000, balance_as_of: '2026-11-20' }]);
    // Every roster is the ledger's statement of each loan in it, changed or not: T-002's figures are now as of the
    // later roster (it shows that nothing was paid since), and both statements are kept.
    expect(query(db, `SELECT balance_as_of FROM loans WHERE loan_no = 'T-002'`)).toEqual([{ balance_as_of: '2026-11-20' }]);
    expect(
      query(db, `SELECT s.as_of, s.principal_fen FROM ledger_statements s JOIN loans l ON l.id = s.loan_id WHERE l.loan_no = 'T-002' ORDER BY s.as_of`),
    ).toEqual([
      { as_of: '2026-11-13', principal_fen: 80000 },
      { as_of: '2026-11-20', principal_fen: 80000 },
    ]);
  });

  it('prints a summary table by default, and --dry-run reports counts but writes nothing', async () => {
    const db = seeded();
    const before = snapshot(db);
    const r = cli(['import', 'roster', rel('changed.csv'), '--dry-run'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Dry run \(nothing written\): test\/fixtures\/roster\/changed\.csv, 3 rows/);
    expect(r.stdout).toMatch(/│ loans\s+│\s+0 │\s+1 │\s+2 │/);
    expect(snapshot(db)).toBe(before);
    const d = json<Summary>(await runInProcess(['import', 'roster', rel('tab.tsv'), '--dry-run', '--json'], { db }));
    expect(d).toMatchObject({ dry_run: true, rows: 2 });
    expect(d.loans.created).toBe(2);
    expect(snapshot(db)).toBe(before);
  });

  it('the sample roster in GBK matches the UTF-8 one exactly', async () => {
    const a = newDb();
    const b = newDb();
    expect(json<Summary>(await runInProcess(['import', 'roster', path.join(DATA, 'roster.csv'), '--json', '--as-of', '2026-11-13'], { db: a })).rows).toBe(34);
    const g = json<Summary>(cli(['import', 'roster', path.join(DATA, 'roster-gbk.csv'), '--json', '--as-of', '2026-11-13'], { db: b }));
    expect(g).toMatchObject({ rows: 34, encoding: 'gb18030' });
    const rows = (db: string) => query(db, `SELECT l.loan_no, b.name, b.id_number, h.head_name, v.name AS village, l.principal_fen FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN households h ON h.id = b.household_id JOIN villages v ON v.id = h.village_id ORDER BY l.loan_no`);
    expect(rows(b)).toEqual(rows(a));
    // 黄德明 of 良东二组 is one borrower with two loans (the source's "two loans of 10,000").
    expect(query(a, `SELECT count(DISTINCT b.id) AS borrowers, count(l.id) AS loans FROM borrowers b JOIN loans l ON l.borrower_id = b.id WHERE b.name = '黄德明'`)).toEqual([{ borrowers: 1, loans: 2 }]);
    const again = json<Summary>(await runInProcess(['import', 'roster', path.join(DATA, 'roster-gbk.csv'), '--json', '--as-of', '2026-11-13'], { db: a }));
    expect(again.borrowers).toEqual({ created: 0, updated: 0, unchanged: 33 });
  });

  it('two people of the same name in one household, with different ID numbers, stay two borrowers', async () => {
    const f = path.join(tmp, 'same-name.csv');
    fs.writeFileSync(
      f,
      'township,village,household,borrower,id_number,loan_no,principal\n' +
        '测试镇,东村委,黄家,黄德明,110105194912310021,S-1,100\n' +
        '测试镇,东村委,黄家,黄德明,11010519491231002X,S-2,200\n',
    );
    const db = newDb();
    const first = json<Summary>(await runInProcess(['import', 'roster', f, '--json'], { db }));
    expect(first.borrowers).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = json<Summary>(await runInProcess(['import', 'roster', f, '--json'], { db }));
    expect(again.borrowers).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(query(db, `SELECT count(*) AS n FROM borrowers WHERE name = '黄德明'`)).toEqual([{ n: 2 }]);
  });

  it('GBK with a rare character (GB18030 four-byte), forced or detected', async () => {
    const f = path.join(tmp, 'rare-gbk.csv');
    fs.writeFileSync(f, iconv.encode('乡镇,村委会,借款人,合同编号,本金\n测试镇,东村委,𠮷祥,G-1,100\n测试镇,东村委,黄德明,G-2,200\n', 'gb18030'));
    const db = newDb();
    expect(json<Summary>(await runInProcess(['import', 'roster', f, '--json'], { db })).encoding).toBe('gb18030');
    expect(query(db, `SELECT name FROM borrowers ORDER BY id`).map((r) => r.name)).toEqual(['𠮷祥', '黄德明']);
    const db2 = newDb();
    expect(json<Summary>(await runInProcess(['import', 'roster', f, '--json', '--encoding', 'gbk'], { db: db2 })).loans.created).toBe(2);
  });

  it('UTF-8 with BOM and Chinese headers; tab-separated', async () => {
    const db = newDb();
    const bom = json<Summary>(await runInProcess(['import', 'roster', rel('bom.csv'), '--json'], { db }));
    expect(bom).toMatchObject({ rows: 2, encoding: 'utf8', unknown_columns: [] });
    expect(query(db, `SELECT loan_no, loan_date FROM loans ORDER BY loan_no`)).toEqual([
      { loan_no: 'B-001', loan_date: '2022-03-10' },
      { loan_no: 'B-002', loan_date: '2022-04-02' },
    ]);
    const tab = json<Summary>(await runInProcess(['import', 'roster', rel('tab.tsv'), '--json'], { db }));
    expect(tab.loans.created).toBe(2);
    expect(query(db, `SELECT principal_fen, interest_fen FROM loans WHERE loan_no = 'TAB-001'`)).toEqual([{ principal_fen: 123450, interest_fen: 1000 }]);
  });

  it('stdin ("-")', async () => {
    const db = newDb();
    const r = cli(['import', 'roster', '-', '--json'], { db, input: fs.readFileSync(fx('good.csv')) });
    const s = json<Summary>(r);
    expect(s).toMatchObject({ rows: 3 });
    expect(query(db, `SELECT count(*) AS n FROM loans`)).toEqual([{ n: 3 }]);
    const bad = await runInProcess(['import', 'roster', '-'], { db, stdin: fs.readFileSync(fx('bad-amount.csv'), 'utf8') });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('<stdin>:3 column "principal": "八百" is not an amount');
  });

  it('.xlsx: first sheet or --sheet, Excel date cells and date serials', async () => {
    const { default: writeExcelFile } = await import('write-excel-file/node');
    const f = path.join(tmp, 'roster.xlsx');
    const head = ['镇', '村委', '借款人', '身份证号', '合同编号', '本金', '利息', '放款日期', '到期日期'].map((value) => ({ value }));
    const sheet = [
      head,
      [{ value: '测试镇' }, { value: '东村委' }, { value: '赵一' }, { value: '11010519491231002X' }, { value: 'X-1' }, { value: 1500.5, type: Number }, { value: 12, type: Number }, { value: new Date(Date.UTC(2024, 2, 1)), type: Date, format: 'yyyy-mm-dd' }, { value: 46082, type: Number }],
      [{ value: '测试镇' }, { value: '西村委' }, { value: '钱二' }, null, { value: 'X-2' }, { value: '1,200.00' }, null, { value: '2024年3月1日' }, null],
    ];
    const other = [head, [{ value: '二镇' }, { value: '南村委' }, { value: '孙三' }, null, { value: 'X-9' }, { value: 9, type: Number }, null, null, null]];
    await writeExcelFile([
      { data: sheet, sheet: '花名册' },
      { data: other, sheet: '二镇' },
    ] as never).toFile(f);
    const db = newDb();
    const s = json<Summary>(cli(['import', 'roster', f, '--json'], { db }));
    expect(s).toMatchObject({ rows: 2, encoding: 'xlsx' });
    expect(query(db, `SELECT loan_no, principal_fen, interest_fen, loan_date, due_date FROM loans ORDER BY loan_no`)).toEqual([
      { loan_no: 'X-1', principal_fen: 150050, interest_fen: 1200, loan_date: '2024-03-01', due_date: '2026-03-01' },
      { loan_no: 'X-2', principal_fen: 120000, interest_fen: 0, loan_date: '2024-03-01', due_date: null },
    ]);
    expect(json<Summary>(await runInProcess(['import', 'roster', f, '--json', '--sheet', '二镇'], { db })).loans.created).toBe(1);
    const before = snapshot(db);
    const missing = await runInProcess(['import', 'roster', f, '--sheet', '三镇'], { db });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no sheet named "三镇"; it has: 花名册, 二镇/);
    expect(snapshot(db)).toBe(before);
  });

  it('unknown columns: one warning; a bad ID check digit: a warning, never the number', async () => {
    const db = newDb();
    const r = await runInProcess(['import', 'roster', rel('unknown-column.csv')], { db });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/unknown column/g)).toHaveLength(1);
    expect(r.stderr).toContain('remark, 备注');
    const w = await runInProcess(['import', 'roster', rel('bad-id.csv')], { db });
    expect(w.code).toBe(0);
    expect(w.stderr).toContain('test/fixtures/roster/bad-id.csv:2 column "id_number": the ID number check digit does not match');
    expect(w.stderr).not.toContain('110105194912310021');
    expect(query(db, `SELECT count(*) AS n FROM loans`)).toEqual([{ n: 2 }]);
  });

  it('a village name that was merged lands in the committee it merged into', async () => {
    const db = sampleDb();
    const before = query(db, `SELECT count(*) AS n FROM households h JOIN villages v ON v.id = h.village_id WHERE v.name = '涡水村委'`)[0].n;
    const s = json<Summary>(await runInProcess(['import', 'roster', path.join(DATA, 'roster.csv'), '--json', '--as-of', '2026-11-13'], { db }));
    expect(s.merged_villages).toEqual([{ from: '黄家村村委', into: '涡水村委', rows: expect.any(Number) }]);
    expect(s.households.created).toBe(0);
    expect(s.loans).toEqual({ created: 0, updated: 0, unchanged: 34 });
    expect(query(db, `SELECT count(*) AS n FROM households h JOIN villages v ON v.id = h.village_id WHERE v.name = '黄家村村委'`)).toEqual([{ n: 0 }]);
    expect(query(db, `SELECT count(*) AS n FROM households h JOIN villages v ON v.id = h.village_id WHERE v.name = '涡水村委'`)[0].n).toBe(before);
    // A new loan under the old name goes to the new committee too.
    const f = path.join(tmp, 'merged-new.csv');
    fs.writeFileSync(f, 'township,village,group,borrower,loan_no,principal\n涡水镇,黄家村村委,良东二组,新人甲,WS-NEW-1,100\n');
    const t = await runInProcess(['import', 'roster', f], { db });
    expect(t.code).toBe(0);
    expect(t.stderr).toContain('1 row(s) name "黄家村村委", which has merged; they went to "涡水村委"');
    expect(query(db, `SELECT v.name FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN households h ON h.id = b.household_id JOIN villages v ON v.id = h.village_id WHERE l.loan_no = 'WS-NEW-1'`)).toEqual([{ name: '涡水村委' }]);
  });
});

describe('import roster: every rejected input leaves the database as it was', () => {
  const cases: [string, string[], RegExp | string][] = [
    ['missing-column.csv', [], 'test/fixtures/roster/missing-column.csv:1: the header lacks required column(s) principal'],
    ['missing-value.csv', [], 'test/fixtures/roster/missing-value.csv:3 column "borrower": a required value is missing'],
    ['bad-amount.csv', [], 'test/fixtures/roster/bad-amount.csv:3 column "principal": "八百" is not an amount'],
    ['negative-amount.csv', [], 'test/fixtures/roster/negative-amount.csv:2 column "principal": the amount cannot be negative (-1500)'],
    ['three-decimals.csv', [], 'test/fixtures/roster/three-decimals.csv:2 column "principal": the amount has more than 2 decimals (1500.125)'],
    ['bad-date.csv', [], 'test/fixtures/roster/bad-date.csv:2 column "loan_date": "2023-02-29" is not a valid date'],
    ['duplicate-loan.csv', [], 'test/fixtures/roster/duplicate-loan.csv:4 column "loan_no": loan number T-001 already appears on line 2'],
    ['malformed-quotes.csv', [], 'test/fixtures/roster/malformed-quotes.csv:3: malformed CSV: a quote opened on this line is never closed'],
    ['stray-quote.csv', [], 'test/fixtures/roster/stray-quote.csv:3: malformed CSV: a quote appears in the middle of a cell'],
    ['multiline.csv', [], 'test/fixtures/roster/multiline.csv:4 column "principal": the amount cannot be negative (-1)'],
    ['old.xls', [], 'test/fixtures/roster/old.xls is an old .xls workbook: save it as .xlsx or CSV'],
    ['empty.csv', [], 'test/fixtures/roster/empty.csv is empty: no header and no rows.'],
    ['blank-lines.csv', [], 'test/fixtures/roster/blank-lines.csv is empty'],
    ['no-such-file.csv', [], 'No such file: test/fixtures/roster/no-such-file.csv'],
    ['good.csv', ['--sheet', 'x'], '--sheet applies to .xlsx files only'],
  ];
  let db: string;
  let before: string;
  beforeAll(() => {
    db = seeded();
    before = snapshot(db);
  });
  it.each(cases)('%s %j', async (file, extra, message) => {
    const r = await runInProcess(['import', 'roster', rel(file), ...extra], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(snapshot(db)).toBe(before);
  });

  it('a repeated loan number is found even after an earlier bad row', async () => {
    const f = path.join(tmp, 'bad-then-dup.csv');
    fs.writeFileSync(f, 'township,village,borrower,loan_no,principal\n镇,村,甲,D-1,x\n镇,村,乙,D-2,1\n镇,村,丙,D-2,2\n');
    const r = await runInProcess(['import', 'roster', f], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad-then-dup.csv:2 column "principal"');
    expect(r.stderr).toContain('bad-then-dup.csv:4 column "loan_no": loan number D-2 already appears on line 3');
    expect(snapshot(db)).toBe(before);
  });

  it('the refusal names the bad rows and the way out, in Chinese too', () => {
    const r = cli(['--lang', 'zh', 'import', 'roster', rel('bad-amount.csv')], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('有 1 行错误，未写入任何数据');
    expect(r.stderr).toContain('test/fixtures/roster/bad-amount.csv:3 列“principal”: “八百”不是金额');
  });

  it('shows the first 20 errors on screen and writes all of them with --errors', () => {
    const out = path.join(tmp, 'errors.csv');
    const r = cli(['import', 'roster', rel('many-errors.csv'), '--errors', out], { db });
    expect(r.code).toBe(1);
    const shown = r.stderr.split('\n').filter((l) => l.includes('many-errors.csv:'));
    expect(shown).toHaveLength(20);
    expect(r.stderr).toContain('… and 5 more; write them all with --errors FILE.csv.');
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('\uFEFFfile,line,column,severity,reason');
    expect(lines).toHaveLength(26);
    expect(lines[25]).toBe('test/fixtures/roster/many-errors.csv,26,principal,error,the amount cannot be negative (-25)');
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('600');
    expect(snapshot(db)).toBe(before);
  });

  it('--errors to a path that cannot be written is a clear error', async () => {
    const r = await runInProcess(['import', 'roster', rel('good.csv'), '--errors', tmp], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: Cannot write the problem list to .* \(EISDIR\): choose a writable path\.\n$/);
    expect(snapshot(db)).toBe(before);
  });

  it('usage errors exit 2 and change nothing', async () => {
    // Commander's own refusal (an unknown option) through the real process; the others in-process.
    for (const [args, binary] of [
      [['import', 'roster'], false],
      [['import', 'roster', rel('good.csv'), '--encoding', 'latin1'], false],
      [['import', 'roster', rel('good.csv'), '--as-of', '2026-13-01'], false],
      [['import', 'roster', rel('good.csv'), '--bogus'], true],
      [['--lang', 'fr', 'info'], false],
    ] as [string[], boolean][]) {
      const r = binary ? cli(args, { db }) : await runInProcess(args, { db });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^Error: .*\(see --help\)\n$/);
    }
    expect(snapshot(db)).toBe(before);
  });
});

describe('import roster: --skip-invalid', () => {
  it('writes the good rows and reports the others', async () => {
    const db = newDb();
    const out = path.join(tmp, 'skip-errors.csv');
    const r = cli(['import', 'roster', rel('duplicate-loan.csv'), '--skip-invalid', '--json', '--errors', out], { db });
    const s = json<Summary>(r);
    expect(s).toMatchObject({ rows: 3, written: 2, invalid: 1 });
    expect(s.loans.created).toBe(2);
    expect(query(db, `SELECT b.name FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE loan_no = 'T-001'`)).toEqual([{ name: '赵一' }]);
    expect(fs.readFileSync(out, 'utf8')).toContain('duplicate-loan.csv,4,loan_no,error');
    const t = await runInProcess(['import', 'roster', rel('many-errors.csv'), '--skip-invalid'], { db });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Skipped 25 bad row(s).');
    expect(query(db, `SELECT loan_no FROM loans WHERE loan_no LIKE 'M-%'`)).toEqual([{ loan_no: 'M-OK' }]);
  });
});

describe('database file', () => {
  it('a new database is owner-only; info --json describes it', async () => {
    // Made by the binary, not copied: the file's mode is what the process gave it.
    const db = newDb();
    const r = cli(['import', 'roster', rel('good.csv'), '--as-of', '2026-11-13'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect((fs.statSync(db).mode & 0o777).toString(8)).toBe('600');
    const info = json(await runInProcess(['info', '--json'], { db }));
    expect(info).toMatchObject({ file: db, schema_version: expect.any(Number) });
    expect(JSON.stringify(info)).toMatch(/"loans":\s*3/);
    expect(cli(['info', '--json', '--db', db]).code).toBe(0);
  });

  it('a database with a newer schema is refused with a clear message', async () => {
    const db = seeded();
    const h = new Database(db);
    h.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')`).run();
    h.close();
    const before = snapshot(db);
    for (const args of [['info'], ['import', 'roster', rel('good.csv')]]) {
      const r = await runInProcess(args, { db });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/has schema version 999, newer than this fieldvisit supports \(\d+\): upgrade fieldvisit to open it\./);
    }
    expect(snapshot(db)).toBe(before);
  });

  it('a second process writes while a large import runs; both succeed', async () => {
    const db = seeded();
    const f = path.join(tmp, 'big.csv');
    let s = 'township,village,group,borrower,loan_no,principal,interest,loan_date\n';
    for (let i = 0; i < 50000; i++) s += `大镇,村${i % 40},${i % 7}组,人${i},BIG-${i},${(i % 9000) + 0.5},${i % 100},2024-01-${String((i % 28) + 1).padStart(2, '0')}\n`;
    fs.writeFileSync(f, s);
    const big = cliAsync(['import', 'roster', f, '--json'], { db });
    await new Promise((r) => setTimeout(r, 300));
    const [other, second] = await Promise.all([cliAsync(['config', 'set', 'officer', '张明'], { db }), cliAsync(['import', 'roster', rel('tab.tsv'), '--json'], { db })]);
    const done = await big;
    expect(done.code, done.stderr).toBe(0);
    expect(other.code, other.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(done.stdout).loans.created).toBe(50000);
    expect(query(db, `SELECT count(*) AS n FROM loans`)).toEqual([{ n: 50005 }]);
    expect(query(db, `SELECT value FROM settings WHERE key = 'officer'`)).toEqual([{ value: '张明' }]);
  });
});

describe('browse: place and borrower', () => {
  let db: string;
  beforeAll(() => {
    db = sampleDb();
  });
  it('place list --json and the aligned table', async () => {
    const rows = json<any[]>(await runInProcess(['place', 'list', '--township', '涡水镇', '--json'], { db }));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.township === '涡水镇')).toBe(true);
    const t = cli(['place', 'list', '--township', '涡水镇'], { db });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('涡水村委');
    const miss = await runInProcess(['place', 'list', '--township', '无此镇'], { db });
    expect(miss.code).toBe(1);
  });
  it('borrower find and show, masked unless --unmask', async () => {
    const hits = json<any[]>(cli(['borrower', 'find', '房六贵', '--json'], { db }));
    expect(hits).toHaveLength(1);
    expect(JSON.stringify(hits)).not.toContain('451123197702145690');
    const show = json<any>(await runInProcess(['borrower', 'show', 'WS-2022-0001', '--json'], { db }));
    expect(JSON.stringify(show)).toContain('房六贵');
    const byId = json<any>(await runInProcess(['borrower', 'show', '451123197702145690', '--json', '--unmask'], { db }));
    expect(JSON.stringify(byId)).toContain('451123197702145690');
    const none = await runInProcess(['borrower', 'show', 'NOPE-1'], { db });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^Error: No borrower matches "NOPE-1": use a name, loan number/);
  });
});

describe('import roster at a real terminal', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!hasScript) console.warn('`script` (util-linux) is not installed: skipping the real-terminal test of a large import.');
  it.skipIf(!hasScript)('a 6,000-row roster shows progress, then the process exits and the loans are saved', async () => {
    const dir = tmpDir('fv-tty-');
    const file = path.join(dir, 'big.csv');
    const db = path.join(dir, 'big.db');
    let csv = 'township,village,group,household,borrower,loan_no,principal\n';
    for (let i = 0; i < 6000; i++) csv += `大镇,村委${i % 10},${i % 7}组,户${i},人${i},BIG-${i},100.00\n`;
    fs.writeFileSync(file, csv);
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} import roster ${JSON.stringify(file)} --as-of 2026-11-13 --db ${JSON.stringify(db)}`;
    const r = await new Promise<{ code: number | null; timedOut: boolean; out: string }>((resolve) => {
      const child = spawn('script', ['-qec', cmd, '/dev/null'], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'Asia/Shanghai', NO_COLOR: '1', LANG: 'en_US.UTF-8', FIELDVISIT_TODAY: '2026-11-22' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d) => (out += d));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve({ code: null, timedOut: true, out });
      }, 30000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, timedOut: false, out });
      });
    });
    expect(r.timedOut, `the import did not exit within 30 s:\n${r.out.slice(-2000)}`).toBe(false);
    expect(r.code, r.out.slice(-2000)).toBe(0);
    expect(query(db, `SELECT count(*) AS n FROM loans`)).toEqual([{ n: 6000 }]);
  }, 60000);
});
