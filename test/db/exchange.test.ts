// Several laptops: roster to the field, two officers offline, a supervisor merging both bundles in either order, twice.
import fs from 'node:fs';
import path from 'node:path';
import { SqliteDatabase as Database } from '../../src/db/driver.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { voidVisit } from '../../src/db/visits.js';
import { cli, DATA, json, query, runInProcess, sampleDb, snapshot, tmpDir, succeeded } from '../helpers.js';

const dir = tmpDir('fv-laptops-');
const f = (n: string) => path.join(dir, n);

const ok = async (args: string[], db: string, env?: Record<string, string>) => succeeded(args, await runInProcess(args, { db, env }));

/** Splits data/visits.csv by officer, so each laptop records its own officer's visits. */
function visitsOf(officer: string, file: string): string {
  const [head, ...rows] = fs.readFileSync(path.join(DATA, 'visits.csv'), 'utf8').trim().split('\n');
  fs.writeFileSync(file, [head, ...rows.filter((r) => r.split(',')[2] === officer)].join('\n') + '\n');
  return file;
}

function voidByExternalId(db: string, ext: string) {
  const o = openDatabase(db, { nowIso: '2026-11-21T10:00:00.000Z' });
  try {
    const id = o.db.prepare(`SELECT id FROM visits WHERE external_id = ?`).pluck().get(ext) as number;
    voidVisit(o.db, id, 'entered twice', '张明', '2026-11-21T10:00:00.000Z');
  } finally {
    o.db.close();
  }
}

/** What the weekly report is built from: live visits with outcomes, voided visits, balances, statuses, notices, promises. */
/** Row ids are each database's own, and the shared database typed the same visits in afresh: compare content. */
function withoutLocalIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutLocalIds);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !['visit_id', 'visit_uid', 'household_id', 'visit_ids', 'household_ids'].includes(k))
        .map(([k, x]) => [k, withoutLocalIds(x)]),
    );
  }
  return v;
}

async function facts(db: string) {
  const outcomes = query(
    db,
    `SELECT v.external_id AS ext, o.kind, l.loan_no, o.principal_fen, o.interest_fen, o.promise_amount_fen, o.promise_date, o.notice_no, o.reason, o.where_text
     FROM visit_outcomes o JOIN visits v ON v.id = o.visit_id LEFT JOIN loans l ON l.id = o.loan_id`,
  ).map((r) => JSON.stringify(r));
  const places = await ok(['place', 'list', '--json'], db);
  // The supervisor's deliverable: the week's report, in every form a script reads.
  const report = await ok(['report', 'weekly', '--week', '2026-W47', '--next', '香坪镇', '--format', 'json'], db);
  const reportText = await ok(['report', 'weekly', '--week', '2026-W47', '--next', '香坪镇', '--lang', 'zh'], db);
  const reportCsv = await ok(['report', 'weekly', '--week', '2026-W47', '--format', 'csv'], db);
  return {
    report: withoutLocalIds(JSON.parse(report.stdout)),
    reportText: reportText.stdout,
    reportCsv: reportCsv.stdout,
    visits: query(db, `SELECT v.external_id, v.visit_date, v.officer, h.head_name, b.name FROM live_visits v JOIN households h ON h.id = v.household_id
      LEFT JOIN borrowers b ON b.id = v.borrower_id ORDER BY v.external_id`),
    voided: query(db, `SELECT v.external_id FROM visits v WHERE v.uid IN (SELECT visit_uid FROM visit_voids) ORDER BY 1`),
    outcomes: outcomes.sort(),
    balances: query(db, `SELECT l.loan_no, b.principal_fen, b.interest_fen FROM loan_balances b JOIN loans l ON l.id = b.loan_id ORDER BY l.loan_no`),
    status: query(db, `SELECT l.loan_no, s.status, s.where_text, s.since FROM borrower_status s JOIN loans l ON l.borrower_id = s.borrower_id ORDER BY l.loan_no`),
    notices: query(db, `SELECT n.notice_no, l.loan_no, n.type, n.external FROM notices n JOIN loans l ON l.id = n.loan_id ORDER BY n.notice_no`),
    places: places.stdout,
  };
}

