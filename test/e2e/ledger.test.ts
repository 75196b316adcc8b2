// Field cash against the ledger through the built binary: the lost payment, statements and posting, reconcile and
// confirm, the import summary's counts, the weekly report's unposted line, and merges in any order.
// The binary runs the commands each test is about (their exit codes, stdout/stderr, the files and bundles they write,
// the merges between databases); steps that only prepare data, and further runs of a command already shown through
// the binary, run in-process (runInProcess: the same run() the binary calls), which spares ~150 ms of start-up each.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA, cli, json, query, runInProcess, sampleDb, snapshot, tmpDir } from '../helpers.js';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { rebuildLedger } from '../../src/db/ledger.js';

const HEADER = 'township,village,household,borrower,loan_no,principal,interest,officer';
function roster(dir: string, name: string, rows: string[], header = HEADER): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, [header, ...rows].join('\n') + '\n');
  return f;
}

/** A copy of a database file (closed: every command closes its connection, so no -wal is left beside it). */
function copyDb(src: string, dest: string): string {
  expect(fs.existsSync(src + '-wal'), `${src}-wal`).toBe(false);
  fs.copyFileSync(src, dest);
  return dest;
}

/** The ledger cache equals what is recomputed from the facts from scratch. */
function expectCacheFresh(file: string): void {
  const db = new Database(file);
  try {
    const dump = () =>
      JSON.stringify([
        db.prepare(`SELECT * FROM loan_ledger ORDER BY loan_id`).all(),
        db.prepare(`SELECT * FROM payment_postings ORDER BY outcome_id`).all(),
        db.prepare(`SELECT id, principal_fen, interest_fen, balance_as_of FROM loans ORDER BY id`).all(),
      ]);
    const before = dump();
    db.exec('BEGIN');
    db.exec('DELETE FROM loan_ledger; DELETE FROM payment_postings;');
    rebuildLedger(db);
    const after = dump();
    db.exec('ROLLBACK');
    expect(after).toBe(before);
  } finally {
    db.close();
  }
}

describe('the lost payment', () => {
  it('a second full repayment dated before the roster’s (assumed) as-of date is refused, and the balance moves', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'a.db');
    const r = cli(['import', 'roster', path.join(DATA, 'roster.csv')], { db });
    expect(r.code).toBe(0);
    // No as_of column and no --as-of: the summary says the import day was assumed.
    expect(r.stderr).toMatch(/34 row\(s\) have no as_of column value and no --as-of was given.*2026-11-22 \(assumed\)/);
    expect(r.stdout).toMatch(/Reconciliation \(loans of this import\): field payments posted 0/);
    const logArgs = ['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'cash', '--principal', '1500', '--date', '2026-11-21', '--officer', '张明'];
    expect((await runInProcess(logArgs, { db })).code).toBe(0);
    // The payment is dated before the only statement and not confirmed: it is taken off (the balance errs low).
    expect(query(db, `SELECT lb.principal_fen AS p FROM loan_balances lb JOIN loans l ON l.id = lb.loan_id WHERE l.loan_no = 'WS-2022-0001'`)).toEqual([{ p: 0 }]);
    const before = snapshot(db);
    const again = cli(logArgs, { db });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/principal paid 1,500\.00 is more than loan WS-2022-0001 owes \(0\.00\)/);
    expect(snapshot(db)).toBe(before);
    const week = json(await runInProcess(['report', 'weekly', '--week', '2026-W47', '--json'], { db }));
    expect(week.totals.cash.payments).toBe(1);
    expect(week.totals.cash.principal_fen).toBe(150000);
    expect(week.totals.cash.unposted_fen).toBe(150000);
    // The same through import visits: a file with the second payment is refused as a whole.
    const visits = path.join(dir, 'v.csv');
    fs.writeFileSync(visits, 'visit_date,loan_no,officer,outcome,principal_paid,interest_paid\n2026-11-20,WS-2022-0001,张明,cash,1500,0\n');
    expect((await runInProcess(['import', 'visits', visits], { db })).code).toBe(1);
    expect(snapshot(db)).toBe(before);
    expectCacheFresh(db);
  });
});

