// notice void and notice print, run in-process on real database files: the register keeps a void number, reprints keep the stored
// figures, and voids travel in bundles and merge in either order with the same result.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, query, runInProcess, sampleDb, snapshot, tmpDir, succeeded } from '../helpers.js';
import { SqliteDatabase } from '../../src/db/driver.js';
import { contentChecksum } from '../../src/db/bundle.js';

let base: string;

const must = async (args: string[], db: string) => succeeded(args, await runInProcess(args, { db }));

function fresh(): string {
  const to = path.join(tmpDir(), 'v.db');
  fs.copyFileSync(base, to);
  return to;
}

beforeAll(async () => {
  base = sampleDb();
  await must(['config', 'set', 'institution', '某某县农村信用合作联社'], base);
});

describe('notice void', () => {
  it('keeps the number in the register marked void, not outstanding; append-only', async () => {
    const db = fresh();
    await must(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], db);
    await must(['notice', 'issue', '--loan', 'WS-2022-0004', '--type', 'overdue-loan'], db);
    const r = await runInProcess(['notice', 'void', '涡水镇-2026-0001', '--reason', '金额有误', '--officer', '张明', '--lang', 'zh'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已作废通知书 涡水镇-2026-0001');
    const list = json(await runInProcess(['notice', 'list', '--json'], { db }));
    expect(list.find((n: { notice_no: string }) => n.notice_no === '涡水镇-2026-0001')).toMatchObject({
      status: 'void',
      void_reason: '金额有误',
      voided_by: '张明',
      voided_at: expect.any(String),
    });
    const outstanding = json(await runInProcess(['notice', 'list', '--outstanding', '--json'], { db }));
    expect(outstanding.map((n: { notice_no: string }) => n.notice_no)).toEqual(['涡水镇-2026-0002']);
    const text = (await runInProcess(['notice', 'list', '--lang', 'zh'], { db })).stdout;
    expect(text).toMatch(/已作废（金额有误）/);
    expect(text).toMatch(/共 2 份，未签回 1 份，已作废 1 份/);
    const csv = (await runInProcess(['notice', 'list', '--csv'], { db })).stdout;
    expect(csv.split('\r\n')[0]).toMatch(/,status,pay_by,voided_at,void_reason$/);
    // Voiding again changes nothing; the next notice takes a new number (numbers are never reused).
    const before = snapshot(db);
    const again = await runInProcess(['notice', 'void', '涡水镇-2026-0001', '--reason', 'x', '--officer', '张明'], { db });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already void/);
    expect(snapshot(db)).toBe(before);
    expect(json(await runInProcess(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--json'], { db })).notice_no).toBe('涡水镇-2026-0003');
  });

  it('refuses without a reason or an officer (exit 2) and an unknown number (exit 1), writing nothing', async () => {
    const db = fresh();
    await must(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], db);
    const before = snapshot(db);
    expect((await runInProcess(['notice', 'void', '涡水镇-2026-0001', '--officer', '张明'], { db })).code).toBe(2);
    expect((await runInProcess(['notice', 'void', '涡水镇-2026-0001', '--reason', 'x'], { db })).code).toBe(2);
    const unknown = await runInProcess(['notice', 'void', 'NOPE-1', '--reason', 'x', '--officer', '张明'], { db });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/notice list/);
    expect(snapshot(db)).toBe(before);
    // The configured officer stands in for --officer.
    await must(['config', 'set', 'officer', '李华'], db);
    await must(['notice', 'void', '涡水镇-2026-0001', '--reason', 'x'], db);
    expect(query(db, `SELECT voided_by FROM notice_voids`)[0].voided_by).toBe('李华');
  });

  it('signing back a void number warns; voiding a signed-back notice warns that the visit stands', async () => {
    const db = fresh();
    await must(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], db);
    await must(['notice', 'issue', '--loan', 'WS-2022-0004', '--type', 'overdue-loan'], db);
    await must(['notice', 'void', '涡水镇-2026-0001', '--reason', 'wrong amount', '--officer', '张明'], db);
    const signed = await runInProcess(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'notice-signed', '--notice-no', '涡水镇-2026-0001', '--officer', '张明'], { db });
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stderr).toMatch(/notice 涡水镇-2026-0001 is void \(wrong amount\)/);
    await must(['visit', 'log', '--loan', 'WS-2022-0004', '--outcome', 'notice-signed', '--notice-no', '涡水镇-2026-0002', '--officer', '张明'], db);
    const v = await runInProcess(['notice', 'void', '涡水镇-2026-0002', '--reason', 'x', '--officer', '张明'], { db });
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(/was signed back on 2026-11-22 \(visit #\d+\): that visit still stands/);
    expect(json(await runInProcess(['notice', 'list', '--json'], { db })).every((n: { status: string }) => n.status === 'void')).toBe(true);
  });
});

