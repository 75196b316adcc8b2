// `report legal` through the built binary on a fixture with one loan per situation: a filed case, a judgment whose
// enforcement deadline falls in the window, a guarantee period ending, two refusals, two broken promises, and an
// expiring loan with a large balance — each in its list, and the near misses in none.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, json, snapshot, tmpDir } from '../helpers.js';
import { readWorkbook } from '../xlsxDump.js';

const HEADER = 'township,village,household,borrower,loan_no,principal,interest,loan_date,due_date,officer,guarantor';
// Today is 2026-11-22 (test/helpers.ts); the window is 30 days unless said.
const ROSTER = [
  '涡水镇,马头冲村委,甲,甲,L-FILED,9000,0,2022-06-01,2024-06-01,张明,',
  '涡水镇,马头冲村委,乙,乙,L-JUDG,12000,0,2021-01-01,2023-01-01,张明,',
  // Made after 2021 with no type agreed: a general guarantee, period 6 months from the due date (to 2026-12-01).
  '涡水镇,马头冲村委,丙,丙,L-GUAR,3000,0,2025-06-01,2026-06-01,张明,王保',
  '涡水镇,马头冲村委,丁,丁,L-REF,5000,0,2023-01-01,2025-01-01,张明,',
  '涡水镇,马头冲村委,戊,戊,L-PROM,4000,0,2023-01-01,2025-01-01,李华,',
  // The period runs out on 2026-12-10, 18 days from today.
  '涡水镇,马头冲村委,己,己,L-EXP,14000,1000,2021-12-10,2023-12-10,李华,',
  '涡水镇,马头冲村委,庚,庚,L-EXP-SMALL,2000,0,2021-12-10,2023-12-10,李华,',
  '涡水镇,马头冲村委,辛,辛,L-ONE,6000,0,2023-01-01,2025-01-01,李华,',
];

let db: string;
let dir: string;
const ok = (args: string[]) => {
  const r = cli(args, { db });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};

beforeAll(() => {
  dir = tmpDir();
  db = path.join(dir, 'legal.db');
  const f = path.join(dir, 'roster.csv');
  fs.writeFileSync(f, [HEADER, ...ROSTER].join('\n') + '\n');
  ok(['import', 'roster', f, '--as-of', '2026-09-01']);
  ok(['loan', 'legal', 'L-FILED', '--stage', 'filed', '--date', '2026-10-01', '--court', '某县人民法院', '--case-no', '(2026)桂0123民初1号', '--lawyer', '陈律师']);
  ok(['loan', 'legal', 'L-JUDG', '--stage', 'filed', '--date', '2024-08-01', '--court', '某县人民法院']);
  // The last day of performance 2024-12-10: the application for enforcement is due by 2026-12-10.
  ok(['loan', 'legal', 'L-JUDG', '--stage', 'judgment', '--date', '2024-11-01', '--perform-by', '2024-12-10']);
  const refuse = (loan: string, date: string) => ok(['visit', 'log', '--loan', loan, '--outcome', 'not-signed', '--reason', 'refused', '--date', date, '--officer', '张明']);
  refuse('L-REF', '2026-09-10');
  refuse('L-REF', '2026-10-15');
  refuse('L-ONE', '2026-10-16');
  const promise = (loan: string, visit: string, by: string) =>
    ok(['visit', 'log', '--loan', loan, '--outcome', 'intent', '--promise-amount', '500', '--promise-date', by, '--date', visit, '--officer', '李华']);
  promise('L-PROM', '2026-09-01', '2026-09-30');
  promise('L-PROM', '2026-10-10', '2026-10-31');
  promise('L-ONE', '2026-10-16', '2026-10-30');
  ok(['loan', 'legal', 'L-PROM', '--stage', 'referred', '--date', '2026-11-05']);
});