describe('statements, posting and reconcile', () => {
  // Built once (the tests do not see each other's writes: each works on its own copy of the file).
  let built: { db: string; s2: any };
  beforeAll(async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'a.db');
    const r1 = roster(dir, 'r1.csv', [
      '涡水镇,马头冲村委,甲,甲,A-1,1000,100,张明',
      '涡水镇,马头冲村委,乙,乙,A-2,2000,200,张明',
      '涡水镇,马头冲村委,丙,丙,A-3,500,50,李华',
    ]);
    expect((await runInProcess(['import', 'roster', r1, '--as-of', '2026-11-01'], { db })).code).toBe(0);
    const cash = async (loan: string, p: string, i: string, date: string, officer = '张明') =>
      expect((await runInProcess(['visit', 'log', '--loan', loan, '--outcome', 'cash', '--principal', p, '--interest', i, '--date', date, '--officer', officer], { db })).code).toBe(0);
    await cash('A-1', '300', '20', '2026-11-05');
    await cash('A-2', '500', '0', '2026-11-06');
    await cash('A-3', '100', '0', '2026-10-20', '李华'); // before the first statement
    // The back office's next export, dated by its own column (数据日期): A-1 shows the payment, A-2 does not, A-3 fell by 200 with no field cash.
    const r2 = roster(
      dir,
      'r2.csv',
      ['涡水镇,马头冲村委,甲,甲,A-1,700,80,张明,2026-11-15', '涡水镇,马头冲村委,乙,乙,A-2,2000,210,张明,2026-11-15', '涡水镇,马头冲村委,丙,丙,A-3,300,50,李华,2026-11-15'],
      HEADER + ',数据日期',
    );
    const s2 = json(cli(['import', 'roster', r2, '--json'], { db }));
    built = { db, s2 };
  });
  function setup() {
    const dir = tmpDir();
    return { dir, db: copyDb(built.db, path.join(dir, 'a.db')), s2: built.s2 };
  }

  it('the import summary ends with posted / not yet posted / paid at the branch, and the as-of column is used', () => {
    const { db, s2 } = setup();
    expect(s2.as_of_assumed_rows).toBe(0);
    expect(s2.ledger).toMatchObject({ posted: 1, posted_fen: 32000, not_yet_posted: 1, not_yet_posted_fen: 50000, to_confirm: 1, to_confirm_fen: 10000, paid_at_branch: 1, paid_at_branch_fen: 20000 });
    expect(query(db, `SELECT l.loan_no, s.as_of, s.principal_fen FROM ledger_statements s JOIN loans l ON l.id = s.loan_id ORDER BY l.loan_no, s.as_of`)).toEqual([
      { loan_no: 'A-1', as_of: '2026-11-01', principal_fen: 100000 },
      { loan_no: 'A-1', as_of: '2026-11-15', principal_fen: 70000 },
      { loan_no: 'A-2', as_of: '2026-11-01', principal_fen: 200000 },
      { loan_no: 'A-2', as_of: '2026-11-15', principal_fen: 200000 },
      { loan_no: 'A-3', as_of: '2026-11-01', principal_fen: 50000 },
      { loan_no: 'A-3', as_of: '2026-11-15', principal_fen: 30000 },
    ]);
    expectCacheFresh(db);
  });

  it('reconcile shows posted, not yet posted (most overdue first), to confirm and paid at the branch; confirm and its void move the balance', async () => {
    const { db } = setup();
    const r = json(cli(['reconcile', '--json'], { db }));
    expect(r.payments.map((p: any) => [p.loan_no, p.state, p.posted_on, p.interest_state, p.days])).toEqual([
      ['A-3', 'confirm', null, 'unposted', 33],
      ['A-2', 'unposted', null, 'unposted', 16],
      ['A-1', 'posted', '2026-11-15', 'posted', 17],
    ]);
    expect(r.paid_at_branch).toEqual([
      { loan_no: 'A-3', borrower: '丙', township: '涡水镇', village: '马头冲村委', loan_officer: '李华', from: '2026-11-01', to: '2026-11-15', principal_fen: 20000, interest_fen: 0 },
    ]);
    expect(r.totals.not_yet_posted).toEqual({ count: 1, principal_fen: 50000, interest_fen: 0 });
    expect(r.officers.map((o: any) => [o.officer, o.oldest_unposted_days])).toEqual([
      ['李华', 33],
      ['张明', 16],
    ]);
    const loans = Object.fromEntries(r.loans.map((l: any) => [l.loan_no, [l.outstanding_principal_fen, l.outstanding_interest_fen]]));
    expect(loans).toEqual({ 'A-1': [70000, 8000], 'A-2': [150000, 21000], 'A-3': [20000, 5000] });
    // Filters: one officer, and a date.
    expect(json(await runInProcess(['reconcile', '--json', '--officer', '李华'], { db })).payments.map((p: any) => p.loan_no)).toEqual(['A-3']);
    expect(json(await runInProcess(['reconcile', '--json', '--since', '2026-11-06'], { db })).payments.map((p: any) => p.loan_no)).toEqual(['A-2']);
    // The payment id shown by reconcile and by visit list.
    const id = r.payments[0].payment_id;
    expect(json(await runInProcess(['visit', 'list', '--loan', 'A-3', '--json'], { db }))[0].outcomes[0].outcome_id).toBe(id);
    // A payment after the first statement needs no confirmation.
    expect(cli(['reconcile', 'confirm', String(r.payments[1].payment_id), '--officer', '王五'], { db }).code).toBe(1);
    const c = json(cli(['reconcile', 'confirm', String(id), '--officer', '王五', '--note', '对过凭证', '--json'], { db }));
    expect(c.created).toBe(true);
    const after = json(await runInProcess(['reconcile', '--json', '--officer', '李华'], { db }));
    expect(after.payments[0]).toMatchObject({ state: 'posted', posted_on: '2026-11-01' });
    expect(query(db, `SELECT lb.principal_fen AS p FROM loan_balances lb JOIN loans l ON l.id = lb.loan_id WHERE l.loan_no = 'A-3'`)).toEqual([{ p: 30000 }]);
    expect(json(await runInProcess(['reconcile', 'confirm', String(id), '--json'], { db })).created).toBe(false);
    expect((await runInProcess(['reconcile', 'confirm', 'void', String(c.id), '--reason', '看错了', '--officer', '王五'], { db })).code).toBe(0);
    expect(json(await runInProcess(['reconcile', '--json', '--officer', '李华'], { db })).payments[0].state).toBe('confirm');
    expect(query(db, `SELECT lb.principal_fen AS p FROM loan_balances lb JOIN loans l ON l.id = lb.loan_id WHERE l.loan_no = 'A-3'`)).toEqual([{ p: 20000 }]);
    // Cash deposited late posts at a later statement; a void payment leaves every figure.
    const r3 = roster(path.dirname(db), 'r3.csv', ['涡水镇,马头冲村委,乙,乙,A-2,1500,210,张明'], HEADER);
    expect((await runInProcess(['import', 'roster', r3, '--as-of', '2026-11-20'], { db })).code).toBe(0);
    expect(json(await runInProcess(['reconcile', '--json', '--officer', '张明'], { db })).payments.find((p: any) => p.loan_no === 'A-2')).toMatchObject({ state: 'posted', posted_on: '2026-11-20', interest_state: 'posted' });
    const a1visit = query(db, `SELECT v.id FROM visits v JOIN visit_outcomes o ON o.visit_id = v.id JOIN loans l ON l.id = o.loan_id WHERE l.loan_no = 'A-1'`)[0].id;
    expect((await runInProcess(['visit', 'void', String(a1visit), '--reason', '录错', '--officer', '张明'], { db })).code).toBe(0);
    const v = json(await runInProcess(['reconcile', '--json'], { db }));
    expect(v.payments.find((p: any) => p.loan_no === 'A-1')).toBeUndefined();
    expect(v.paid_at_branch.find((b: any) => b.loan_no === 'A-1')).toMatchObject({ principal_fen: 30000, interest_fen: 2000 });
    expectCacheFresh(db);
  });

  it('writes md, csv and xlsx through the registry', async () => {
    const { dir, db } = setup();
    expect((await runInProcess(['reconcile', '--format', 'md'], { db })).stdout).toMatch(/^# Field cash against the ledger/);
    const csv = cli(['reconcile', '--csv'], { db }).stdout;
    expect(csv.split('\r\n')[0]).toBe('\ufeffkind,payment_id,loan_no,borrower,township,village,officer,date,days,principal,interest,state,posted_on,interest_state,previous_statement');
    expect(csv).toContain('branch,,A-3,丙,涡水镇,马头冲村委,李华,2026-11-15,,200.00,0.00,paid-at-branch,,,2026-11-01');
    const x = path.join(dir, 'r.xlsx');
    expect(cli(['reconcile', '--out', x], { db }).code).toBe(0);
    expect(fs.readFileSync(x).subarray(0, 2).toString()).toBe('PK');
    expect((await runInProcess(['reconcile', '--lang', 'zh'], { db })).stdout).toMatch(/早于第一份余额——请确认已含在内/);
  });
});

