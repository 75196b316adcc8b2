// Review fixes: notice issue refusals before a number is drawn, visit log/void checks, masked loan look-ups, dedupe keys.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, runInProcess, sampleDb, scriptedPrompter, snapshot, tmpDir } from '../helpers.js';

let base: string;
beforeAll(() => {
  base = sampleDb({ visits: true });
});
function fresh(): string {
  const f = path.join(tmpDir(), 'f.db');
  fs.copyFileSync(base, f);
  return f;
}
const notices = (db: string) => query(db, `SELECT count(*) AS n FROM notices`)[0].n as number;

describe('notice issue --out', () => {
  it('a path that cannot be written is refused before a number is drawn, in both languages', async () => {
    const db = fresh();
    const before = notices(db);
    const bad = path.join(tmpDir(), 'no-such-folder', 'n.html');
    const en = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--out', bad], { db });
    expect(en.code, en.stderr).toBe(1);
    expect(en.stderr).toMatch(/Cannot write .*n\.html .*check that the folder exists and is writable/);
    expect(en.stderr).not.toMatch(/internal|bug/i);
    const zh = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--out', tmpDir()], { db, lang: 'zh' });
    expect(zh.code, zh.stderr).toBe(1);
    expect(zh.stderr).toMatch(/无法写入.*请检查文件夹是否存在且可写/);
    expect(notices(db)).toBe(before);
    // The next good issue still takes the first number.
    const out = path.join(tmpDir(), 'n.txt');
    const ok = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--out', out, '--json'], { db });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).notice_no).toBe('涡水镇-2026-0001');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/涡水镇-2026-0001/);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['n.txt']);
  });
});

describe('notice issue --type guarantor', () => {
  it('a loan with no guarantor is refused before a number is drawn, naming the loan and the way out', async () => {
    const db = fresh();
    const before = snapshot(db);
    const en = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'guarantor'], { db });
    expect(en.code, en.stderr).toBe(1);
    expect(en.stderr).toMatch(/Loan WS-2022-0001 has no guarantor on record.*add the guarantor.*import the roster again/);
    const zh = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'guarantor'], { db, lang: 'zh' });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/贷款 WS-2022-0001 没有登记保证人.*再导入花名册/);
    expect(snapshot(db)).toEqual(before);
  });

  it('the guarantor signs the receipt of a guarantor notice, in both languages and both formats', async () => {
    const db = fresh();
    // The sample's guarantor is released (art. 693): --force (issue 11).
    const zh = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'guarantor', '--force'], { db, lang: 'zh' });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/（保证人留存联）/);
    expect(zh.stdout).toMatch(/保证人签收后/);
    expect(zh.stdout).toMatch(/回执联[\s\S]*保证人（签字）[\s\S]*代签人及与保证人关系/);
    expect(zh.stdout).not.toMatch(/借款人（签字）|借款人签收后|借款人留存联/);
    // Same loan, type and day again: --force (a same-day repeat is refused without it).
    const en = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'guarantor', '--force'], { db });
    expect(en.stdout).toMatch(/Guarantor \(signature\)/);
    expect(en.stdout).not.toMatch(/Borrower \(signature\)/);
    const out = path.join(tmpDir(), 'g.html');
    expect((await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'guarantor', '--force', '--out', out], { db, lang: 'zh' })).code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/保证人（签字）/);
    expect(html).not.toMatch(/借款人（签字）/);
    // Other notices are still signed by the borrower.
    const other = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'overdue-loan'], { db, lang: 'zh' });
    expect(other.stdout).toMatch(/借款人（签字）/);
  });
});

describe('interactive visit log with flags', () => {
  const wizard = (extra: { kind: 'input' | 'select' | 'checkbox' | 'confirm' | 'search'; match?: RegExp; answer: unknown }[]) =>
    scriptedPrompter([{ kind: 'select', match: /How was the contact made/, answer: 'visit' },{ kind: 'input', match: /Visit date/, answer: '' }, { kind: 'input', match: /Officer/, answer: '张明' }, ...extra]);

  it('--note and --escalate are in the summary the officer confirms, and are what is saved', async () => {
    const db = fresh();
    const r = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--note', '家中无人', '--escalate', '需村委协助', '--json'], {
      db,
      tty: true,
      prompter: wizard([
        { kind: 'checkbox', match: /Outcomes/, answer: ['note'] },
        { kind: 'confirm', match: /Save this visit/, answer: true },
      ]),
    });
    expect(r.code, r.stderr).toBe(0);
    // The summary is printed just before "Save this visit?".
    const summary = r.stderr.slice(r.stderr.indexOf('About to save'));
    expect(summary).toMatch(/Note: 家中无人/);
    expect(summary).toMatch(/For the supervisor: 需村委协助/);
    expect(JSON.parse(r.stdout)).toMatchObject({ note: '家中无人', escalate: '需村委协助' });
  });

  it('a data flag without --outcome is a usage error naming the flag, and nothing is asked or saved', async () => {
    const db = fresh();
    const before = snapshot(db);
    for (const [flag, value] of [['--principal', '300'], ['--promise-date', '2026-12-01'], ['--reason', 'away'], ['--notice-no', 'X-1']]) {
      const p = scriptedPrompter([]);
      const r = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', flag!, value!], { db, tty: true, prompter: p });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${flag} needs --outcome`);
      expect(p.asked).toEqual([]);
    }
    const zh = await runInProcess(['visit', 'log', '--principal', '300'], { db, tty: true, prompter: scriptedPrompter([]), lang: 'zh' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/--principal 只能与 --outcome cash 一起用/);
    expect(snapshot(db)).toEqual(before);
  });
});