let sup: string; // supervisor: roster, committee merge, township profile
let shared: string; // what one shared database would hold
let rosterBundle: string;
let aBundle: string;
let bBundle: string;
let A: string;
let B: string;

beforeAll(async () => {
  sup = sampleDb();
  rosterBundle = f('roster.fvb');
  await ok(['export', '--roster', '--township', '涡水镇', '--out', rosterBundle], sup);
  A = f('a.db');
  B = f('b.db');
  for (const l of [A, B]) await ok(['merge', rosterBundle], l);
  await ok(['import', 'visits', visitsOf('张明', f('a.csv'))], A);
  await ok(['import', 'visits', visitsOf('李华', f('b.csv'))], B);
  voidByExternalId(A, 'w47-13');
  aBundle = f('a.fvb');
  bBundle = f('b.fvb');
  await ok(['export', '--out', aBundle, '--to', 'supervisor'], A);
  await ok(['export', '--out', bBundle, '--to', 'supervisor'], B);
  // The supervisor trusts both officers' keys (after comparing fingerprints by phone); the laptops trusted the
  // supervisor's key when they merged the roster bundle as new databases (trust on first use).
  await ok(['trust', 'add', aBundle, '--label', '张明', '--yes'], sup);
  await ok(['trust', 'add', bBundle, '--label', '李华', '--yes'], sup);
  shared = sampleDb({ visits: true });
  voidByExternalId(shared, 'w47-13');
});

describe('roster to the field', () => {
  it('gives a laptop the township: same loans, balances, places and committee merge as the supervisor', async () => {
    const fresh = f('fresh.db');
    await ok(['merge', rosterBundle], fresh);
    const s = await facts(sup);
    const l = await facts(fresh);
    expect(l.balances).toEqual(s.balances.filter((r: { loan_no: string }) => r.loan_no.startsWith('WS-')));
    const places = async (db: string) => (await ok(['place', 'list', '--township', '涡水镇', '--json'], db)).stdout;
    expect(await places(fresh)).toEqual(await places(sup));
    expect(query(fresh, `SELECT name, population, committee_count FROM townships`)).toEqual(query(sup, `SELECT name, population, committee_count FROM townships WHERE name = '涡水镇'`));
    expect(query(fresh, `SELECT count(*) AS n FROM villages WHERE merged_into_id IS NOT NULL`)[0].n).toBe(1);
  });

  it('masks ID numbers unless --with-ids', async () => {
    const masked = query(rosterBundle, `SELECT id_number FROM roster WHERE id_number IS NOT NULL`);
    expect(masked.length).toBeGreaterThan(0);
    for (const r of masked) expect(r.id_number).toMatch(/^\d{4}\*+[\dX]{4}$/);
    const full = f('roster-ids.fvb');
    await ok(['export', '--roster', '--township', '涡水镇', '--with-ids', '--out', full], sup);
    expect(query(full, `SELECT id_number FROM roster WHERE loan_no = 'WS-2022-0001'`)[0].id_number).toBe('451123197702145690');
    // A masked number never overwrites a real one.
    const before = query(sup, `SELECT id_number FROM borrowers ORDER BY id`);
    await ok(['merge', rosterBundle], sup);
    expect(query(sup, `SELECT id_number FROM borrowers ORDER BY id`)).toEqual(before);
  });
});