describe('the weekly report says how much of the week’s cash is not yet posted', () => {
  it('drops as the next roster shows payments; the start-of-week figures stay', async () => {
    const db = sampleDb({ visits: true });
    const before = json(await runInProcess(['report', 'weekly', '--week', '2026-W47', '--json'], { db }));
    expect(before.totals.cash.unposted_fen).toBe(265000);
    expect(cli(['report', 'weekly', '--week', '2026-W47'], { db }).stdout).toContain("Of the week's cash, 2,650.00, the ledger does not show 2,650.00 yet");
    // The back office's export of 2026-11-21 shows 房伟利's payment (WS-2022-0025: 500 principal, 100 interest).
    const dir = tmpDir();
    const src = fs.readFileSync(path.join(DATA, 'roster.csv'), 'utf8').replace('WS-2022-0025,1500.00,200.00', 'WS-2022-0025,1000.00,100.00');
    const f = path.join(dir, 'roster-1121.csv');
    fs.writeFileSync(f, src);
    expect((await runInProcess(['import', 'roster', f, '--as-of', '2026-11-21'], { db })).code).toBe(0);
    const after = json(await runInProcess(['report', 'weekly', '--week', '2026-W47', '--json'], { db }));
    expect(after.totals.cash.unposted_fen).toBe(205000);
    // Everything else in the report is unchanged.
    const strip = (w: any) => JSON.stringify(w, (k, v) => (k === 'unposted_fen' ? undefined : v));
    expect(strip(after)).toBe(strip(before));
    expectCacheFresh(db);
  });
});

