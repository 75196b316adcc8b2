// In-process checks of loan clock/mark, borrower set, agenda and the limitation, aging and officers reports on the sample data.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, sampleDb, snapshot, tmpDir } from '../helpers.js';
import { openDatabase } from '../../src/db/open.js';
import { voidVisit } from '../../src/db/visits.js';

let db: string;
beforeAll(() => {
  db = sampleDb({ visits: true });
});

function copyDb(): string {
  const target = path.join(tmpDir(), 'copy.db');
  for (const s of ['', '-wal']) if (fs.existsSync(db + s)) fs.copyFileSync(db + s, target + s);
  return target;
}
async function json(args: string[], file = db) {
  const r = await runInProcess(args, { db: file });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('loan clock', () => {
  it('房德 (never visited) expires 2026-12-10, within 30 days', async () => {
    const c = await json(['loan', 'clock', 'WS-2022-0024', '--json']);
    expect(c).toMatchObject({ loan_no: 'WS-2022-0024', due_date: '2023-12-10', expires: '2026-12-10', status: 'expiring', days_left: 18, events: [] });
    expect(c.rule.code).toBe('from-due-date');
  });
  it('沈二 is expired under the pre-2017 rule; the officer agrees', async () => {
    const c = await json(['loan', 'clock', 'WS-2013-0016', '--json']);
    expect(c).toMatchObject({ status: 'expired', expires: '2017-04-10', officer_finding: { date: '2026-11-17', disagrees: false } });
    expect(c.rule.code).toBe('pre-2017-expired');
    expect(c.events[0]).toMatchObject({ kind: 'not-signed', effect: 'does-not-interrupt', detail: 'refused' });
  });
  it('沈大路: a note does not interrupt; the guarantee of 房石头 ended 2024-11-16', async () => {
    expect(await json(['loan', 'clock', 'WS-2022-0019', '--json'])).toMatchObject({ expires: '2026-12-28', status: 'running' });
    const s = await json(['loan', 'clock', 'WS-2022-0029', '--json']);
    expect(s.guarantee).toMatchObject({ guarantor: '房石山', ends: '2024-11-16', status: 'ended', source: 'roster' });
    // The borrower signed and promised in one visit: one written agreement (issue 9).
    expect(s.last_interruption).toMatchObject({ date: '2026-11-20', kind: 'signed-promise' });
  });
  it('explains in text, with the result line', async () => {
    const r = await runInProcess(['loan', 'clock', 'WS-2022-0024'], { db });
    expect(r.stdout).toContain('Result: expires 2026-12-10, in 18 days');
    expect(r.stdout).toContain('not legal advice');
  });
  it('unknown loan: exit 1, nothing written', async () => {
    const before = snapshot(db);
    const r = await runInProcess(['loan', 'clock', 'NOPE-1'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('borrower find');
    expect(snapshot(db)).toBe(before);
  });
});

describe('recording what changes the clock', () => {
  it('a lawsuit restarts; recording it again changes nothing', async () => {
    const f = copyDb();
    await json(['loan', 'mark', 'WS-2022-0024', '--lawsuit', '2026-11-20', '--json'], f);
    const again = await json(['loan', 'mark', 'WS-2022-0024', '--lawsuit', '2026-11-20', '--json'], f);
    expect(again.created).toBe(false);
    const c = await json(['loan', 'clock', 'WS-2022-0024', '--json'], f);
    // --lawsuit records the filed stage of `loan legal` (issue 9).
    expect(c).toMatchObject({ expires: '2029-11-20', status: 'running', last_interruption: { kind: 'legal', date: '2026-11-20', visit_id: null } });
  });
  it('refuses a mark without a date, or with a future one', async () => {
    expect((await runInProcess(['loan', 'mark', 'WS-2022-0024'], { db })).code).toBe(2);
    expect((await runInProcess(['loan', 'mark', 'WS-2022-0024', '--public-notice', '2027-01-01', '--medium', 'national'], { db })).code).toBe(1);
  });
  it('death suspends until an heir is known, then six months', async () => {
    const f = copyDb();
    await json(['borrower', 'set', 'WS-2022-0019', '--deceased', '2026-03-02', '--stance', '顽固型', '--json'], f);
    expect(await json(['loan', 'clock', 'WS-2022-0019', '--json'], f)).toMatchObject({ expires: null, suspended: true, status: 'running' });
    await json(['borrower', 'set', 'WS-2022-0019', '--heir', '沈小路', '--heir-known', '2026-11-20', '--json'], f);
    const c = await json(['loan', 'clock', 'WS-2022-0019', '--json'], f);
    expect(c).toMatchObject({ expires: '2027-05-20', suspended: false, heir: '沈小路', rule: { code: 'death-suspension' } });
    const show = await json(['borrower', 'show', 'WS-2022-0019', '--json'], f);
    expect(show).toMatchObject({ status: 'deceased', deceased_on: '2026-03-02', heir: '沈小路', stance: 'stubborn' });
  });
  it('borrower set needs something to record', async () => {
    expect((await runInProcess(['borrower', 'set', 'WS-2022-0019'], { db })).code).toBe(2);
  });
});

describe('agenda and reports', () => {
  it('agenda puts 房德 first and groups by committee', async () => {
    const a = await json(['agenda', '--township', '涡水镇', '--limit', '10', '--json']);
    expect(a.households[0]).toMatchObject({ rank: 1, household_head: '房德', village: '大竹湾村委' });
    expect(a.households[0].reasons[0]).toMatchObject({ kind: 'limitation-expiring', loan_no: 'WS-2022-0024', days_left: 18 });
    expect(a.households.length).toBeLessThanOrEqual(10);
    expect(a.route[0].village).toBe('大竹湾村委');
    const md = await runInProcess(['agenda', '--township', '涡水镇', '--format', 'md'], { db });
    expect(md.stdout).toMatch(/^# Whom to visit next/);
    expect(md.stdout).toContain('## 大竹湾村委');
  });
  it('limitation report: status filter, CSV with BOM and machine amounts', async () => {
    const r = await json(['report', 'limitation', '--township', '涡水镇', '--status', 'expiring', '--json']);
    expect(r.loans.map((l: { loan_no: string }) => l.loan_no)).toEqual(['WS-2022-0024']);
    expect(r.counts).toMatchObject({ expiring: 1, expired: 2 });
    const csv = await runInProcess(['report', 'limitation', '--csv'], { db });
    expect(csv.stdout.startsWith('\ufeffloan_no,')).toBe(true);
    expect(csv.stdout).toContain('WS-2022-0024,房德,涡水镇,大竹湾村委,大竹湾组,1900.00,220.00,2023-12-10');
  });
  it('aging report adds up to the outstanding balance', async () => {
    const a = await json(['report', 'aging', '--township', '涡水镇', '--json']);
    const sum = a.buckets.reduce((s: number, b: { principal_fen: number }) => s + b.principal_fen, 0);
    expect(sum).toBe(a.total.principal_fen);
    expect(a.buckets.map((b: { bucket: string }) => b.bucket)).toContain('over-3-years');
  });
  it('officers report over the month excludes void visits', async () => {
    const f = copyDb();
    const before = await json(['report', 'officers', '--month', '2026-11', '--json'], f);
    const zm = before.officers.find((o: { officer: string }) => o.officer === '张明');
    expect(zm).toMatchObject({ quota: 25, notices_signed: 13, principal_fen: 60000, interest_fen: 50000 });
    const { db: h } = openDatabase(f, { nowIso: '2026-11-22T00:00:00Z' });
    const id = (h.prepare(`SELECT id FROM visits WHERE external_id = 'w47-05'`).get() as { id: number }).id;
    voidVisit(h, id, 'entered twice', null, '2026-11-22T00:00:00Z');
    h.close();
    const after = await json(['report', 'officers', '--month', '2026-11', '--json'], f);
    const zm2 = after.officers.find((o: { officer: string }) => o.officer === '张明');
    expect(zm2.visits).toBe(zm.visits - 1);
    expect(zm2).toMatchObject({ notices_signed: 12, principal_fen: 30000, interest_fen: 30000 });
  });
  it('bad flags are usage errors', async () => {
    expect((await runInProcess(['report', 'officers', '--month', '2026-13'], { db })).code).toBe(2);
    expect((await runInProcess(['report', 'limitation', '--json', '--csv'], { db })).code).toBe(2);
    expect((await runInProcess(['agenda', '--limit', '0'], { db })).code).toBe(2);
  });
  it('every new command has a description and an example', async () => {
    for (const args of [['loan', 'clock'], ['loan', 'mark'], ['borrower', 'set'], ['agenda'], ['report', 'limitation'], ['report', 'aging'], ['report', 'officers']]) {
      const r = await runInProcess([...args, '--help'], { db });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:\n\s+\$ fieldvisit /);
    }
  });
});
