// The seven limitation defects of issue 9, and the records that now travel. The binary runs one whole flow (defect 1:
// a notice issued, the visit logged, the clock read), a refusal of each exit code with the database compared, the
// clock as text, and the export/merge between two laptops through bundle files; the other writes that prepare a case
// and the clock reads run in-process (runInProcess: the same run() the binary calls) on the same database file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, json, query, runInProcess, snapshot, tmpDir, succeeded } from '../helpers.js';

const dir = tmpDir('fv-clock-');
const db = path.join(dir, 'clock.db');
const ROSTER = [
  'township,village,group,household,borrower,loan_no,principal,interest,loan_date,due_date,officer,guarantor,guarantee_until,guarantee_type',
  '甲镇,甲村委,一组,癸父,癸父,K-1,1000,0,2020-01-01,2023-06-01,张明,,,',
  '甲镇,甲村委,一组,癸父,癸子,K-2,2000,0,2020-01-01,2023-06-01,张明,,,',
  '甲镇,甲村委,二组,乙户,乙某,K-3,3000,0,2020-01-01,2026-10-01,张明,保人丙,,连带责任保证',
  '甲镇,甲村委,二组,丁户,丁某,K-4,1000,0,2015-01-01,2019-01-10,张明,,,',
  '甲镇,甲村委,二组,戊户,戊某,K-5,1000,0,2024-01-01,2027-06-01,张明,,,',
  '甲镇,甲村委,三组,己户,己某,K-6,1000,0,2020-01-01,2024-05-06,张明,,,',
  '甲镇,甲村委,三组,庚户,庚某,K-7,1000,0,2021-01-01,2023-12-10,张明,保人辛,2023-12-01,',
  '甲镇,甲村委,三组,壬户,壬某,K-8,1000,0,2024-01-01,2028-01-01,张明,,,',
].join('\n');

/** In-process. */
const ok = async (args: string[], file = db) => succeeded(args, await runInProcess(args, { db: file }));
/** Through the built binary. */
const okBin = (args: string[], file = db) => succeeded(args, cli(args, { db: file }));
const clock = async (loan: string, file = db) => json(await runInProcess(['loan', 'clock', loan, '--json'], { db: file }));

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'roster.csv'), ROSTER + '\n');
  await ok(['import', 'roster', path.join(dir, 'roster.csv'), '--as-of', '2026-11-01']);
  await ok(['config', 'set', 'officer', '张明']);
});