describe('visit void needs an officer', () => {
  it('no --officer and no configured officer is a usage error naming both ways; the configured officer is used', async () => {
    const db = fresh();
    const id = String(query(db, `SELECT id FROM visits WHERE external_id = 'w47-18'`)[0].id);
    const before = snapshot(db);
    const r = await runInProcess(['visit', 'void', id, '--reason', 'wrong household'], { db });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--officer.*config set officer/);
    const zh = await runInProcess(['visit', 'void', id, '--reason', 'wrong household'], { db, lang: 'zh' });
    expect(zh.stderr).toMatch(/请用 --officer 写明是谁作废.*config set officer/);
    expect(snapshot(db)).toEqual(before);
    expect((await runInProcess(['config', 'set', 'officer', '李华'], { db })).code).toBe(0);
    expect((await runInProcess(['visit', 'void', id, '--reason', 'wrong household'], { db })).code).toBe(0);
    expect(query(db, `SELECT voided_by FROM visit_voids`)).toEqual([{ voided_by: '李华' }]);
  });
});

describe('import visits: rows that differ in any outcome field are not duplicates', () => {
  it('notice number, promised date, reason, where, who signed, note and escalate each make a row its own; the same file again adds nothing', async () => {
    const db = fresh();
    const file = path.join(tmpDir(), 'v.csv');
    const head = 'visit_date,loan_no,officer,outcome,principal_paid,interest_paid,promise_amount,promise_date,notice_no,signed_by,relation,reason,where,note,escalate';
    const rows = [
      '2026-11-20,WS-2022-0009,李华,notice-signed,,,,,N-1,,,,,,',
      '2026-11-20,WS-2022-0009,李华,notice-signed,,,,,N-2,,,,,,',
      '2026-11-20,WS-2022-0009,李华,notice-signed,,,,,N-2,relative,妻子,,,,',
      '2026-11-20,WS-2022-0009,李华,intent,,,500,2026-12-01,,,,,,,',
      '2026-11-20,WS-2022-0009,李华,intent,,,500,2026-12-15,,,,,,,',
      '2026-11-20,WS-2022-0009,李华,not-signed,,,,,,,,away,广州,,',
      '2026-11-20,WS-2022-0009,李华,not-signed,,,,,,,,away,深圳,,',
      '2026-11-20,WS-2022-0009,李华,not-signed,,,,,,,,refused,,,',
      '2026-11-20,WS-2022-0009,李华,note,,,,,,,,,,门锁着,',
      '2026-11-20,WS-2022-0009,李华,note,,,,,,,,,,邻居说去了县城,',
      '2026-11-20,WS-2022-0009,李华,note,,,,,,,,,,,需村委协助',
      // Exactly the row before: the one real duplicate.
      '2026-11-20,WS-2022-0009,李华,note,,,,,,,,,,,需村委协助',
    ];
    fs.writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const r = await runInProcess(['import', 'visits', file, '--json'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ visits_created: 11, duplicates_skipped: 1 });
    const again = await runInProcess(['import', 'visits', file, '--json'], { db });
    expect(JSON.parse(again.stdout)).toMatchObject({ visits_created: 0, duplicates_skipped: 12 });
  });

  it('a row with none of the new fields keeps the key it had (files imported before still match)', async () => {
    const { dedupeKey } = await import('../../src/domain/visit.js');
    const base = { loanNo: 'WS-1', visitDate: '2026-11-20', officer: '张明', outcomes: ['cash'], amounts: [100, 0, null] };
    expect(dedupeKey({ ...base, noticeNo: null, note: '', signedBy: undefined })).toBe(dedupeKey(base));
    expect(dedupeKey({ ...base, note: 'x' })).not.toBe(dedupeKey(base));
  });
});

describe('per-row statements are prepared once per connection', () => {
  it('databaseId and the balance check of a cash visit reuse their statement', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { databaseId } = await import('../../src/db/open.js');
    const { recordVisit } = await import('../../src/db/visits.js');
    const db = new Database(fresh());
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    for (let i = 0; i < 3; i++) databaseId(db);
    expect(prepared.filter((s) => s.includes(`key = 'database_id'`))).toHaveLength(1);
    const loan = query(db.name, `SELECT l.id, b.household_id AS hid, b.id AS bid FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.loan_no = 'WS-2022-0009'`)[0];
    for (let i = 0; i < 3; i++) {
      const r = recordVisit(
        db,
        { householdId: loan.hid, borrowerId: loan.bid, visitDate: '2026-11-20', officer: '张明', source: 'cli', createdAt: '2026-11-22T00:00:00Z', outcomes: [{ kind: 'cash', loanId: loan.id, principalFen: 100, interestFen: 0 }] },
        '2026-11-22',
      );
      expect(r.status).not.toBe('duplicate');
    }
    expect(prepared.filter((s) => s.includes('JOIN loan_balances lb ON lb.loan_id = l.id WHERE l.id = ?'))).toHaveLength(1);
    db.close();
  });
});
