// Notices as printed documents, run in-process on real database files: golden text and HTML in both languages (lender, capitals,
// written dates, pay-by, wording), the guarantor's own address, --pay-by checks, and --force for a same-day repeat.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, query, runInProcess, sampleDb, snapshot, tmpDir, succeeded } from '../helpers.js';
import { goldenIn } from '../golden.js';
import { CHROMIUM, runChromium } from '../browser.js';

let base: string;

const golden = goldenIn('notices', 'test/cli/notices.test.ts');

const must = async (args: string[], db: string) => succeeded(args, await runInProcess(args, { db }));

/** A fresh copy of the sample register with a letterhead, so every test draws the same numbers. */
function fresh(): string {
  const to = path.join(tmpDir(), 'n.db');
  fs.copyFileSync(base, to);
  return to;
}

beforeAll(async () => {
  base = sampleDb();
  for (const [k, v] of [
    ['institution', '某某县农村信用合作联社'],
    ['branch', '涡水信用社'],
    ['phone', '0771-5551234'],
    ['address', '涡水镇新街18号'],
  ]) await must(['config', 'set', k!, v!], base);
  // The roster again for one loan, now with the guarantor's address (the same row otherwise: nothing else moves).
  const csv = path.join(tmpDir(), 'g.csv');
  fs.writeFileSync(
    csv,
    'township,village,group,household,borrower,loan_no,principal,interest,guarantor,保证人住址\n涡水镇,马头冲村委,马头冲一组,房生二企,房生二企,WS-2022-0002,1200.00,150.00,房生三,涡水镇马头冲村委马头冲二组12号\n',
  );
  await must(['import', 'roster', csv, '--as-of', '2026-11-13'], base);
});

describe('notice golden output', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`overdue-loan with --pay-by, text (${lang})`, async () => {
      const db = fresh();
      const r = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--pay-by', '2026-12-15', '--lang', lang], { db });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      golden(`overdue-loan.${lang}.txt`, r.stdout);
    });

    it(`overdue-loan with --pay-by, HTML (${lang})`, async () => {
      const db = fresh();
      const out = path.join(tmpDir(), 'n.html');
      const r = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--pay-by', '2026-12-15', '--out', out, '--lang', lang], { db });
      expect(r.code, r.stderr).toBe(0);
      golden(`overdue-loan.${lang}.html`, fs.readFileSync(out, 'utf8'));
    });

    it(`guarantor, without --pay-by, text (${lang})`, async () => {
      const db = fresh();
      // The sample's guarantor 房生三 is released (period ended 2024-06-01, art. 693): a guarantor notice needs --force (issue 11).
      const r = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'guarantor', '--lang', lang, '--force'], { db });
      expect(r.code, r.stderr).toBe(0);
      golden(`guarantor.${lang}.txt`, r.stdout);
    });
  }
});

