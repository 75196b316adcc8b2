// Borrowers named by name on the command line, the agenda for one officer, and a reversed --from/--to.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, runInProcess, sampleDb, snapshot, tmpDir } from '../helpers.js';

let db: string;
beforeAll(() => {
  db = path.join(tmpDir(), 'n.db');
  fs.copyFileSync(sampleDb({ visits: true }), db);
});

describe('borrower show by name', () => {
  it('a whole name held by one borrower shows that borrower', async () => {
    const r = await runInProcess(['borrower', 'show', '房六贵'], { db, lang: 'zh' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^房六贵 {2}#1/);
    expect(r.stdout).toContain('WS-2022-0001');
  });

  it('part of a name that only one borrower has shows them too', async () => {
    const r = await runInProcess(['borrower', 'show', '石门'], { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^盘石门/);
  });

  it('several matches are listed with committee, group, loans and a masked ID; exit 1', async () => {
    const r = await runInProcess(['borrower', 'show', '盘石'], { db, lang: 'zh' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('“盘石”对应 2 位借款人：请用编号或合同编号选择一位，如 fieldvisit borrower show 8');
    expect(r.stderr).toMatch(/#8 盘石生 {2}马头冲村委 马头冲二组 {2}合同 WS-2022-0009 {2}身份证 4511\*{10}\d{3}[\dX]/);
    expect(r.stderr).toMatch(/#33 盘石门 {2}石门村委 石门组 {2}合同 XP-2023-0034/);
    // No whole ID number is echoed.
    expect(r.stderr).not.toMatch(/\d{17}[\dX]/);
  });

  it('nothing found says how to look', async () => {
    const r = await runInProcess(['borrower', 'show', '没有这个人'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No borrower matches "没有这个人"');
  });
});

describe('visit log --borrower with part of a name', () => {
  it('lists the matching borrowers and saves nothing', async () => {
    const before = snapshot(db);
    const r = await runInProcess(['visit', 'log', '--borrower', '房', '--outcome', 'cash', '--principal', '10'], { db, lang: 'zh' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/“房”对应 \d+ 位借款人/);
    for (const name of ['房六贵', '房生二企', '房石头']) expect(r.stderr).toContain(name);
    expect(r.stderr).toContain('fieldvisit visit log --borrower');
    expect(snapshot(db)).toBe(before);
  });

  it('even one partial match is offered, not assumed: a visit is only saved against a borrower named exactly', async () => {
    const before = snapshot(db);
    const r = await runInProcess(['visit', 'log', '--borrower', '石门', '--outcome', 'cash', '--principal', '10'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"石门" is not a whole name; is it this borrower?');
    expect(r.stderr).toContain('#33 盘石门');
    expect(snapshot(db)).toBe(before);
    const ok = await runInProcess(['visit', 'log', '--borrower', '盘石门', '--outcome', 'cash', '--principal', '10', '--officer', '张明', '--json'], { db });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ borrower_id: 33, borrower: '盘石门' });
  });
});

describe('agenda --officer', () => {
  it('keeps only households with loans the officer manages, and only those loans', async () => {
    const all = JSON.parse((await runInProcess(['agenda', '--json'], { db })).stdout);
    const zm = await runInProcess(['agenda', '--officer', '张明', '--json'], { db });
    expect(zm.code, zm.stderr).toBe(0);
    const mine = JSON.parse(zm.stdout);
    const li = JSON.parse((await runInProcess(['agenda', '--officer', '李华', '--json'], { db })).stdout);
    expect(mine.households.length).toBeGreaterThan(0);
    expect(li.households.length).toBeGreaterThan(0);
    expect(mine.households.length + li.households.length).toBe(all.households.length);
    const officerOf = new Map(query<{ loan_no: string; officer: string }>(db, `SELECT loan_no, officer FROM loans`).map((l) => [l.loan_no, l.officer]));
    for (const h of mine.households) for (const l of h.loans) expect(officerOf.get(l.loan_no)).toBe('张明');
  });

  it('an officer with no loans on the roster is named, with the officers there are', async () => {
    const r = await runInProcess(['agenda', '--officer', '王五'], { db, lang: 'zh' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('花名册中没有管户员“王五”的贷款。花名册上的管户员：张明、李华');
  });
});

describe('a reversed --from/--to is a usage error', () => {
  it.each([
    [['visit', 'list', '--from', '2026-11-20', '--to', '2026-11-16']],
    [['report', 'weekly', '--from', '2026-11-20', '--to', '2026-11-16']],
  ])('%j', async (args) => {
    const r = await runInProcess(args, { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--to (2026-11-16) is before --from (2026-11-20)');
  });
});