describe('supervisor merges both officers', () => {
  let orderAB: string;
  it('A then B, twice: equal to one shared database; the second merge changes nothing', async () => {
    orderAB = f('sup-ab.db');
    fs.copyFileSync(sup, orderAB);
    await ok(['merge', aBundle, bBundle], orderAB);
    const once = snapshot(orderAB);
    const r = await ok(['merge', aBundle, bBundle, '--json'], orderAB);
    expect(snapshot(orderAB)).toBe(once);
    for (const s of JSON.parse(r.stdout)) {
      expect(Object.values(s.added).every((n) => n === 0)).toBe(true);
      expect(s.merged_before).not.toBeNull();
    }
    expect(await facts(orderAB)).toEqual(await facts(shared));
  });

  it('B then A, twice: the same facts and the same records', async () => {
    const orderBA = f('sup-ba.db');
    fs.copyFileSync(sup, orderBA);
    for (let i = 0; i < 2; i++) {
      await ok(['merge', bBundle], orderBA);
      await ok(['merge', aBundle], orderBA);
    }
    expect(await facts(orderBA)).toEqual(await facts(orderAB));
    const uids = (db: string) => query(db, `SELECT uid FROM visits UNION ALL SELECT uid FROM visit_voids UNION ALL SELECT uid FROM borrower_events ORDER BY 1`);
    expect(uids(orderBA)).toEqual(uids(orderAB));
  });

  it('overlapping bundles add nothing twice; a void travels to the visit it names', async () => {
    const all = f('a-all.fvb');
    await ok(['export', '--all', '--out', all], A);
    const db = f('sup-overlap.db');
    fs.copyFileSync(sup, db);
    await ok(['merge', aBundle], db);
    const r = json(await runInProcess(['merge', all, '--json'], { db }));
    expect(r[0].added.visits).toBe(0);
    expect(query(db, `SELECT count(*) AS n FROM visits`)[0].n).toBe(22);
    expect(query(db, `SELECT v.external_id FROM visits v JOIN visit_voids x ON x.visit_uid = v.uid`)).toEqual([{ external_id: 'w47-13' }]);
  });

  it('--dry-run shows what would change and writes nothing', async () => {
    const db = f('sup-dry.db');
    fs.copyFileSync(sup, db);
    const before = snapshot(db);
    const r = json(await runInProcess(['merge', aBundle, '--dry-run', '--json'], { db }));
    expect(r[0].added.visits).toBe(22);
    expect(r[0].dry_run).toBe(true);
    expect(snapshot(db)).toBe(before);
  });
});

describe('export --since', () => {
  it('sends only what is new to each destination; --officer filters visits', async () => {
    const again = f('a-again.fvb');
    const r1 = json(await runInProcess(['export', '--out', again, '--to', 'supervisor', '--json'], { db: A }));
    expect(r1.counts.visits).toBe(0);
    expect(r1.previous_export).not.toBeNull();
    const other = json(await runInProcess(['export', '--out', f('a-other.fvb'), '--json'], { db: A }));
    expect(other.counts.visits).toBe(22);
    const byOfficer = json(await runInProcess(['export', '--all', '--officer', '李华', '--out', f('a-lihua.fvb'), '--json'], { db: A }));
    expect(byOfficer.counts.visits).toBe(0);
    const byDate = json(await runInProcess(['export', '--since', '2026-11-21', '--out', f('a-date.fvb'), '--json'], { db: A }));
    expect(byDate.counts.visit_voids).toBe(1);
  });
});

