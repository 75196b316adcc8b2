// visit log by flags and interactively (fake Prompter), void, list filters, status changes, overpayment, help texts.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, runInProcess, sampleDb, scriptedPrompter, snapshot, tmpDir } from '../helpers.js';
import { CancelledError } from '../../src/domain/errors.js';

let base: string;
beforeAll(() => {
  base = sampleDb({ visits: true });
});

/** A private copy of the sample database for one test. */
function fresh(): string {
  const f = path.join(tmpDir(), 'v.db');
  fs.copyFileSync(base, f);
  return f;
}

const balance = (db: string, loanNo: string) =>
  query(db, `SELECT lb.principal_fen AS p, lb.interest_fen AS i FROM loan_balances lb JOIN loans l ON l.id = lb.loan_id WHERE l.loan_no = ?`, loanNo)[0];
const statusOf = (db: string, name: string) => query(db, `SELECT s.status, s.where_text AS "where", s.since FROM borrower_status s JOIN borrowers b ON b.id = s.borrower_id WHERE b.name = ?`, name)[0];

describe('visit log by flags', () => {
  it('saves a visit and prints its id; --json gives the saved visit', async () => {
    const db = fresh();
    const r = await runInProcess(
      ['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'notice-signed', '--outcome', 'intent', '--promise-amount', '1,000', '--promise-date', '2026-12-01', '--officer', '张明', '--json'],
      { db },
    );
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.visit_id).toBeGreaterThan(32);
    expect(v.visit_date).toBe('2026-11-22');
    expect(v.borrower).toBe('盘石生');
    expect(v.outcomes.map((o: { kind: string }) => o.kind)).toEqual(['notice-signed', 'intent']);
    expect(v.outcomes[1]).toMatchObject({ loan_no: 'WS-2022-0009', promise_amount_fen: 100000, promise_date: '2026-12-01' });
    const t = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'note', '--note', '家中无人', '--officer', '张明'], { db });
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^Saved visit #\d+: 盘石生, 2026-11-22, 张明/);
  });

  it('cash reduces the balance; paying more than is owed is refused and saves nothing', async () => {
    const db = fresh();
    const before = balance(db, 'WS-2022-0011');
    const ok = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0011', '--outcome', 'cash', '--principal', '300', '--interest', '20.5', '--officer', '张明', '--date', '2026-11-21'], { db });
    expect(ok.code, ok.stderr).toBe(0);
    expect(balance(db, 'WS-2022-0011')).toEqual({ p: before.p - 30000, i: before.i - 2050 });
    const snap = snapshot(db);
    const over = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0011', '--outcome', 'cash', '--principal', '1600', '--officer', '张明'], { db });
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/more than loan WS-2022-0011 owes \(1,500\.00\)/);
    const overI = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0011', '--outcome', 'cash', '--interest', '100', '--officer', '张明'], { db });
    expect(overI.code).toBe(1);
    expect(snapshot(db)).toBe(snap);
  });

  it('a future date is an error; nothing saved', async () => {
    const db = fresh();
    const snap = snapshot(db);
    const r = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'notice-signed', '--officer', '张明', '--date', '2026-11-23'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/after today/);
    expect(snapshot(db)).toBe(snap);
  });

  it.each([
    [['--outcome', 'intent', '--promise-amount', '500'], /--promise-date/],
    [['--outcome', 'intent', '--promise-date', '2026-12-01'], /--promise-amount/],
    [['--outcome', 'not-signed'], /--reason/],
    [['--outcome', 'not-signed', '--reason', 'moved'], /--reason must be one of/],
    [['--outcome', 'cash'], /--principal/],
    [['--outcome', 'notice-signed', '--signed-by', 'relative'], /--relation/],
    [['--outcome', 'note'], /--note/],
    [['--outcome', 'notice-signed', '--principal', '5'], /--principal goes with --outcome cash/],
    [['--outcome', 'visited'], /--outcome "visited"/],
    [['--outcome', 'notice-signed', '--date', '22/11'], /--date/],
  ])('missing or wrong data %j → usage error naming the flag, nothing saved', async (extra, re) => {
    const db = fresh();
    const snap = snapshot(db);
    const r = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--officer', '张明', ...(extra as string[])], { db });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(re as RegExp);
    expect(snapshot(db)).toBe(snap);
  });

  it('without a terminal it never prompts: missing borrower, outcome or officer are usage errors', async () => {
    const db = fresh();
    const none = await runInProcess(['visit', 'log'], { db });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--loan or --borrower/);
    const noOutcome = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009'], { db });
    expect(noOutcome.code).toBe(2);
    expect(noOutcome.stderr).toMatch(/--outcome/);
    const noOfficer = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'notice-signed'], { db });
    expect(noOfficer.code).toBe(2);
    expect(noOfficer.stderr).toMatch(/--officer/);
    expect((await runInProcess(['config', 'set', 'officer', '王强'], { db })).code).toBe(0);
    const withDefault = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'notice-signed', '--json'], { db });
    expect(JSON.parse(withDefault.stdout).officer).toBe('王强');
  });

  it('--borrower covers all the household’s loans; cash there must name its loan', async () => {
    const db = fresh();
    const r = await runInProcess(['visit', 'log', '--borrower', '黄德明', '--outcome', 'statute-expired', '--officer', '张明', '--json'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).outcomes[0].loan_no).toBeNull();
    const cash = await runInProcess(['visit', 'log', '--borrower', '黄德明', '--outcome', 'cash', '--principal', '100', '--officer', '张明'], { db });
    expect(cash.code).toBe(1);
    expect(cash.stderr).toMatch(/name the loan/);
    const byLoan = await runInProcess(['visit', 'log', '--loan', 'WS-2020-0008', '--borrower', '黄德明', '--outcome', 'cash', '--principal', '100', '--officer', '张明'], { db });
    expect(byLoan.code, byLoan.stderr).toBe(0);
    const wrong = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--borrower', '黄德明', '--outcome', 'note', '--note', 'x', '--officer', '张明'], { db });
    expect(wrong.code).toBe(2);
  });

  it('status: away with --where, deceased with its date (and a warning on later visits), signing in person brings them back', async () => {
    const db = fresh();
    const away = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0011', '--outcome', 'not-signed', '--reason', 'away', '--where', '广州', '--officer', '张明', '--date', '2026-11-20'], { db });
    expect(away.code, away.stderr).toBe(0);
    expect(statusOf(db, '沈有才')).toMatchObject({ status: 'away', where: '广州', since: '2026-11-20' });
    const back = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0011', '--outcome', 'notice-signed', '--officer', '张明'], { db });
    expect(back.code).toBe(0);
    expect(statusOf(db, '沈有才').status).toBe('active');
    const dead = await runInProcess(['visit', 'log', '--loan', 'WS-2023-0020', '--outcome', 'not-signed', '--reason', 'deceased', '--officer', '张明', '--date', '2026-11-19'], { db });
    expect(dead.code).toBe(0);
    expect(statusOf(db, '盘四妹')).toMatchObject({ status: 'deceased', since: '2026-11-19' });
    const later = await runInProcess(['visit', 'log', '--loan', 'WS-2023-0020', '--outcome', 'note', '--note', '见到其子', '--officer', '张明'], { db });
    expect(later.code).toBe(0);
    expect(later.stderr).toMatch(/Warning: .*deceased/);
  });
});

