// Promises kept / partly kept / broken as days pass, promise list filters, and the notice register (issue, sign, outstanding).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, runInProcess, sampleDb, tmpDir } from '../helpers.js';
import { noticeSeries, isValidSeries } from '../../src/domain/notice.js';

let base: string;
beforeAll(() => {
  base = sampleDb({ visits: true });
});
function fresh(): string {
  const f = path.join(tmpDir(), 'p.db');
  fs.copyFileSync(base, f);
  return f;
}
const on = (day: string) => ({ env: { FIELDVISIT_TODAY: day } });

describe('promises as days pass', () => {
  it('open until the date, then kept, partly kept or broken; broken counts per household', async () => {
    const db = fresh();
    const log = (day: string, ...a: string[]) => runInProcess(['visit', 'log', '--officer', '张明', ...a], { db, ...on(day) });
    // Three households promise 500 by 2026-11-25.
    for (const loan of ['WS-2022-0009', 'WS-2023-0010', 'WS-2022-0011']) {
      expect((await log('2026-11-22', '--loan', loan, '--outcome', 'intent', '--promise-amount', '500', '--promise-date', '2026-11-25')).code).toBe(0);
    }
    expect((await log('2026-11-24', '--loan', 'WS-2022-0009', '--outcome', 'cash', '--principal', '400', '--interest', '100')).code).toBe(0);
    expect((await log('2026-11-25', '--loan', 'WS-2023-0010', '--outcome', 'cash', '--principal', '200')).code).toBe(0);
    const status = async (day: string) =>
      Object.fromEntries(
        JSON.parse((await runInProcess(['promise', 'list', '--json'], { db, ...on(day) })).stdout)
          .filter((p: { borrower: string }) => ['盘石生', '房金福', '沈有才'].includes(p.borrower))
          .map((p: { borrower: string; status: string; paid_by_date_fen: number }) => [p.borrower, `${p.status}:${p.paid_by_date_fen}`]),
      );
    expect(await status('2026-11-23')).toEqual({ 盘石生: 'open:0', 房金福: 'open:0', 沈有才: 'open:0' });
    expect(await status('2026-11-25')).toEqual({ 盘石生: 'kept:50000', 房金福: 'open:20000', 沈有才: 'open:0' });
    expect(await status('2026-11-26')).toEqual({ 盘石生: 'kept:50000', 房金福: 'partly-kept:20000', 沈有才: 'broken:0' });
    // Paying after the date does not mend a broken promise.
    expect((await log('2026-11-27', '--loan', 'WS-2022-0011', '--outcome', 'cash', '--principal', '500')).code).toBe(0);
    expect((await status('2026-11-27'))['沈有才']).toBe('broken:0');

    const broken = JSON.parse((await runInProcess(['promise', 'list', '--broken', '--json'], { db, ...on('2026-11-27') })).stdout);
    expect(broken.map((p: { borrower: string }) => p.borrower).sort()).toEqual(['房生二企', '房石头', '房老四', '房金福', '沈有才', '盘贵才', '盘金生'].sort());
    expect(broken.every((p: { broken_count: number }) => p.broken_count >= 1)).toBe(true);
    const open = JSON.parse((await runInProcess(['promise', 'list', '--open', '--json'], { db, ...on('2026-11-27') })).stdout);
    expect(open.map((p: { borrower: string }) => p.borrower)).toEqual(['房六贵', '沈双郎', '房买些社二企']);
  });

  it('--due-within lists open promises due soon; the table shows status and counts', async () => {
    const db = base;
    const soon = JSON.parse((await runInProcess(['promise', 'list', '--due-within', '4', '--json'], { db })).stdout);
    expect(soon.map((p: { borrower: string }) => p.borrower)).toEqual(['房生二企', '房石头']);
    const txt = await runInProcess(['promise', 'list'], { db, lang: 'zh' });
    expect(txt.stdout).toMatch(/盘金生.*600\.00.*2026-11-05.*400\.00.*部分兑现.*1/);
    expect(txt.stdout).toMatch(/共 9 项承诺，合计 4,600\.00 元/);
    expect((await runInProcess(['promise', 'list', '--due-within', 'soon'], { db })).code).toBe(2);
    expect((await runInProcess(['promise', 'list', '--open', '--broken'], { db })).code).toBe(2);
  });
});