describe('report legal', () => {
  it('puts each loan in the right list', () => {
    const r = json(cli(['report', 'legal', '--json'], { db }));
    expect(r).toMatchObject({ today: '2026-11-22', within_days: 30, min_balance_fen: 1000000 });
    expect(r.counts).toEqual({ referred: 1, filed: 1, judgment: 1, enforcement: 0, closed: 0 });
    expect(r.stages.filed).toEqual([
      expect.objectContaining({ loan_no: 'L-FILED', since: '2026-10-01', filed_on: '2026-10-01', court: '某县人民法院', case_no: '(2026)桂0123民初1号', lawyer: '陈律师', principal_fen: 900000 }),
    ]);
    expect(r.stages.judgment).toEqual([expect.objectContaining({ loan_no: 'L-JUDG', since: '2024-11-01', filed_on: '2024-08-01', perform_by: '2024-12-10', court: '某县人民法院' })]);
    expect(r.stages.referred.map((x: any) => [x.loan_no, x.since])).toEqual([['L-PROM', '2026-11-05']]);
    expect(r.deadlines.map((d: any) => [d.loan_no, d.kind, d.date, d.days_left, d.guarantor, d.stage])).toEqual([
      ['L-GUAR', 'guarantee-period', '2026-12-01', 9, '王保', null],
      ['L-JUDG', 'enforcement-application', '2026-12-10', 18, null, 'judgment'],
    ]);
    expect(r.candidates.map((c: any) => [c.loan_no, c.reasons.map((x: any) => x.code), c.referred_on])).toEqual([
      ['L-EXP', ['expiring-large-balance'], null],
      ['L-REF', ['repeated-refusals'], null],
      ['L-PROM', ['broken-promises'], '2026-11-05'],
    ]);
    const [exp, ref, prom] = r.candidates;
    expect(exp.reasons[0]).toMatchObject({ expires: '2026-12-10', days_left: 18, balance_fen: 1500000 });
    expect(ref.reasons[0]).toMatchObject({ count: 2, dates: ['2026-09-10', '2026-10-15'] });
    expect(prom.reasons[0]).toMatchObject({ count: 2, dates: ['2026-09-30', '2026-10-31'], text: { en: '2 broken promises (due 2026-09-30, 2026-10-31)', zh: '爽约 2 次（承诺日期 2026-09-30、2026-10-31）' } });
    // The near misses: a small expiring balance, one refusal and one broken promise, a case already in court.
    const named = JSON.stringify(r.candidates);
    for (const loan of ['L-EXP-SMALL', 'L-ONE', 'L-JUDG', 'L-FILED', 'L-GUAR']) expect(named).not.toContain(`"${loan}"`);
  });

  it('--min-balance and --within move the thresholds', () => {
    const low = json(cli(['report', 'legal', '--min-balance', '2000', '--json'], { db }));
    expect(low.candidates.map((c: any) => c.loan_no)).toEqual(['L-EXP', 'L-REF', 'L-PROM', 'L-EXP-SMALL']);
    const narrow = json(cli(['report', 'legal', '--within', '10', '--json'], { db }));
    expect(narrow.deadlines.map((d: any) => d.loan_no)).toEqual(['L-GUAR']);
    // "Expiring" follows the window too: 18 days left is not expiring within 10.
    expect(narrow.candidates.map((c: any) => c.loan_no)).toEqual(['L-REF', 'L-PROM']);
    for (const bad of [['--within', 'soon'], ['--min-balance', '-1'], ['--min-balance', 'lots']]) {
      const r = cli(['report', 'legal', ...bad], { db });
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr).toContain(bad[0]);
    }
  });

  it('a voided legal record no longer counts', () => {
    const copy = path.join(tmpDir(), 'copy.db');
    fs.copyFileSync(db, copy);
    const id = json(cli(['loan', 'clock', 'L-FILED', '--json'], { db: copy })).events.find((e: any) => e.stage === 'filed').legal_id;
    expect(cli(['loan', 'legal', 'void', String(id), '--reason', '录错', '--officer', '张明'], { db: copy }).code).toBe(0);
    const r = json(cli(['report', 'legal', '--json'], { db: copy }));
    expect(r.counts.filed).toBe(0);
  });

  it('reads as text in both languages, and as Markdown, CSV and a workbook', () => {
    const en = cli(['report', 'legal'], { db }).stdout;
    expect(en).toContain('Cases by stage: referred 1, filed 1, judgment 1, enforcement 0, closed 0; 2 deadline(s) within 30 days; 3 candidate(s) for a lawsuit.');
    expect(en).toMatch(/limitation expires 2026-12-10 \(in 18 days\) with[\s│]+15,000\.00 owed/);
    const zh = cli(['report', 'legal', '--lang', 'zh'], { db }).stdout;
    expect(zh).toContain('各阶段案件：移交法务 1，起诉 1，判决 1，申请执行 0，结案 0；30 天内的期限 2 项；起诉候选 3 笔。');
    expect(zh).toContain('本报告仅为辅助提示，不构成法律意见。');
    const md = cli(['report', 'legal', '--format', 'md'], { db }).stdout;
    expect(md).toContain('## Deadlines within 30 days');
    const csv = cli(['report', 'legal', '--csv'], { db }).stdout.split('\r\n');
    expect(csv[0]).toBe(
      '\ufeffsection,loan_no,borrower,township,village,officer,principal,interest,stage,stage_date,court,case_no,lawyer,perform_by,result,deadline_kind,deadline_date,days_left,guarantor,status,expires,reason_kinds',
    );
    expect(csv.filter((l) => l.startsWith('candidate,')).map((l) => l.split(',').slice(-1)[0])).toEqual(['expiring-large-balance', 'repeated-refusals', 'broken-promises']);
    const out = path.join(dir, 'legal.xlsx');
    const before = snapshot(db);
    expect(cli(['report', 'legal', '--out', out, '--lang', 'zh'], { db }).code).toBe(0);
    expect(snapshot(db)).toBe(before);
    const sheets = readWorkbook(new Uint8Array(fs.readFileSync(out)));
    expect(sheets.map((s) => s.name)).toEqual(['案件', '期限', '起诉候选']);
    const deadlines = sheets[1]!.cells;
    expect(deadlines.find((c) => c.ref === 'D3')).toMatchObject({ type: 'date', value: '2026-12-01' });
    expect(deadlines.find((c) => c.ref === 'E3')).toMatchObject({ type: 'number', value: '9' });
    const money = sheets[2]!.cells.find((c) => c.ref === 'E3')!;
    expect(money).toMatchObject({ type: 'number', value: '14000', format: '#,##0.00' });
  });
});