describe('two laptops merged in either order', () => {
  it('give identical reconcile and weekly JSON, and a cache equal to one rebuilt from scratch', async () => {
    const dir = tmpDir();
    const office = path.join(dir, 'office.db');
    const r1 = roster(dir, 'r1.csv', ['涡水镇,马头冲村委,甲,甲,A-1,1000,100,张明', '涡水镇,马头冲村委,乙,乙,A-2,2000,200,李华', '涡水镇,马头冲村委,丙,丙,A-3,800,50,李华']);
    expect((await runInProcess(['import', 'roster', r1, '--as-of', '2026-11-01'], { db: office })).code).toBe(0);
    const rb1 = path.join(dir, 'r1.fvb');
    expect(cli(['export', '--roster', '--township', '涡水镇', '--out', rb1], { db: office }).code).toBe(0);
    const laptop = async (name: string) => {
      const f = path.join(dir, `${name}.db`);
      expect((await runInProcess(['merge', rb1], { db: f })).code).toBe(0);
      return f;
    };
    const l1 = await laptop('l1');
    const l2 = await laptop('l2');
    const cash = async (db: string, loan: string, p: string, date: string, officer: string) =>
      expect((await runInProcess(['visit', 'log', '--loan', loan, '--outcome', 'cash', '--principal', p, '--interest', '10', '--date', date, '--officer', officer], { db })).code).toBe(0);
    await cash(l1, 'A-1', '300', '2026-11-10', '张明');
    await cash(l1, 'A-1', '100', '2026-10-25', '张明');
    await cash(l2, 'A-2', '500', '2026-11-11', '李华');
    await cash(l2, 'A-3', '200', '2026-11-12', '李华');
    // l1 confirms its payment before the first statement; l2 voids its A-3 payment.
    const early = json(await runInProcess(['reconcile', '--json'], { db: l1 })).payments.find((p: any) => p.state === 'confirm').payment_id;
    expect((await runInProcess(['reconcile', 'confirm', String(early), '--officer', '张明'], { db: l1 })).code).toBe(0);
    const a3 = query(l2, `SELECT v.id FROM visits v JOIN visit_outcomes o ON o.visit_id = v.id JOIN loans l ON l.id = o.loan_id WHERE l.loan_no = 'A-3'`)[0].id;
    expect((await runInProcess(['visit', 'void', String(a3), '--reason', '重复', '--officer', '李华'], { db: l2 })).code).toBe(0);
    // The office's next roster shows A-1's 300 and A-2's 500, and a branch payment on A-3.
    const r2 = roster(dir, 'r2.csv', ['涡水镇,马头冲村委,甲,甲,A-1,700,95,张明', '涡水镇,马头冲村委,乙,乙,A-2,1500,200,李华', '涡水镇,马头冲村委,丙,丙,A-3,600,50,李华']);
    expect((await runInProcess(['import', 'roster', r2, '--as-of', '2026-11-18'], { db: office })).code).toBe(0);
    const rb2 = path.join(dir, 'r2.fvb');
    expect(cli(['export', '--roster', '--township', '涡水镇', '--out', rb2], { db: office }).code).toBe(0);
    const c1 = path.join(dir, 'c1.fvb');
    const c2 = path.join(dir, 'c2.fvb');
    expect(cli(['export', '--all', '--out', c1], { db: l1 }).code).toBe(0);
    expect(cli(['export', '--all', '--out', c2], { db: l2 }).code).toBe(0);

    const x = path.join(dir, 'x.db');
    const y = path.join(dir, 'y.db');
    // Bundles are signed: each supervisor database trusts the office's key on first use (its first roster bundle) and
    // the two laptops' keys by `trust add`, as a team sets it up.
    const trustLaptops = async (db: string) => {
      for (const c of [c1, c2]) expect((await runInProcess(['trust', 'add', c, '--yes'], { db })).code, c).toBe(0);
    };
    expect(cli(['merge', rb1], { db: x }).code).toBe(0);
    await trustLaptops(x);
    for (const b of [c1, c2, rb2]) expect(cli(['merge', b], { db: x }).code, b).toBe(0);
    expect(cli(['merge', rb2], { db: y }).code).toBe(0);
    await trustLaptops(y);
    for (const b of [c2, c1, rb1]) expect(cli(['merge', b], { db: y }).code, b).toBe(0);
    const rx = cli(['reconcile', '--json'], { db: x }).stdout;
    const ry = cli(['reconcile', '--json'], { db: y }).stdout;
    const norm = (s: string) => JSON.stringify(JSON.parse(s), (k, v) => (k === 'payment_id' || k === 'visit_id' ? undefined : v));
    expect(norm(rx)).toBe(norm(ry));
    const r = JSON.parse(rx);
    expect(r.payments.map((p: any) => [p.loan_no, p.state, p.posted_on])).toEqual([
      ['A-1', 'posted', '2026-11-01'],
      ['A-1', 'posted', '2026-11-18'],
      ['A-2', 'posted', '2026-11-18'],
    ]);
    expect(r.paid_at_branch.map((b: any) => [b.loan_no, b.principal_fen])).toEqual([['A-3', 20000]]);
    const wx = (await runInProcess(['report', 'weekly', '--week', '2026-W46', '--json'], { db: x })).stdout;
    const wy = (await runInProcess(['report', 'weekly', '--week', '2026-W46', '--json'], { db: y })).stdout;
    expect(wx).toBe(wy);
    expect(JSON.parse(wx).totals.cash.payments).toBe(2);
    expect(query(x, `SELECT loan_id, principal_fen, interest_fen FROM loan_balances ORDER BY loan_id`)).toEqual(
      query(y, `SELECT loan_id, principal_fen, interest_fen FROM loan_balances ORDER BY loan_id`),
    );
    for (const f of [x, y, l1, l2, office]) expectCacheFresh(f);
  });
});