describe('refused bundles change nothing', () => {
  it('a truncated bundle', async () => {
    const bad = f('truncated.fvb');
    const buf = fs.readFileSync(aBundle);
    fs.writeFileSync(bad, buf.subarray(0, Math.floor(buf.length / 2)));
    const db = f('sup-refuse.db');
    fs.copyFileSync(sup, db);
    const before = snapshot(db);
    const r = await runInProcess(['merge', aBundle, bad], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged or incomplete/);
    expect(snapshot(db)).toBe(before);
  });

  it('a bundle whose content was altered (checksum)', async () => {
    const bad = f('altered.fvb');
    fs.copyFileSync(aBundle, bad);
    const b = new Database(bad);
    b.prepare(`UPDATE visit_outcomes SET principal_fen = principal_fen + 100 WHERE kind = 'cash'`).run();
    b.close();
    const db = f('sup-refuse.db');
    const before = snapshot(db);
    const r = await runInProcess(['merge', bad], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/checksum/);
    expect(snapshot(db)).toBe(before);
  });

  it('a bundle from a newer schema', async () => {
    const bad = f('newer.fvb');
    fs.copyFileSync(aBundle, bad);
    const b = new Database(bad);
    b.prepare(`UPDATE manifest SET value = '99' WHERE key = 'schema_version'`).run();
    b.close();
    const r = await runInProcess(['merge', bad], { db: f('sup-refuse.db') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer fieldvisit.*Upgrade/);
  });

  it('a bundle naming loans this database does not have', async () => {
    const empty = f('empty.db');
    await ok(['config', 'unset', 'officer'], empty); // creates the empty database (info no longer does)
    // An empty database that already trusts keys takes nobody's key on first use: it trusts both senders on purpose.
    await ok(['trust', 'add', aBundle, '--yes'], empty);
    await ok(['trust', 'add', rosterBundle, '--yes'], empty);
    const before = snapshot(empty);
    const r = await runInProcess(['merge', aBundle], { db: empty });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not have \(WS-/);
    expect(r.stderr).toMatch(/roster/);
    expect(snapshot(empty)).toBe(before);
    // With the roster bundle in the same batch it fits: roster bundles are applied first.
    await ok(['merge', aBundle, rosterBundle], empty);
    expect(query(empty, `SELECT count(*) AS n FROM visits`)[0].n).toBe(22);
  });
});

describe('conflicts', () => {
  it('two laptops give one borrower different statuses on one date: listed, the later recorded wins, in either order', async () => {
    const head = 'visit_date,loan_no,officer,outcome,reason,where,visit_id\n';
    const c1 = f('c1.db');
    const c2 = f('c2.db');
    for (const l of [c1, c2]) await ok(['merge', rosterBundle], l);
    fs.writeFileSync(f('c1.csv'), head + '2026-11-21,WS-2022-0004,张明,not-signed,away,深圳,c-1\n');
    fs.writeFileSync(f('c2.csv'), head + '2026-11-21,WS-2022-0004,李华,not-signed,deceased,,c-2\n');
    // Real clocks: the second laptop records later.
    expect(cli(['import', 'visits', f('c1.csv')], { db: c1 }).code).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(cli(['import', 'visits', f('c2.csv')], { db: c2 }).code).toBe(0);
    await ok(['export', '--out', f('c1.fvb')], c1);
    await ok(['export', '--out', f('c2.fvb')], c2);
    const results = [];
    for (const order of [
      ['c1.fvb', 'c2.fvb'],
      ['c2.fvb', 'c1.fvb'],
    ]) {
      const db = f(`sup-c-${order[0]}.db`);
      fs.copyFileSync(sup, db);
      for (const b of order) await ok(['trust', 'add', f(b), '--yes'], db);
      for (const b of order) await ok(['merge', f(b)], db);
      await ok(['merge', f(order[0]!)], db);
      const list = json(await runInProcess(['merge', '--conflicts', '--json'], { db }));
      expect(list).toHaveLength(1);
      const c = list[0];
      expect(c.kind).toBe('status');
      expect(c.borrower).toBe('沈双郎');
      expect(c[c.winner].value).toBe('deceased');
      expect(c[c.winner].officer).toBe('李华');
      const text = await ok(['merge', '--conflicts'], db);
      expect(text.stdout).toMatch(/沈双郎/);
      results.push(query(db, `SELECT s.status FROM borrower_status s JOIN loans l ON l.borrower_id = s.borrower_id WHERE l.loan_no = 'WS-2022-0004'`));
    }
    expect(results).toEqual([[{ status: 'deceased' }], [{ status: 'deceased' }]]);
  });
});