describe('notice register', () => {
  it('numbers per township and year, fills from the loan, links sign-backs, lists outstanding', async () => {
    const db = fresh();
    const issue = async (...a: string[]) => JSON.parse((await runInProcess(['notice', 'issue', ...a, '--json'], { db })).stdout);
    const a = await issue('--loan', 'WS-2022-0001', '--type', 'overdue-loan');
    expect(a).toMatchObject({ notice_no: '涡水镇-2026-0001', type: 'overdue-loan', issued_on: '2026-11-22', borrower: '房六贵', principal_fen: 150000, interest_fen: 18000, status: 'outstanding' });
    // The sample's guarantor is released: --force (issue 11).
    expect((await issue('--loan', 'WS-2022-0002', '--type', 'guarantor', '--force')).notice_no).toBe('涡水镇-2026-0002');
    expect((await issue('--loan', 'XP-2023-0032', '--type', 'matured-loan')).notice_no).toBe('香坪镇-2026-0001');
    expect((await issue('--loan', 'WS-2022-0004', '--type', 'interest-reminder', '--date', '2025-12-30')).notice_no).toBe('涡水镇-2025-0001');

    const signed = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--notice-no', '涡水镇-2026-0001', '--signed-by', 'relative', '--relation', '妻子', '--officer', '张明'], { db });
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stderr).toBe('');
    const ext = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'notice-signed', '--notice-no', 'OLD-17', '--officer', '张明'], { db });
    expect(ext.code).toBe(0);
    expect(ext.stderr).toMatch(/OLD-17 is not in the register: recorded as an external notice/);

    const list = JSON.parse((await runInProcess(['notice', 'list', '--json'], { db })).stdout);
    expect(list.find((n: { notice_no: string }) => n.notice_no === '涡水镇-2026-0001')).toMatchObject({ status: 'signed', signed_on: '2026-11-22', signed_by: 'relative', relation: '妻子' });
    expect(list.find((n: { notice_no: string }) => n.notice_no === 'OLD-17')).toMatchObject({ status: 'signed', external: true });
    const outstanding = JSON.parse((await runInProcess(['notice', 'list', '--outstanding', '--json'], { db })).stdout);
    expect(outstanding.map((n: { notice_no: string }) => n.notice_no)).toEqual(['涡水镇-2025-0001', '涡水镇-2026-0002', '香坪镇-2026-0001']);
    const txt = await runInProcess(['notice', 'list'], { db });
    expect(txt.stdout).toMatch(/5 notices, 3 outstanding/);

    // Voiding the sign-back visit makes the number outstanding again.
    const vid = query(db, `SELECT visit_id FROM visit_outcomes WHERE notice_no = '涡水镇-2026-0001'`)[0].visit_id;
    expect((await runInProcess(['visit', 'void', String(vid), '--reason', 'wrong loan', '--officer', '张明'], { db })).code).toBe(0);
    expect(JSON.parse((await runInProcess(['notice', 'list', '--outstanding', '--json'], { db })).stdout)).toHaveLength(4);
  });

  it('a configured series, text and HTML output with two copies', async () => {
    const db = fresh();
    expect((await runInProcess(['config', 'set', 'notice-series', 'WS{year}-{seq}'], { db })).code).toBe(0);
    expect((await runInProcess(['config', 'set', 'notice-series', 'no-seq'], { db })).code).toBe(2);
    const t = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], { db, lang: 'zh' });
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/催收逾期贷款本息通知书（借款人留存联）\n编号: WS2026-1/);
    expect(t.stdout).toMatch(/回执联[\s\S]*借款人（签字）/);
    const out = path.join(tmpDir(), 'n.html');
    const h = await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'guarantor', '--out', out, '--force'], { db, lang: 'zh' });
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toMatch(/已发出通知书 WS2026-2/);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/size: A4/);
    expect(html.match(/<section class="copy">/g)).toHaveLength(2);
    expect(html).toMatch(/房生三：/); // the guarantor is addressed
    expect(html).not.toMatch(/https?:\/\//);
    expect((await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'reminder'], { db })).code).toBe(2);
    expect((await runInProcess(['notice', 'issue', '--loan', 'NOPE', '--type', 'guarantor'], { db })).code).toBe(1);
    expect((await runInProcess(['notice', 'issue', '--type', 'guarantor'], { db })).code).toBe(2);
  });

  it('series patterns', () => {
    const s = noticeSeries('{township}-{year}-{seq:4}', '涡水镇', '2026');
    expect(s.format(7)).toBe('涡水镇-2026-0007');
    expect(s.seqRe.exec('涡水镇-2026-0123')?.[1]).toBe('0123');
    expect(s.seqRe.test('涡水镇-2025-0123')).toBe(false);
    expect(isValidSeries('{township}({year})No.{seq:3}')).toBe(true);
    expect(noticeSeries('{township}({year})No.{seq:3}', 'A', '2026').seqRe.test('A(2026)No.012')).toBe(true);
    expect(isValidSeries('{seq}{seq}')).toBe(false);
    expect(isValidSeries('{town}-{seq}')).toBe(false);
  });
});