describe('notice print', () => {
  it('reprints the same number with the figures stored at issue, marked 补打 with the date', async () => {
    const db = fresh();
    await must(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--pay-by', '2026-12-15', '--date', '2026-11-20'], db);
    // Cash since then changes the balance, not the notice.
    await must(['visit', 'log', '--loan', 'WS-2022-0001', '--outcome', 'cash', '--principal', '500', '--interest', '80', '--officer', '张明'], db);
    const before = snapshot(db);
    const r = await runInProcess(['notice', 'print', '涡水镇-2026-0001', '--lang', 'zh'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('编号: 涡水镇-2026-0001');
    expect(r.stdout).toContain('补打（补打日期：2026年11月22日，原发出日期：2026年11月20日）');
    expect(r.stdout).toContain('借款本金人民币1,500.00元（大写：壹仟伍佰元整）');
    expect(r.stdout).toContain('请您于2026年12月15日前');
    expect(r.stdout).not.toContain('1,000.00');
    expect(snapshot(db)).toBe(before); // nothing drawn, nothing written
    const out = path.join(tmpDir(), 'reprint.html');
    const h = await runInProcess(['notice', 'print', '涡水镇-2026-0001', '--out', out, '--lang', 'en'], { db });
    expect(h.code, h.stderr).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Reprint (printed 22 November 2026; first issued 20 November 2026)');
    expect(html.match(/<section class="copy">/g)).toHaveLength(2);
    expect(snapshot(db)).toBe(before);
  });

  it('refuses a void, an external or an unknown number', async () => {
    const db = fresh();
    await must(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], db);
    await must(['notice', 'void', '涡水镇-2026-0001', '--reason', 'wrong', '--officer', '张明'], db);
    const v = await runInProcess(['notice', 'print', '涡水镇-2026-0001'], { db });
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/is void \(wrong\)/);
    await must(['visit', 'log', '--loan', 'WS-2022-0009', '--outcome', 'notice-signed', '--notice-no', 'OLD-17', '--officer', '张明'], db);
    expect((await runInProcess(['notice', 'print', 'OLD-17'], { db })).code).toBe(1);
    expect((await runInProcess(['notice', 'print', 'NOPE'], { db })).code).toBe(1);
  });
});

describe('voids between laptops', () => {
  /** A laptop: the supervisor's roster, the same database id never shared. */
  async function laptop(roster: string): Promise<string> {
    const db = path.join(tmpDir(), 'laptop.db');
    await must(['merge', roster], db);
    return db;
  }
  const register = async (db: string) =>
    json(await runInProcess(['notice', 'list', '--json'], { db })).map((n: Record<string, unknown>) => [n.notice_no, n.status, n.void_reason, n.voided_by, n.voided_at, n.pay_by]);

  it('a void travels, and void-then-notice or notice-then-void merge to the same register', async () => {
    const office = fresh();
    const dir = tmpDir('fv-nv-');
    const roster = path.join(dir, 'roster.fvb');
    await must(['export', '--roster', '--township', '涡水镇', '--out', roster], office);
    await must(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan', '--pay-by', '2026-12-01'], office);
    await must(['notice', 'issue', '--loan', 'WS-2022-0004', '--type', 'overdue-loan'], office);
    const notices = path.join(dir, 'notices.fvb');
    await must(['export', '--to', 'laptops', '--out', notices], office);
    await must(['notice', 'void', '涡水镇-2026-0001', '--reason', '金额有误', '--officer', '张明'], office);
    const voids = path.join(dir, 'voids.fvb');
    await must(['export', '--to', 'laptops', '--out', voids], office);
    expect(query(voids, `SELECT notice_no, reason, voided_by FROM notice_voids`)).toEqual([{ notice_no: '涡水镇-2026-0001', reason: '金额有误', voided_by: '张明' }]);
    expect(query(voids, `SELECT count(*) AS n FROM notices`)[0].n).toBe(0);

    const a = await laptop(roster);
    await must(['merge', voids], a);
    expect(query(a, `SELECT count(*) AS n FROM notice_voids`)[0].n).toBe(1); // kept while its notice is not here yet
    await must(['merge', notices], a);
    const b = await laptop(roster);
    await must(['merge', notices], b);
    await must(['merge', voids], b);
    expect(await register(a)).toEqual(await register(b));
    expect(await register(a)).toEqual(await register(office));
    expect((await register(a)).find((r: unknown[]) => r[0] === '涡水镇-2026-0001')).toEqual(['涡水镇-2026-0001', 'void', '金额有误', '张明', expect.any(String), '2026-12-01']);
    // Merging again changes nothing.
    const before = snapshot(a);
    await must(['merge', voids, notices], a);
    expect(query(a, `SELECT count(*) AS n FROM notice_voids`)[0].n).toBe(1);
    expect(snapshot(a).replace(/merged_bundles:.*\n?/, '')).toBe(before.replace(/merged_bundles:.*\n?/, ''));
  });

  it('a roster bundle carries the guarantor address, the notices with their pay-by date and their voids', async () => {
    const office = fresh();
    const csv = path.join(tmpDir(), 'g.csv');
    fs.writeFileSync(
      csv,
      'township,village,group,household,borrower,loan_no,principal,interest,guarantor,guarantor_address\n涡水镇,马头冲村委,马头冲一组,房生二企,房生二企,WS-2022-0002,1200.00,150.00,房生三,马头冲二组12号\n',
    );
    await must(['import', 'roster', csv, '--as-of', '2026-11-13'], office);
    await must(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'guarantor', '--pay-by', '2026-12-20', '--force'], office);
    await must(['notice', 'void', '涡水镇-2026-0001', '--reason', 'wrong', '--officer', '张明'], office);
    const roster = path.join(tmpDir(), 'r.fvb');
    await must(['export', '--roster', '--township', '涡水镇', '--out', roster], office);
    const l = await laptop(roster);
    expect(query(l, `SELECT guarantor_address FROM loans WHERE loan_no = 'WS-2022-0002'`)[0].guarantor_address).toBe('马头冲二组12号');
    expect(await register(l)).toEqual(await register(office));
  });

  it('a bundle made before notice voids and pay-by existed still verifies and merges', async () => {
    const office = fresh();
    await must(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], office);
    const roster = path.join(tmpDir(), 'old.fvb');
    await must(['export', '--roster', '--township', '涡水镇', '--out', roster], office);
    // Make it look like a bundle from before migration 0007: no notice_voids table, no pay_by or guarantor_address
    // column, sealed with the checksum of that older layout. Bundles that old were not signed either (signing came
    // with migration 0006), so it carries no signature and is merged with --trust-once, as such a bundle must be.
    const b = new SqliteDatabase(roster);
    b.exec(`DROP TABLE notice_voids; ALTER TABLE notices DROP COLUMN pay_by; ALTER TABLE roster DROP COLUMN guarantor_address`);
    b.exec(`DELETE FROM manifest WHERE key IN ('signature', 'signer_key_id', 'signer_public_key')`);
    b.prepare(`UPDATE manifest SET value = ? WHERE key = 'checksum'`).run(JSON.stringify(contentChecksum(b)));
    b.close();
    const l = path.join(tmpDir(), 'laptop.db');
    await must(['merge', roster, '--trust-once'], l);
    expect(await register(l)).toEqual([['涡水镇-2026-0001', 'outstanding', null, null, null, null]]);
  });
});
