// Collection costs through the built binary: recording (and refusing bad input), voiding, listing, the cost report's
// hand-computed totals by kind, officer and case against cash recovered, Excel read back, and merges in either order.
// The binary runs the commands each test is about (their exit codes, stdout/stderr, the files and bundles they write,
// the merges between databases); the roster every test starts from is imported once and copied, and steps that only
// prepare data, the table of refused amounts and further runs of a command already shown through the binary run
// in-process (runInProcess: the same run() the binary calls), which spares ~150 ms of start-up each.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, json, query, runInProcess, snapshot, tmpDir } from '../helpers.js';
import { readWorkbook } from '../xlsxDump.js';

const HEADER = 'township,village,household,borrower,loan_no,principal,interest,officer';
/** Four loans in two townships, two officers; balances as of 2026-09-01 so every later payment counts. */
const ROSTER = [
  '涡水镇,马头冲村委,甲,甲,C-1,20000,1000,张明',
  '涡水镇,马头冲村委,乙,乙,C-2,8000,500,张明',
  '香坪镇,大龙村委,丙,丙,C-3,5000,600,李华',
  '香坪镇,大龙村委,丁,丁,C-4,3000,0,李华',
];

/** The roster imported once (in beforeAll); rosterDb hands each caller its own copy of the file. */
let rosterTemplate: string;
async function importRoster(dir: string, name: string): Promise<string> {
  const f = path.join(dir, 'roster.csv');
  fs.writeFileSync(f, [HEADER, ...ROSTER].join('\n') + '\n');
  const db = path.join(dir, name);
  const r = await runInProcess(['import', 'roster', f, '--as-of', '2026-09-01'], { db });
  expect(r.code, r.stderr).toBe(0);
  return db;
}
function rosterDb(dir: string, name = 'a.db'): string {
  // Every command closes its connection, so the file holds everything (no -wal beside it).
  expect(fs.existsSync(rosterTemplate + '-wal')).toBe(false);
  const db = path.join(dir, name);
  fs.copyFileSync(rosterTemplate, db);
  return db;
}

const cost = async (db: string, loan: string, kind: string, amount: string, date: string, officer: string, extra: string[] = []) => {
  const r = await runInProcess(['cost', 'add', '--loan', loan, '--kind', kind, '--amount', amount, '--date', date, '--officer', officer, '--json', ...extra], { db });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { id: number; uid: string; amount_fen: number };
};
const cash = async (db: string, loan: string, p: string, i: string, date: string, officer: string) => {
  const r = await runInProcess(['visit', 'log', '--loan', loan, '--outcome', 'cash', '--principal', p, '--interest', i, '--date', date, '--officer', officer], { db });
  expect(r.code, r.stderr).toBe(0);
};

/** The fixture: six live costs and one to void, four field payments (one on a loan with no cost). */
async function fixture(): Promise<{ db: string; dir: string; voidId: number }> {
  const dir = tmpDir();
  const db = rosterDb(dir);
  await cost(db, 'C-1', 'travel', '120.00', '2026-10-05', '张明');
  await cost(db, 'C-1', 'postage', '23.50', '2026-10-06', '张明');
  await cost(db, 'C-1', 'court-fee', '1,050', '2026-11-10', '张明', ['--note', '受理费']);
  await cost(db, 'C-2', 'travel', '80', '2026-11-03', '张明');
  await cost(db, 'C-3', 'travel', '150.00', '2026-10-12', '李华');
  await cost(db, 'C-3', 'lawyer', '2000', '2026-11-15', '李华');
  const v = await cost(db, 'C-3', 'other', '6.50', '2026-11-16', '李华');
  await cash(db, 'C-1', '1000', '200', '2026-10-20', '张明');
  await cash(db, 'C-2', '500', '0', '2026-11-05', '张明');
  await cash(db, 'C-3', '2000', '500', '2026-11-18', '李华');
  await cash(db, 'C-4', '300', '0', '2026-10-25', '李华');
  return { db, dir, voidId: v.id };
}

let fx: Awaited<ReturnType<typeof fixture>>;
beforeAll(async () => {
  rosterTemplate = await importRoster(tmpDir(), 'roster.db');
  fx = await fixture();
  const r = await runInProcess(['cost', 'void', String(fx.voidId), '--reason', '重复登记', '--officer', '李华'], { db: fx.db });
  expect(r.code, r.stderr).toBe(0);
});