describe('1. a guarantor’s signature never restarts the borrower’s debt', async () => {
  it('a signed guarantor notice is the guarantor’s: the borrower stays deceased, the clock unmoved, the guarantor’s own limitation starts', async () => {
    const notice = json(cli(['notice', 'issue', '--loan', 'K-3', '--type', 'guarantor', '--date', '2026-11-10', '--json'], { db }));
    await ok(['borrower', 'set', 'K-3', '--deceased', '2026-10-15', '--heir', '乙子', '--heir-known', '2026-10-20']);
    okBin(['visit', 'log', '--loan', 'K-3', '--outcome', 'notice-signed', '--notice-no', notice.notice_no, '--date', '2026-11-20']);
    const c = json(cli(['loan', 'clock', 'K-3', '--json'], { db }));
    expect(c.last_interruption).toBeNull();
    expect(c.expires).toBe('2029-10-01');
    expect(c.events[0]).toMatchObject({ actor: 'guarantor', effect: 'not-the-borrower' });
    expect(c.guarantee).toMatchObject({ type: 'joint', type_source: 'roster', state: 'limitation-running', acted_on: '2026-11-20', limitation_ends: '2029-11-20' });
    expect(json(await runInProcess(['borrower', 'show', 'K-3', '--json'], { db }))).toMatchObject({ status: 'deceased' });
  });
  it('--signed-by guarantor on a loan with no guarantor is refused, naming the flag, and nothing is saved', async () => {
    const before = snapshot(db);
    const r = cli(['visit', 'log', '--loan', 'K-1', '--outcome', 'notice-signed', '--signed-by', 'guarantor', '--date', '2026-11-20'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--signed-by guarantor');
    expect(snapshot(db)).toBe(before);
  });
});

describe('2. one person’s signature never extends another’s loan', async () => {
  it('the father signs and promises: his loan restarts, his son’s separate loan in the same household does not', async () => {
    await ok(['visit', 'log', '--borrower', '癸父', '--outcome', 'notice-signed,intent', '--promise-amount', '100', '--promise-date', '2026-12-01', '--date', '2026-11-20']);
    expect(await clock('K-1')).toMatchObject({ expires: '2029-11-20', last_interruption: { kind: 'signed-promise', date: '2026-11-20' } });
    const son = await clock('K-2');
    expect(son.events).toEqual([]);
    expect(son).toMatchObject({ status: 'expired', expires: '2026-06-01' });
  });
});

describe('3. agreement to pay after expiry is a waiver', async () => {
  it('a signature with a promise after expiry starts a new period and puts the loan on the agenda', async () => {
    expect(await clock('K-4')).toMatchObject({ status: 'expired', expires: '2022-01-10' });
    await ok(['visit', 'log', '--loan', 'K-4', '--outcome', 'notice-signed,intent', '--promise-amount', '200', '--promise-date', '2026-12-20', '--date', '2026-11-18']);
    const c = await clock('K-4');
    expect(c).toMatchObject({ status: 'running', expires: '2029-11-18', waived_on: '2026-11-18', rule: { code: 'waiver' } });
    expect(c.rule.en).toContain('art. 192');
    const agenda = json(await runInProcess(['agenda', '--json'], { db }));
    const reasons = agenda.households.flatMap((h: { reasons: { kind: string; loan_no?: string; how?: string }[] }) => h.reasons);
    expect(reasons).toContainEqual({ kind: 'after-expiry', loan_no: 'K-4', how: 'waived', on: '2026-11-18' });
  });
  it('a bare signature after expiry stays a reconfirmation to check, with no new date, in the limitation report too', async () => {
    const other = path.join(dir, 'bare.db');
    fs.copyFileSync(db, other);
    for (const s of ['-wal', '-shm']) if (fs.existsSync(db + s)) fs.copyFileSync(db + s, other + s);
    await ok(['visit', 'log', '--loan', 'K-2', '--outcome', 'notice-signed', '--date', '2026-11-19'], other);
    expect(await clock('K-2', other)).toMatchObject({ status: 'reconfirmed', expires: '2026-06-01', reconfirmed_on: '2026-11-19', waived_on: null });
    const rep = json(await runInProcess(['report', 'limitation', '--status', 'reconfirmed', '--json'], { db: other }));
    expect(rep.loans.map((l: { loan_no: string }) => l.loan_no)).toEqual(['K-2']);
  });
});

describe('4. acceleration moves the start', async () => {
  it('an acceleration notice signed before the due date starts the period at the signing', async () => {
    const n = json(await runInProcess(['notice', 'issue', '--loan', 'K-5', '--type', 'acceleration', '--date', '2024-02-20', '--json'], { db }));
    await ok(['visit', 'log', '--loan', 'K-5', '--outcome', 'notice-signed', '--notice-no', n.notice_no, '--date', '2024-03-01']);
    expect(await clock('K-5')).toMatchObject({ start: '2024-03-01', start_reason: 'acceleration', expires: '2027-03-01', outer_limit: '2044-03-01' });
  });
  it('loan mark --accelerated does the same, and voiding the mark undoes it', async () => {
    const m = json(await runInProcess(['loan', 'mark', 'K-8', '--accelerated', '2025-02-01', '--json'], { db }));
    expect(await clock('K-8')).toMatchObject({ start: '2025-02-01', expires: '2028-02-01' });
    const r = await runInProcess(['loan', 'mark', 'void', String(m.id), '--reason', '录错', '--officer', '李四', '--json'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: m.id, already_void: false });
    expect(query(db, `SELECT voided_by, reason FROM fact_voids ORDER BY id DESC LIMIT 1`)).toEqual([{ voided_by: '李四', reason: '录错' }]);
    expect(await clock('K-8')).toMatchObject({ start: '2028-01-01', expires: '2031-01-01' });
  });
});

describe('5. a public notice interrupts only for a missing borrower, in national or provincial media', async () => {
  it('a county paper about a borrower who refused at home does not interrupt; national media after "not found" does', async () => {
    await ok(['visit', 'log', '--loan', 'K-6', '--outcome', 'not-signed', '--reason', 'refused', '--date', '2025-01-10']);
    await ok(['loan', 'mark', 'K-6', '--public-notice', '2025-05-20', '--medium', 'other', '--note', '县报']);
    await ok(['loan', 'mark', 'K-6', '--public-notice', '2025-05-21', '--medium', 'national']);
    let c = await clock('K-6');
    expect(c.expires).toBe('2027-05-06');
    expect(c.events.filter((e: { kind: string }) => e.kind === 'public-notice').map((e: { effect: string }) => e.effect)).toEqual(['does-not-interrupt', 'does-not-interrupt']);
    await ok(['visit', 'log', '--loan', 'K-6', '--outcome', 'not-signed', '--reason', 'not-found', '--date', '2025-06-01']);
    await ok(['loan', 'mark', 'K-6', '--public-notice', '2025-07-01', '--medium', 'national', '--note', '人民法院报']);
    c = await clock('K-6');
    expect(c).toMatchObject({ expires: '2028-07-01', last_interruption: { kind: 'public-notice', date: '2025-07-01' } });
  });
  it('a public notice with no medium is a usage error naming the flag; nothing saved', async () => {
    const before = snapshot(db);
    const r = cli(['loan', 'mark', 'K-6', '--public-notice', '2025-08-01'], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--medium');
    expect(snapshot(db)).toBe(before);
  });
});

describe('6. the guarantee period and the guarantor’s own limitation', async () => {
  it('an agreed end not later than the due date is treated as not agreed: six months', async () => {
    expect((await clock('K-7')).guarantee).toMatchObject({ ends: '2024-06-10', source: 'not-later-than-due', type: 'general', state: 'released' });
  });
});

describe('7. after a judgment the deadline is the enforcement application', async () => {
  it('filed, then judgment with perform-by: the clock shows perform-by + 2 years; enforcement in time', async () => {
    await ok(['loan', 'legal', 'K-2', '--stage', 'filed', '--date', '2025-01-10', '--court', '某县人民法院', '--case-no', '(2025)桂0123民初1号']);
    expect(await clock('K-2')).toMatchObject({ expires: '2028-01-10', deadline_kind: 'limitation' });
    await ok(['loan', 'legal', 'K-2', '--stage', 'judgment', '--date', '2025-06-01', '--perform-by', '2025-06-30']);
    const c = await clock('K-2');
    expect(c).toMatchObject({ expires: '2027-06-30', deadline_kind: 'enforcement-application', judgment: { date: '2025-06-01', perform_by: '2025-06-30' } });
    expect(c.rule.en).toContain('Civil Procedure Law art. 250');
    const text = cli(['loan', 'clock', 'K-2'], { db }).stdout;
    expect(text).toContain('apply for enforcement by 2027-06-30');
  });
  it('stages out of order are refused, naming the flag; nothing saved', async () => {
    const before = snapshot(db);
    const early = await runInProcess(['loan', 'legal', 'K-1', '--stage', 'judgment', '--date', '2025-06-01'], { db });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--stage');
    const perform = await runInProcess(['loan', 'legal', 'K-2', '--stage', 'judgment', '--date', '2025-07-01', '--perform-by', '2025-06-01'], { db });
    expect(perform.code).toBe(2);
    expect(perform.stderr).toContain('--perform-by');
    expect(snapshot(db)).toBe(before);
  });
  it('enforcement applied for: the loan is "enforcing"', async () => {
    await ok(['loan', 'legal', 'K-2', '--stage', 'enforcement', '--date', '2025-09-01']);
    expect(await clock('K-2')).toMatchObject({ status: 'enforcing', enforcement_applied_on: '2025-09-01' });
  });
});

describe('marks and legal events travel like visits', async () => {
  it('a second laptop merging the roster and the changes computes the same clocks; a void travels too', async () => {
    const legalId = json(await runInProcess(['loan', 'legal', 'K-1', '--stage', 'referred', '--date', '2026-11-21', '--json'], { db })).id;
    await ok(['loan', 'legal', 'void', String(legalId), '--reason', '重复登记']);
    const roster = path.join(dir, 'roster.fvb');
    const changes = path.join(dir, 'changes.fvb');
    okBin(['export', '--roster', '--township', '甲镇', '--with-ids', '--out', roster]);
    okBin(['export', '--all', '--out', changes]);
    const other = path.join(tmpDir('fv-clock2-'), 'laptop.db');
    okBin(['merge', roster, changes], other);
    for (const loan of ['K-1', 'K-2', 'K-3', 'K-4', 'K-5', 'K-6', 'K-7', 'K-8']) {
      const a = await clock(loan);
      const b = await clock(loan, other);
      expect(b.steps, loan).toEqual(a.steps);
      expect(b.guarantee, loan).toEqual(a.guarantee);
    }
    // Merging again changes nothing.
    const again = snapshot(other);
    await ok(['merge', roster, changes], other);
    expect(snapshot(other).replace(/merged_bundles:.*\n?/, '')).toBe(again.replace(/merged_bundles:.*\n?/, ''));
  });
});

describe('a guarantor notice for a guarantor who is released', async () => {
  it('warns and asks for --force; with it, the notice is issued', async () => {
    // K-7's guarantor 保人辛: general guarantee, period ended 2024-06-10 with no lawsuit: released (art. 693).
    const before = snapshot(db);
    const r = await runInProcess(['notice', 'issue', '--loan', 'K-7', '--type', 'guarantor'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is released');
    expect(r.stderr).toContain('--force');
    expect(snapshot(db)).toBe(before);
    expect((await runInProcess(['notice', 'issue', '--loan', 'K-7', '--type', 'guarantor', '--force', '--json'], { db })).code).toBe(0);
  });
});
