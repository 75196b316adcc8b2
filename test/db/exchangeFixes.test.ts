// Review fixes to exchange and roster: merge order, imported visit uids, notice collisions, moved loans, masked IDs, voids, --since, globs.
import fs from 'node:fs';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { loanClockFacts } from '../../src/db/limitation.js';
import { expandBundleArgs } from '../../src/cli/commands/exchange/merge.js';
import { voidVisit } from '../../src/db/visits.js';
import { importedVisitUid } from '../../src/domain/ids.js';
import { DATA, json, query, runInProcess, sampleDb, tmpDir, succeeded } from '../helpers.js';

const dir = tmpDir('fv-xfix-');
const f = (n: string) => path.join(dir, n);

const ok = async (args: string[], db: string, env?: Record<string, string>) => succeeded(args, await runInProcess(args, { db, env }));

/** data/roster.csv with one loan's principal changed. */
function rosterWith(file: string, loanNo: string, from: string, to: string): string {
  const lines = fs.readFileSync(path.join(DATA, 'roster.csv'), 'utf8').split('\n');
  fs.writeFileSync(file, lines.map((l) => (l.includes(`,${loanNo},`) ? l.replace(`,${from},`, `,${to},`) : l)).join('\n'));
  return file;
}

const principal = (db: string, loanNo: string) =>
  query(db, `SELECT principal_fen, balance_as_of FROM loans WHERE loan_no = ?`, loanNo)[0] as { principal_fen: number; balance_as_of: string };

function voidByExternalId(db: string, ext: string) {
  const o = openDatabase(db, { nowIso: '2026-11-21T10:00:00.000Z' });
  try {
    const id = o.db.prepare(`SELECT id FROM visits WHERE external_id = ?`).pluck().get(ext) as number;
    voidVisit(o.db, id, 'entered twice', '张明', '2026-11-21T10:00:00.000Z');
  } finally {
    o.db.close();
  }
}

let sup: string;
let rosterBundle: string;
beforeAll(async () => {
  sup = sampleDb();
  rosterBundle = f('roster.fvb');
  await ok(['export', '--roster', '--township', '涡水镇', '--out', rosterBundle], sup);
});

describe('an older roster never overwrites a newer balance', () => {
  let oldBundle: string;
  let newBundle: string;
  let sup2: string;
  beforeAll(async () => {
    oldBundle = f('roster-old.fvb');
    await ok(['export', '--roster', '--township', '涡水镇', '--out', oldBundle], sup);
    sup2 = f('sup2.db');
    fs.copyFileSync(sup, sup2);
    await ok(['import', 'roster', rosterWith(f('r-new.csv'), 'WS-2022-0001', '1500.00', '1400.00'), '--as-of', '2026-11-20'], sup2);
    newBundle = f('roster-new.fvb');
    await ok(['export', '--roster', '--township', '涡水镇', '--out', newBundle], sup2);
  });

  it('merging the newer bundle before the older one on one command line keeps the newer figure', async () => {
    const db = f('laptop-order.db');
    await ok(['merge', newBundle, oldBundle], db);
    expect(principal(db, 'WS-2022-0001')).toEqual({ principal_fen: 140000, balance_as_of: '2026-11-20' });
  });

  it('merging the older bundle later keeps the newer figure and says so', async () => {
    const db = f('laptop-later.db');
    await ok(['merge', newBundle], db);
    const r = await ok(['merge', oldBundle, '--lang', 'en'], db);
    expect(principal(db, 'WS-2022-0001')).toEqual({ principal_fen: 140000, balance_as_of: '2026-11-20' });
    expect(r.stderr).toMatch(/1 loan balance\(s\) in this roster are older/);
  });

  it('a local import with an older --as-of keeps the recorded balance and counts it', async () => {
    const db = f('local-older.db');
    fs.copyFileSync(sup2, db);
    const r = json(await runInProcess(['import', 'roster', path.join(DATA, 'roster.csv'), '--as-of', '2026-11-13', '--json'], { db }));
    expect(r.older_balances_kept).toBe(1);
    expect(principal(db, 'WS-2022-0001')).toEqual({ principal_fen: 140000, balance_as_of: '2026-11-20' });
    const t = await ok(['import', 'roster', path.join(DATA, 'roster.csv'), '--as-of', '2026-11-13', '--lang', 'en'], db);
    expect(t.stderr).toMatch(/1 loan balance\(s\) in this roster are older than the ones recorded/);
  });
});