describe('cost add', () => {
  it('prints the id, keeps the amount in fen and who spent it; the configured officer is the default', async () => {
    const db = rosterDb(tmpDir());
    const r = cli(['cost', 'add', '--loan', 'C-1', '--kind', 'postage', '--amount', '23.5', '--date', '2026-11-20', '--officer', '张明'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Recorded cost #1: C-1 2026-11-20 postage 23.50 (张明).\n');
    expect((await runInProcess(['config', 'set', 'officer', '王芳'], { db })).code).toBe(0);
    const j = json(cli(['cost', 'add', '--loan', 'C-2', '--kind', 'lawyer', '--amount', '¥1,200.00', '--date', '2026-11-21', '--note', '代理费', '--json'], { db }));
    expect(j).toMatchObject({ id: 2, loan_no: 'C-2', kind: 'lawyer', amount_fen: 120000, date: '2026-11-21', officer: '王芳', note: '代理费' });
    expect(query(db, `SELECT l.loan_no, c.kind, c.amount_fen, c.cost_date, c.officer, c.note FROM costs c JOIN loans l ON l.id = c.loan_id ORDER BY c.id`)).toEqual([
      { loan_no: 'C-1', kind: 'postage', amount_fen: 2350, cost_date: '2026-11-20', officer: '张明', note: null },
      { loan_no: 'C-2', kind: 'lawyer', amount_fen: 120000, cost_date: '2026-11-21', officer: '王芳', note: '代理费' },
    ]);
    const zh = await runInProcess(['cost', 'add', '--loan', 'C-1', '--kind', 'travel', '--amount', '60', '--date', '2026-11-22', '--lang', 'zh'], { db });
    expect(zh.stdout).toBe('已登记费用 #3：C-1 2026-11-22 差旅（下乡交通、食宿） 60.00 元（王芳）。\n');
  });

  const bad: [string, string[], number, RegExp][] = [
    ['zero', ['--amount', '0'], 2, /--amount must be more than zero, not "0"/],
    ['zero with decimals', ['--amount', '0.00'], 2, /--amount must be more than zero/],
    ['negative', ['--amount', '-5'], 2, /--amount cannot be negative \("-5"\)/],
    ['negative with =', ['--amount=-120.00'], 2, /--amount cannot be negative/],
    ['three decimals', ['--amount', '12.345'], 2, /--amount takes at most two decimals \(fen\), not "12.345"/],
    ['not a number', ['--amount', '12元5'], 2, /--amount "12元5" is not an amount/],
    ['a date after today', ['--date', '2026-11-23'], 1, /--date 2026-11-23 is after today: record only what has happened/],
    ['not a date', ['--date', '2026-13-01'], 2, /--date needs a YYYY-MM-DD date, not "2026-13-01"/],
    ['an unknown loan', ['--loan', 'C-9'], 1, /Loan "C-9" is not on the roster/],
    ['an unknown kind', ['--kind', 'taxi'], 2, /--kind/],
  ];
  it.each(bad)('refuses %s, naming the flag, and saves nothing', async (_name, flags, code, message) => {
    const db = rosterDb(tmpDir());
    const before = snapshot(db);
    const base: Record<string, string> = { '--loan': 'C-1', '--kind': 'travel', '--amount': '120', '--date': '2026-11-20', '--officer': '张明' };
    const given = new Set(flags.filter((f) => f.startsWith('--')).map((f) => f.split('=')[0]!));
    const args = ['cost', 'add', ...Object.entries(base).flatMap(([k, v]) => (given.has(k) ? [] : [k, v])), ...flags];
    const r = await runInProcess(args, { db });
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(snapshot(db)).toBe(before);
  });

  it('refuses a cost with no officer given or configured (the record says who spent it), and saves nothing', async () => {
    const db = rosterDb(tmpDir());
    const before = snapshot(db);
    const r = cli(['cost', 'add', '--loan', 'C-1', '--kind', 'travel', '--amount', '120', '--date', '2026-11-20'], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Say who spent it with --officer/);
    expect(snapshot(db)).toBe(before);
    const zh = await runInProcess(['cost', 'add', '--loan', 'C-1', '--kind', 'travel', '--amount', '0', '--date', '2026-11-20', '--lang', 'zh'], { db });
    expect(zh.stderr).toMatch(/--amount 必须大于 0/);
    expect(snapshot(db)).toBe(before);
  });
});

describe('cost void and list', () => {
  it('keeps a void cost with who, when and why; lists it only with --all', async () => {
    const live = json(cli(['cost', 'list', '--json'], { db: fx.db }));
    expect(live.map((c: any) => [c.loan_no, c.kind, c.amount_fen])).toEqual([
      ['C-1', 'travel', 12000],
      ['C-1', 'postage', 2350],
      ['C-3', 'travel', 15000],
      ['C-2', 'travel', 8000],
      ['C-1', 'court-fee', 105000],
      ['C-3', 'lawyer', 200000],
    ]);
    const all = json(await runInProcess(['cost', 'list', '--all', '--json'], { db: fx.db }));
    expect(all).toHaveLength(7);
    const v = all.find((c: any) => c.id === fx.voidId);
    expect(v).toMatchObject({ loan_no: 'C-3', kind: 'other', amount_fen: 650, void: { reason: '重复登记', voided_by: '李华', voided_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/) } });
    expect(query(fx.db, `SELECT count(*) AS n FROM costs`)).toEqual([{ n: 7 }]);
    const text = cli(['cost', 'list', '--all', '--loan', 'C-3'], { db: fx.db }).stdout;
    expect(text).toMatch(/\[VOID: 重复登记 \(李华,[\s│]*\d{4}-\d{2}-\d{2}\)\]/);
    expect(text).toContain('2 costs, 2,150.00 in all (1 void, not counted)');
    // Voiding again changes nothing; an unknown id is refused.
    const again = await runInProcess(['cost', 'void', String(fx.voidId), '--reason', 'x', '--officer', '李华'], { db: fx.db });
    expect(again.stdout).toBe(`Cost #${fx.voidId} was already void; nothing changed.\n`);
    const before = snapshot(fx.db);
    const missing = cli(['cost', 'void', '99', '--reason', 'x', '--officer', '李华'], { db: fx.db });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No cost with id 99: see fieldvisit cost list --all/);
    const noReason = await runInProcess(['cost', 'void', '1', '--officer', '李华'], { db: fx.db });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/--reason/);
    expect(snapshot(fx.db)).toBe(before);
  });

  it('filters by township and month', async () => {
    const rows = json(await runInProcess(['cost', 'list', '--township', '香坪镇', '--month', '2026-11', '--all', '--json'], { db: fx.db }));
    expect(rows.map((c: any) => [c.loan_no, c.kind, c.date])).toEqual([
      ['C-3', 'lawyer', '2026-11-15'],
      ['C-3', 'other', '2026-11-16'],
    ]);
    const csv = cli(['cost', 'list', '--csv'], { db: fx.db }).stdout;
    expect(csv.split('\r\n')[0]).toBe('\ufeffcost_id,cost_date,loan_no,borrower,township,village,cost_kind,amount,officer,note,created_at,void_reason,voided_by,voided_at');
    expect(csv).toContain(',C-1,甲,涡水镇,马头冲村委,court-fee,1050.00,张明,受理费,');
  });
});