describe('visit void and visit list', () => {
  it('void keeps the visit with who/when/why, drops it from every figure and from the list unless --all', async () => {
    const db = fresh();
    const before = balance(db, 'WS-2022-0025');
    const id = query(db, `SELECT id FROM visits WHERE external_id = 'w47-18'`)[0].id;
    const noReason = await runInProcess(['visit', 'void', String(id)], { db });
    expect(noReason.code).toBe(2);
    const r = await runInProcess(['visit', 'void', String(id), '--reason', '录错了农户', '--officer', '李华'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Voided visit #${id}`));
    expect(query(db, `SELECT reason, voided_by, voided_at FROM visit_voids`)).toEqual([{ reason: '录错了农户', voided_by: '李华', voided_at: '2026-11-22T04:00:00.000Z' }]);
    expect(balance(db, 'WS-2022-0025')).toEqual({ p: before.p + 50000, i: before.i + 10000 });
    const again = await runInProcess(['visit', 'void', String(id), '--reason', 'again', '--officer', '李华'], { db });
    expect(again.stdout).toMatch(/already void/);
    const list = JSON.parse((await runInProcess(['visit', 'list', '--outcome', 'cash', '--json'], { db })).stdout);
    expect(list.map((v: { visit_id: number }) => v.visit_id)).not.toContain(id);
    const all = JSON.parse((await runInProcess(['visit', 'list', '--outcome', 'cash', '--all', '--json'], { db })).stdout);
    expect(all.find((v: { visit_id: number }) => v.visit_id === id).void).toMatchObject({ reason: '录错了农户', voided_by: '李华' });
    expect((await runInProcess(['visit', 'void', '9999', '--reason', 'x', '--officer', '李华'], { db })).code).toBe(1);
  });

  it('filters by dates, township, village (with merged committees), officer, outcome and loan', async () => {
    const db = base;
    const ids = async (...a: string[]) => JSON.parse((await runInProcess(['visit', 'list', ...a, '--json'], { db })).stdout).map((v: { external_id: string }) => v.external_id);
    expect(await ids('--from', '2026-11-16', '--to', '2026-11-22')).toHaveLength(22);
    expect(await ids('--from', '2026-11-20', '--to', '2026-11-20')).toEqual(['w47-20', 'w47-21', 'w47-22']);
    expect(await ids('--officer', '李华', '--from', '2026-11-16')).toEqual(['w47-18', 'w47-19', 'w47-20', 'w47-21', 'w47-22']);
    expect(await ids('--outcome', 'statute-expired')).toEqual(['w47-15', 'w47-16']);
    expect(await ids('--loan', 'WS-2022-0028')).toEqual(['h-007', 'h-008']);
    expect(await ids('--village', '涡水村委', '--from', '2026-11-16')).toContain('w47-07');
    expect(await ids('--township', '涡水镇', '--to', '2025-12-31')).toEqual(['h-004', 'h-001', 'h-002', 'h-003']);
    const text = await runInProcess(['visit', 'list', '--from', '2026-11-20'], { db, lang: 'zh' });
    expect(text.stdout).toMatch(/共 3 次走访/);
    expect((await runInProcess(['visit', 'list', '--from', '11/20'], { db })).code).toBe(2);
  });
});

describe('visit log interactively (fake Prompter)', () => {
  const wizard = (extra: { kind: 'input' | 'select' | 'checkbox' | 'confirm' | 'search'; match?: RegExp; answer: unknown }[]) =>
    scriptedPrompter([
      { kind: 'select', match: /How was the contact made/, answer: 'visit' },
      { kind: 'search', match: /Borrower/, answer: { kind: 'borrower', borrowerId: 20 } },
      { kind: 'input', match: /Visit date/, answer: 'yesterday' },
      { kind: 'input', match: /Officer/, answer: '张明' },
      ...extra,
    ]);

  it('walks find → date → officer → outcomes → only the data they need → summary → save', async () => {
    const db = fresh();
    const borrowerId = query(db, `SELECT id FROM borrowers WHERE name = '盘四妹'`)[0].id;
    const p = scriptedPrompter([
      { kind: 'select', match: /How was the contact made/, answer: 'visit' },
      { kind: 'search', match: /Borrower/, answer: { kind: 'borrower', borrowerId } },
      { kind: 'input', match: /Visit date/, answer: 'yesterday' },
      { kind: 'input', match: /Officer/, answer: '张明' },
      { kind: 'checkbox', match: /Outcomes/, answer: ['notice-signed', 'cash', 'intent'] },
      { kind: 'input', match: /Notice number/, answer: '' },
      { kind: 'select', match: /Signed by/, answer: 'relative' },
      { kind: 'input', match: /Relation/, answer: '儿子' },
      { kind: 'input', match: /Principal paid/, answer: '200' },
      { kind: 'input', match: /Interest paid/, answer: '60' },
      { kind: 'input', match: /Amount promised/, answer: '300' },
      { kind: 'input', match: /Date promised/, answer: '2026-12-10' },
      { kind: 'confirm', match: /Save this visit/, answer: true },
    ]);
    const r = await runInProcess(['visit', 'log', '--json'], { db, tty: true, prompter: p });
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({ borrower: '盘四妹', visit_date: '2026-11-21', officer: '张明', source: 'cli' });
    expect(v.outcomes).toMatchObject([
      { kind: 'notice-signed', signed_by: 'relative', relation: '儿子', loan_no: null },
      { kind: 'cash', loan_no: 'WS-2023-0020', principal_fen: 20000, interest_fen: 6000 },
      { kind: 'intent', promise_amount_fen: 30000, promise_date: '2026-12-10' },
    ]);
    // The household brief came before any question, and the summary before the confirmation.
    expect(r.stderr).toMatch(/盘四妹[\s\S]*WS-2023-0020[\s\S]*900\.00[\s\S]*No earlier visits[\s\S]*About to save[\s\S]*signed by 儿子/);
  });

  it('walks township → village → household, asks which loan, and shows stance, open promises and last visits', async () => {
    const db = fresh();
    const q = (sql: string) => query(db, sql)[0].id;
    const p = scriptedPrompter([
      { kind: 'select', match: /How was the contact made/, answer: 'visit' },
      { kind: 'search', answer: { kind: 'browse' } },
      { kind: 'select', match: /Township/, answer: q(`SELECT id FROM townships WHERE name = '涡水镇'`) },
      { kind: 'select', match: /Village/, answer: q(`SELECT id FROM villages WHERE name = '涡水村委'`) },
      { kind: 'select', match: /Household/, answer: q(`SELECT id FROM borrowers WHERE name = '黄德明'`) },
      { kind: 'input', match: /Visit date/, answer: '2026-11-18' },
      { kind: 'input', match: /Officer/, answer: '张明' },
      { kind: 'checkbox', answer: ['cash', 'note'] },
      { kind: 'select', match: /cash collected: which loan/, answer: q(`SELECT id FROM loans WHERE loan_no = 'WS-2020-0008'`) },
      { kind: 'input', match: /Principal/, answer: '1000' },
      { kind: 'input', match: /Interest/, answer: '0' },
      { kind: 'input', match: /What happened/, answer: '需部门领导协助' },
      { kind: 'confirm', match: /supervisor/, answer: true },
      { kind: 'confirm', match: /Save/, answer: true },
    ]);
    const r = await runInProcess(['visit', 'log', '--json'], { db, tty: true, prompter: p });
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.escalate).toBe('需部门领导协助');
    expect(v.outcomes[0]).toMatchObject({ kind: 'cash', loan_no: 'WS-2020-0008', principal_fen: 100000 });
    expect(r.stderr).toMatch(/Last visits:\n\s+2026-11-18 张明/);

    const stance = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0001'], {
      db,
      tty: true,
      prompter: scriptedPrompter([
        { kind: 'select', match: /How was the contact made/, answer: 'visit' },
        { kind: 'input', match: /Visit date/, answer: '' },
        { kind: 'input', match: /Officer/, answer: '张明' },
        { kind: 'checkbox', answer: ['statute-expired'] },
        { kind: 'confirm', match: /Save/, answer: false },
      ]),
    });
    expect(stance.code).toBe(130);
    expect(stance.stderr).toMatch(/Stance: promise-maker: Always promises/);
    expect(stance.stderr).toMatch(/Open promises:\n\s+500\.00 by 2026-11-27/);
  });

  it('Ctrl-C at any question saves nothing and exits 130', async () => {
    const db = fresh();
    const snap = snapshot(db);
    const p = wizard([
      { kind: 'checkbox', answer: ['cash'] },
      {
        kind: 'input',
        answer: () => {
          throw new CancelledError();
        },
      },
    ]);
    const r = await runInProcess(['visit', 'log'], { db, tty: true, prompter: p });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/nothing was saved/);
    expect(snapshot(db)).toBe(snap);
  });

  it('a visit the rules refuse is reported before the confirmation, nothing saved', async () => {
    const db = fresh();
    const snap = snapshot(db);
    const p = wizard([
      { kind: 'checkbox', answer: ['notice-signed', 'not-signed'] },
      { kind: 'input', match: /Notice number/, answer: '' },
      { kind: 'select', match: /Signed by/, answer: 'borrower' },
      { kind: 'select', match: /Why not signed/, answer: 'refused' },
    ]);
    const r = await runInProcess(['visit', 'log'], { db, tty: true, prompter: p });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/both signed and not signed/);
    expect(snapshot(db)).toBe(snap);
  });

  it('with --outcome at a terminal it does not prompt', async () => {
    const db = fresh();
    const r = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'notice-signed', '--officer', '张明'], { db, tty: true, prompter: scriptedPrompter([]) });
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('help', () => {
  it('every new command has a description and an example', async () => {
    for (const c of [['visit'], ['visit', 'log'], ['visit', 'void'], ['visit', 'list'], ['promise', 'list'], ['notice', 'issue'], ['notice', 'list']]) {
      for (const lang of ['en', 'zh'] as const) {
        const r = await runInProcess([...c, '--help'], { lang });
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(lang === 'zh' ? /示例：\n  \$ fieldvisit / : /Examples:\n  \$ fieldvisit /);
      }
    }
  });
});