describe('two laptops importing one visits file', () => {
  it('derive the same uid for each visit, so a void made on one applies on the other', async () => {
    const A = f('same-a.db');
    const B = f('same-b.db');
    for (const l of [A, B]) {
      await ok(['merge', rosterBundle], l);
      await ok(['import', 'visits', path.join(DATA, 'visits.csv')], l);
    }
    const uids = (db: string) => query(db, `SELECT external_id, uid FROM visits ORDER BY external_id`);
    expect(uids(A)).toEqual(uids(B));
    expect(uids(A).find((r) => r.external_id === 'w47-13')!.uid).toBe(importedVisitUid('w47-13', null));
    voidByExternalId(A, 'w47-13');
    const bundle = f('same-a.fvb');
    await ok(['export', '--out', bundle, '--to', 'b'], A);
    await ok(['trust', 'add', bundle, '--yes'], B); // B trusts A's key (fingerprints compared by phone)
    await ok(['merge', bundle], B);
    expect(query(B, `SELECT v.external_id FROM visits v JOIN visit_voids x ON x.visit_uid = v.uid`)).toEqual([{ external_id: 'w47-13' }]);
    expect(query(B, `SELECT count(*) AS n FROM live_visits`)).toEqual(query(A, `SELECT count(*) AS n FROM live_visits`));
  });

  it('a row without visit_id derives its uid from the content key', () => {
    expect(importedVisitUid(null, 'k1')).toBe(importedVisitUid(null, 'k1'));
    expect(importedVisitUid(null, 'k1')).not.toBe(importedVisitUid('k1', null));
    expect(importedVisitUid(null, 'k1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedVisitUid(null, null)).toBeUndefined();
  });
});

describe('one notice number issued on two laptops for different loans', () => {
  it('is counted as skipped where the local notice wins, warned with the number and both loans, and listed', async () => {
    const A = f('notice-a.db');
    const B = f('notice-b.db');
    for (const l of [A, B]) await ok(['merge', rosterBundle], l);
    await ok(['notice', 'issue', '--loan', 'WS-2022-0001', '--type', 'overdue-loan'], A);
    await new Promise((r) => setTimeout(r, 5));
    await ok(['notice', 'issue', '--loan', 'WS-2022-0002', '--type', 'overdue-loan'], B);
    const no = query(A, `SELECT notice_no FROM notices`)[0].notice_no as string;
    expect(query(B, `SELECT notice_no FROM notices`)[0].notice_no).toBe(no);
    const aB = f('notice-a.fvb');
    const bB = f('notice-b.fvb');
    await ok(['export', '--out', aB, '--to', 'x'], A);
    await ok(['export', '--out', bB, '--to', 'x'], B);
    // Each laptop trusts the other's key (fingerprints compared by phone).
    await ok(['trust', 'add', aB, '--yes'], B);
    await ok(['trust', 'add', bB, '--yes'], A);
    // B's notice is the later: merged into B, A's loses.
    const intoB = await runInProcess(['merge', aB, '--json', '--lang', 'en'], { db: B });
    const sb = JSON.parse(intoB.stdout)[0];
    expect(sb.added.notices).toBe(0);
    expect(sb.skipped.notices).toBe(1);
    expect(intoB.stderr).toContain(`Notice number ${no} was issued by two laptops for different loans: WS-2022-0002 here, WS-2022-0001 in the bundle`);
    expect(intoB.stderr).toContain('notice-series');
    const intoA = await runInProcess(['merge', bB, '--json'], { db: A });
    expect(JSON.parse(intoA.stdout)[0].added.notices).toBe(1);
    const list = await ok(['merge', '--conflicts', '--lang', 'en'], B);
    expect(list.stdout).toContain(no);
    expect(list.stdout).toContain('WS-2022-0001');
    expect(list.stdout).toContain('WS-2022-0002');
  });
});

describe('a roster row that moves a loan to another household', () => {
  let db: string;
  beforeAll(async () => {
    db = sampleDb({ visits: true });
    // 沈田's household is renamed: the loan moves to a new household; the old one keeps its visits and no loans.
    const lines = fs.readFileSync(path.join(DATA, 'roster.csv'), 'utf8').split('\n');
    const file = f('renamed.csv');
    fs.writeFileSync(file, lines.map((l) => (l.includes(',WS-2021-0030,') ? l.replace(',内新村,沈田,沈田,', ',内新村,沈田家,沈田,') : l)).join('\n'));
    await ok(['import', 'roster', file, '--as-of', '2026-11-13'], db);
  });

  it('a signed notice on that loan still interrupts its limitation clock', () => {
    const o = openDatabase(db, { nowIso: '2026-11-22T00:00:00.000Z' });
    try {
      const id = o.db.prepare(`SELECT id FROM loans WHERE loan_no = 'WS-2021-0030'`).pluck().get() as number;
      const [facts] = loanClockFacts(o.db, { loanId: id }, '2026-11-22');
      // A relative's signature is a notice-signed event whose actor is the relative (issue 9: whose act it is).
      expect(facts!.events.map((e) => [e.kind, e.actor, e.date])).toContainEqual(['notice-signed', 'relative', '2025-04-10']);
    } finally {
      o.db.close();
    }
  });

  it('export --all still names the visit by a loan', async () => {
    const out = f('moved-all.fvb');
    await ok(['export', '--all', '--out', out], db);
    const ext = query(out, `SELECT household_loan_no FROM visits WHERE visit_date = '2025-04-10' AND household_loan_no = 'WS-2021-0030'`);
    expect(ext.length).toBe(1);
  });
});

describe('masked ID numbers from a roster bundle', () => {
  it('are never stored, so a later roster row with the real number and a new loan finds the same borrower', async () => {
    const db = f('masked.db');
    await ok(['merge', rosterBundle], db);
    expect(query(db, `SELECT count(*) AS n FROM borrowers WHERE id_number LIKE '%*%'`)[0].n).toBe(0);
    const before = query(db, `SELECT b.id FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.loan_no = 'WS-2022-0001'`)[0].id;
    const [head, row] = fs.readFileSync(path.join(DATA, 'roster.csv'), 'utf8').split('\n');
    const file = f('new-loan.csv');
    fs.writeFileSync(file, [head, row!.replace('WS-2022-0001', 'WS-2026-9001')].join('\n') + '\n');
    await ok(['import', 'roster', file, '--as-of', '2026-11-20'], db);
    const after = query(db, `SELECT b.id, b.id_number FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE l.loan_no = 'WS-2026-9001'`)[0];
    expect(after.id).toBe(before);
    expect(after.id_number).toBe('451123197702145690');
  });
});

describe('a roster bundle', () => {
  it('carries the voids of the township\'s visits, so an office void reaches the laptop', async () => {
    const office = sampleDb({ visits: true });
    const laptop = f('void-laptop.db');
    const first = f('void-roster-1.fvb');
    await ok(['export', '--roster', '--township', '涡水镇', '--out', first], office);
    await ok(['merge', first], laptop);
    await ok(['import', 'visits', path.join(DATA, 'visits.csv')], laptop);
    voidByExternalId(office, 'w47-13');
    const second = f('void-roster-2.fvb');
    await ok(['export', '--roster', '--township', '涡水镇', '--out', second], office);
    expect(query(second, `SELECT visit_uid FROM visit_voids`)).toEqual([{ visit_uid: importedVisitUid('w47-13', null) }]);
    await ok(['merge', second], laptop);
    expect(query(laptop, `SELECT v.external_id FROM visits v JOIN visit_voids x ON x.visit_uid = v.uid`)).toEqual([{ external_id: 'w47-13' }]);
  });
});

describe('export --since DATE', () => {
  it('means from local midnight of that date, though record times are UTC', async () => {
    const db = f('since.db');
    await ok(['merge', rosterBundle], db);
    await ok(['import', 'visits', path.join(DATA, 'visits.csv')], db);
    const w = new Database(db);
    w.prepare(`UPDATE visits SET created_at = '2026-11-21T10:00:00.000Z'`).run(); // 18:00 on the 21st in China
    w.prepare(`UPDATE visits SET created_at = '2026-11-21T16:30:00.000Z' WHERE external_id = 'w47-13'`).run(); // 00:30 on the 22nd
    w.close();
    const out = f('since.fvb');
    await ok(['export', '--since', '2026-11-22', '--out', out], db);
    expect(query(out, `SELECT external_id FROM visits`)).toEqual([{ external_id: 'w47-13' }]);
  });
});

describe('merge with a wildcard the shell did not expand (cmd, PowerShell)', () => {
  it('expands * and ? in the last segment, sorted; nothing matching is a clear error and creates nothing', async () => {
    const usb = tmpDir('fv-usb-');
    for (const n of ['b.fvb', 'a.fvb', 'notes.txt', 'c1.fvb']) fs.writeFileSync(path.join(usb, n), '');
    expect(expandBundleArgs([path.join(usb, '*.fvb')], '/')).toEqual(['a.fvb', 'b.fvb', 'c1.fvb'].map((n) => path.join(usb, n)));
    expect(expandBundleArgs(['c?.fvb', 'a.fvb'], usb)).toEqual([path.join(usb, 'c1.fvb'), path.join(usb, 'a.fvb')]);
    const db = f('glob.db');
    const r = await runInProcess(['merge', path.join(usb, '*.zip'), '--lang', 'en'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`No file matches ${path.join(usb, '*.zip')}`);
    expect(fs.existsSync(db)).toBe(false);
    const usb2 = tmpDir('fv-usb2-');
    fs.copyFileSync(rosterBundle, path.join(usb2, 'roster.fvb'));
    await ok(['merge', path.join(usb2, '*.fvb')], db);
    expect(query(db, `SELECT count(*) AS n FROM loans`)[0].n).toBeGreaterThan(0);
  });
});

describe('merge performance', () => {
  it('prepares each per-row statement once, not once per row', async () => {
    const spy = vi.spyOn(Database.prototype, 'prepare');
    try {
      await ok(['merge', rosterBundle], f('prepare-count.db'));
      const n = (re: RegExp) => spy.mock.calls.filter(([sql]) => re.test(String(sql))).length;
      expect(query(rosterBundle, `SELECT count(*) AS n FROM villages`)[0].n).toBeGreaterThan(2);
      expect(n(/^INSERT INTO villages \(township_id, area_id, name\) VALUES \(\?, \?, \?\) ON CONFLICT/)).toBe(1);
      expect(query(rosterBundle, `SELECT count(*) AS n FROM villages WHERE area IS NOT NULL`)[0].n).toBeGreaterThan(1);
      expect(n(/^INSERT INTO areas \(township_id, name\) VALUES \(\?, \?\) ON CONFLICT/)).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('finds an incoming uid among recorded conflicts by index', async () => {
    const db = f('plan.db');
    await ok(['merge', rosterBundle], db);
    const plan = query(db, `EXPLAIN QUERY PLAN SELECT 1 FROM merge_conflicts WHERE uid_a = 'x' OR uid_b = 'x'`).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/merge_conflicts_uid_a/);
    expect(plan).toMatch(/merge_conflicts_uid_b/);
  });
});

describe('bundle format', () => {
  it('villages carry no merge columns (merges travel as village_merges records)', () => {
    expect(query(rosterBundle, `SELECT name FROM pragma_table_info('villages') ORDER BY cid`).map((r) => r.name)).toEqual(['township', 'name', 'area']);
    expect(query(rosterBundle, `SELECT count(*) AS n FROM village_merges`)[0].n).toBe(1);
  });
});