describe('report costs', () => {
  it('all to date: hand-computed totals by kind, officer and case against cash recovered; the void cost left out', () => {
    const r = json(cli(['report', 'costs', '--json'], { db: fx.db }));
    // Costs 120 + 23.50 + 1,050 + 80 + 150 + 2,000 = 3,423.50; cash 1,200 + 500 + 2,500 + 300 = 4,500 (principal 3,800, interest 700).
    expect(r.totals).toEqual({
      costs: 6,
      cost_fen: 342350,
      payments: 4,
      recovered_principal_fen: 380000,
      recovered_interest_fen: 70000,
      recovered_fen: 450000,
      recovered_elsewhere_fen: 30000,
      ratio: 0.7608,
    });
    expect(r.by_kind).toEqual([
      { kind: 'travel', costs: 3, cost_fen: 35000, share: 0.1022 },
      { kind: 'postage', costs: 1, cost_fen: 2350, share: 0.0069 },
      { kind: 'court-fee', costs: 1, cost_fen: 105000, share: 0.3067 },
      { kind: 'lawyer', costs: 1, cost_fen: 200000, share: 0.5842 },
      { kind: 'other', costs: 0, cost_fen: 0, share: 0 },
    ]);
    expect(r.by_officer).toEqual([
      { officer: '李华', costs: 2, cost_fen: 215000, payments: 2, recovered_fen: 280000, ratio: 0.7679 },
      { officer: '张明', costs: 4, cost_fen: 127350, payments: 2, recovered_fen: 170000, ratio: 0.7491 },
    ]);
    expect(r.by_case.map((c: any) => [c.loan_no, c.costs, c.cost_fen, c.payments, c.recovered_fen, c.ratio])).toEqual([
      ['C-3', 2, 215000, 1, 250000, 0.86],
      ['C-1', 3, 119350, 1, 120000, 0.9946],
      ['C-2', 1, 8000, 1, 50000, 0.16],
    ]);
  });

  it('one month and one township: the same scope for costs and cash', async () => {
    const oct = json(await runInProcess(['report', 'costs', '--month', '2026-10', '--township', '涡水镇', '--json'], { db: fx.db }));
    expect(oct).toMatchObject({ month: '2026-10', from: '2026-10-01', to: '2026-10-31', township: '涡水镇' });
    expect(oct.totals).toMatchObject({ costs: 2, cost_fen: 14350, payments: 1, recovered_fen: 120000, recovered_elsewhere_fen: 0, ratio: 0.1196 });
    expect(oct.by_officer).toEqual([{ officer: '张明', costs: 2, cost_fen: 14350, payments: 1, recovered_fen: 120000, ratio: 0.1196 }]);
    const nov = json(await runInProcess(['report', 'costs', '--month', '2026-11', '--json'], { db: fx.db }));
    // 1,050 + 80 + 2,000 against 500 + 2,500 (the 6.50 is void): costs exceed the cash.
    expect(nov.totals).toMatchObject({ costs: 3, cost_fen: 313000, payments: 2, recovered_fen: 300000, ratio: 1.0433 });
    expect(nov.to).toBe('2026-11-22');
    const text = cli(['report', 'costs', '--month', '2026-11'], { db: fx.db }).stdout;
    expect(text).toContain('3 costs, 3,130.00 in all; cash recovered in the same scope and period: 2 payments, 3,000.00 (principal 2,500.00, interest 500.00); cost to recovery 104.3%.');
    const md = (await runInProcess(['report', 'costs', '--month', '2026-11', '--format', 'md', '--lang', 'zh'], { db: fx.db })).stdout;
    expect(md).toMatch(/^# 催收费用报告：2026-11（2026-11-01 至 2026-11-22）/);
    expect(md).toContain('| **合计** | **3** | **3,130.00** | **100.0%** |');
    const csv = (await runInProcess(['report', 'costs', '--csv'], { db: fx.db })).stdout.split('\r\n');
    expect(csv[0]).toBe('\ufeffsection,key,borrower,township,village,costs,cost,payments,recovered,cost_ratio');
    expect(csv).toContain('case,C-1,甲,涡水镇,马头冲村委,3,1193.50,1,1200.00,0.9946');
    expect(csv).toContain('total,,,,,6,3423.50,4,4500.00,0.7608');
  });

  it('bad flags are usage errors', async () => {
    const r = cli(['report', 'costs', '--month', '2026-13'], { db: fx.db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--month needs YYYY-MM/);
    expect((await runInProcess(['report', 'costs', '--township', '无此镇'], { db: fx.db })).code).toBe(1);
  });

  it('writes a workbook: a sheet per breakdown, money as numbers in #,##0.00, totals in bold', () => {
    const out = path.join(fx.dir, 'costs.xlsx');
    const r = cli(['report', 'costs', '--out', out], { db: fx.db });
    expect(r.code, r.stderr).toBe(0);
    const sheets = readWorkbook(new Uint8Array(fs.readFileSync(out)));
    expect(sheets.map((s) => s.name)).toEqual(['By kind', 'By officer', 'By case']);
    const cell = (s: number, ref: string) => sheets[s]!.cells.find((c) => c.ref === ref)!;
    // By kind: title, header, five kinds, total (row 8).
    expect(cell(0, 'A2')).toMatchObject({ value: 'Cost kind', bold: true });
    expect(cell(0, 'C3')).toMatchObject({ type: 'number', value: '350', format: '#,##0.00', bold: false });
    expect(cell(0, 'A8')).toMatchObject({ value: 'Total', bold: true });
    expect(cell(0, 'C8')).toMatchObject({ type: 'number', value: '3423.5', format: '#,##0.00', bold: true });
    // By case: C-3, C-1, C-2 then the total of those loans (recovered 4,200 = 4,500 less C-4's 300).
    expect(cell(2, 'A3').value).toBe('C-3');
    expect(cell(2, 'A6')).toMatchObject({ value: 'Total', bold: true });
    expect(cell(2, 'H6')).toMatchObject({ type: 'number', value: '4200', format: '#,##0.00', bold: true });
    expect(cell(1, 'E5')).toMatchObject({ type: 'number', value: '4500', format: '#,##0.00', bold: true });
    expect(cell(1, 'F5')).toMatchObject({ type: 'number', value: '0.7608', format: '0.0%', bold: true });
  });
});

describe('costs travel between laptops', () => {
  it('merged into two databases in either order give identical reports, voids included', async () => {
    const dir = tmpDir();
    const office = rosterDb(dir, 'office.db');
    const rb = path.join(dir, 'wo.fvb');
    const rb2 = path.join(dir, 'xp.fvb');
    expect(cli(['export', '--roster', '--township', '涡水镇', '--out', rb], { db: office }).code).toBe(0);
    expect(cli(['export', '--roster', '--township', '香坪镇', '--out', rb2], { db: office }).code).toBe(0);
    const laptop = async (name: string) => {
      const f = path.join(dir, `${name}.db`);
      for (const b of [rb, rb2]) {
        const r = await runInProcess(['merge', b], { db: f });
        expect(r.code, r.stderr).toBe(0);
      }
      return f;
    };
    const l1 = await laptop('l1');
    const l2 = await laptop('l2');
    await cost(l1, 'C-1', 'travel', '120', '2026-11-02', '张明');
    const wrong = await cost(l1, 'C-1', 'travel', '1200', '2026-11-02', '张明');
    expect((await runInProcess(['cost', 'void', String(wrong.id), '--reason', '多输了一个零', '--officer', '张明'], { db: l1 })).code).toBe(0);
    await cash(l1, 'C-1', '400', '0', '2026-11-05', '张明');
    await cost(l2, 'C-3', 'court-fee', '550.50', '2026-11-08', '李华');
    await cost(l2, 'C-3', 'postage', '12', '2026-11-09', '李华');
    const c1 = path.join(dir, 'c1.fvb');
    const c2 = path.join(dir, 'c2.fvb');
    expect(cli(['export', '--all', '--out', c1], { db: l1 }).code).toBe(0);
    expect(cli(['export', '--all', '--out', c2], { db: l2 }).code).toBe(0);
    const x = path.join(dir, 'x.db');
    const y = path.join(dir, 'y.db');
    // The office's roster bundle is trusted on first use; the laptops' keys by trust add, as a team sets it up.
    const trust = async (db: string) => {
      for (const c of [c1, c2]) { const t = await runInProcess(['trust', 'add', c, '--yes'], { db }); expect(t.code, c + t.stderr).toBe(0); }
    };
    expect(cli(['merge', rb], { db: x }).code).toBe(0);
    await trust(x);
    for (const b of [rb2, c1, c2]) { const m = cli(['merge', b], { db: x }); expect(m.code, b + m.stderr).toBe(0); }
    expect(cli(['merge', rb2], { db: y }).code).toBe(0);
    await trust(y);
    for (const b of [c2, rb, c1, c2]) { const m = cli(['merge', b], { db: y }); expect(m.code, b + m.stderr).toBe(0); }
    const rx = cli(['report', 'costs', '--json'], { db: x }).stdout;
    const ry = cli(['report', 'costs', '--json'], { db: y }).stdout;
    expect(rx).toBe(ry);
    // 120 + 550.50 + 12 = 682.50 (the 1,200 is void) against 400.
    expect(JSON.parse(rx).totals).toMatchObject({ costs: 3, cost_fen: 68250, payments: 1, recovered_fen: 40000, ratio: 1.7063 });
    const strip = (s: string) => JSON.parse(s).map(({ id: _id, ...rest }: any) => rest);
    expect(strip((await runInProcess(['cost', 'list', '--all', '--json'], { db: x })).stdout)).toEqual(strip((await runInProcess(['cost', 'list', '--all', '--json'], { db: y })).stdout));
    expect(query(y, `SELECT count(*) AS n FROM costs`)).toEqual([{ n: 4 }]);
    expect(query(y, `SELECT reason, voided_by FROM fact_voids`)).toEqual([{ reason: '多输了一个零', voided_by: '张明' }]);
  });
});