describe('what a notice says', () => {
  it('the lender, the amounts in figures and capitals, written dates, the pay-by date and the contact details', async () => {
    const db = fresh();
    const zh = (await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--pay-by', '2026-12-15', '--lang', 'zh'], { db })).stdout;
    expect(zh).toContain('与某某县农村信用合作联社涡水信用社（以下简称“贷款人”）签订借款合同（合同编号：WS-2022-0001）');
    expect(zh).toContain('借款本金人民币1,500.00元（大写：壹仟伍佰元整）');
    expect(zh).toContain('利息人民币180.00元（大写：壹佰捌拾元整）');
    expect(zh).toContain('合计人民币1,680.00元（大写：壹仟陆佰捌拾元整）');
    expect(zh).toContain('已于2023年3月10日到期');
    expect(zh).toContain('请您于2026年12月15日前归还全部欠款本息');
    expect(zh).toContain('联系电话：0771-5551234　联系地址：涡水镇新街18号');
    expect(zh).toContain('贷款人（盖章）：某某县农村信用合作联社涡水信用社　　2026年11月22日');
    expect(zh).not.toMatch(/我社（行）|\d{4}-\d{2}-\d{2}/); // no ISO dates on the printed notice
    const row = query(db, `SELECT pay_by FROM notices WHERE notice_no = '涡水镇-2026-0001'`)[0];
    expect(row.pay_by).toBe('2026-12-15');
  });

  it('each of the seven types has its own wording: what is owed, the contract, the consequence, the receipt', async () => {
    const db = fresh();
    const bodies = new Set<string>();
    const types = ['interest-reminder', 'overdue-interest', 'overdue-loan', 'maturity-reminder', 'matured-loan', 'guarantor', 'acceleration'];
    for (const type of types) {
      // The sample's guarantor is released: the guarantor notice needs --force (issue 11).
      const r = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', type, '--lang', 'zh', ...(type === 'guarantor' ? ['--force'] : [])], { db });
      expect(r.code, r.stderr).toBe(0);
      const body = r.stdout.split('\n').filter((l) => l.startsWith('  ') && l.length > 40).join('\n');
      expect(body, type).toContain('合同编号：WS-2022-0002');
      expect(body, type).toContain('大写：');
      expect(body, type).toMatch(/贷款人将/); // the consequence
      expect(body, type).toContain('请您在回执联上签字');
      bodies.add(body);
    }
    expect(bodies.size).toBe(types.length);
    const en = (await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'acceleration', '--lang', 'en'], { db })).stdout;
    expect(en).toContain('declares the loan due on 22 November 2026, ahead of its term');
    expect(en).toContain('RMB 1,500.00 (壹仟伍佰元整)');
    expect(en).toContain('within 15 days of receiving this notice');
  });

  it('a guarantor notice goes to the guarantor at the guarantor’s own address', async () => {
    const db = fresh();
    expect(query(db, `SELECT guarantor_address FROM loans WHERE loan_no = 'WS-2022-0002'`)[0].guarantor_address).toBe('涡水镇马头冲村委马头冲二组12号');
    const out = path.join(tmpDir(), 'g.html');
    await must(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'guarantor', '--out', out, '--lang', 'zh', '--force'], db);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<p class="to">房生三：</p>');
    expect(html).toContain('<tr><th>保证人地址</th><td>涡水镇马头冲村委马头冲二组12号</td></tr>');
    expect(html).toContain('<tr><th>借款人住址</th><td>涡水镇马头冲村委马头冲一组</td></tr>');
    expect(html).toContain('保证人（签字）');
    expect(html.match(/<section class="copy">/g)).toHaveLength(2);
    expect(html).not.toMatch(/https?:\/\/|<script/);
  });

  // Reported as skipped (not passed) where no Chromium is installed; CI installs it.
  it.skipIf(!CHROMIUM)('the notice fits one A4 page in a real browser (both copies)', async () => {
    const db = fresh();
    for (const lang of ['zh', 'en']) {
      const dir = tmpDir('fv-notice-pdf-');
      const html = path.join(dir, 'n.html');
      await must(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'guarantor', '--pay-by', '2026-12-31', '--out', html, '--lang', lang, '--force'], db);
      const pdf = path.join(dir, 'n.pdf');
      runChromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href]);
      const bytes = fs.readFileSync(pdf).toString('latin1');
      expect(bytes.match(/\/Type\s*\/Page[^s]/g), lang).toHaveLength(1);
    }
  }, 120000);
});

describe('--pay-by and --force', () => {
  it('refuses a pay-by date before the issue date, or not a date, drawing no number', async () => {
    const db = fresh();
    const before = snapshot(db);
    const early = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--date', '2026-11-20', '--pay-by', '2026-11-19'], { db });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/--pay-by \(2026-11-19\) is before the issue date \(2026-11-20\)/);
    expect((await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--pay-by', 'soon'], { db })).code).toBe(2);
    expect(snapshot(db)).toBe(before);
    // The issue day itself is allowed.
    expect(json(await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--pay-by', '2026-11-22', '--json'], { db })).pay_by).toBe('2026-11-22');
  });

  it('a second notice of the same type for the same loan on the same day needs --force', async () => {
    const db = fresh();
    const first = json(await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--json'], { db }));
    const before = snapshot(db);
    const out = path.join(tmpDir(), 'again.html');
    const again = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--out', out], { db });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(first.notice_no);
    expect(again.stderr).toMatch(/--force/);
    expect(snapshot(db)).toBe(before); // nothing drawn
    expect(fs.existsSync(out)).toBe(false);
    // Another type, another day or another loan is no repeat.
    expect((await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'matured-loan'], { db })).code).toBe(0);
    expect((await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--date', '2026-11-21'], { db })).code).toBe(0);
    const forced = json(await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--force', '--json'], { db }));
    expect(forced.notice_no).toBe('涡水镇-2026-0004');
    // A void notice does not block a new one.
    await must(['notice', 'void', forced.notice_no, '--reason', 'printed twice', '--officer', '张明'], db);
    await must(['notice', 'void', first.notice_no, '--reason', 'wrong amount', '--officer', '张明'], db);
    expect((await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], { db })).code).toBe(0);
  });

  it('without an institution the notice says "the lender" and a warning says how to set it', async () => {
    const db = sampleDb();
    const r = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--lang', 'zh'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('您于2022年3月10日与贷款人签订借款合同');
    expect(r.stdout).toContain('贷款人（盖章）：__________');
    expect(r.stderr).toContain('config set institution');
  });
});
