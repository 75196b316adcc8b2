// The benches' generated database: N loans, 0.8 N households, 5 N visits, built once per size in the temp folder and reused.
// Shared by bench:report, bench:reports and bench:merge. Deterministic: the same database every time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Bump when the generated content changes: a cached database of another version is rebuilt.
const GEN_VERSION = '6';

export const TOWNSHIPS = 20;
export const VILLAGES_PER_TOWNSHIP = 25;
const WEEKS = 307; // 2021-01-04 … 2026-11-22
const FIRST_MONDAY = '2021-01-04';
export const TODAY = '2026-11-22';

/** Builds dist if it is missing (the benches run the built binary). */
export function ensureBuilt() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'db', 'open.js'))) {
    const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) process.exit(1);
  }
}

// A deterministic scramble of an integer (no randomness: the same database every time).
const H = (x, salt) => `((((${x}) * 2654435761 + ${salt} * 40503) % 4294967296) / 7)`;

/** The cached file for `loans` loans. */
export function benchDbFile(loans) {
  const dir = path.join(os.tmpdir(), 'fieldvisit-bench');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `reports-${loans}.db`);
}

function cached(file) {
  if (!fs.existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true });
    const v = db.prepare(`SELECT value FROM meta WHERE key = 'bench_report_version'`).get();
    db.close();
    return v?.value === GEN_VERSION;
  } catch {
    return false;
  }
}

/**
 * Returns the path of the database of `loans` loans (a multiple of 12,500), building it when missing or stale
 * (`fresh` forces it), then bringing it up to the current migrations.
 */
export async function ensureBenchDb(loans = 1_000_000, { fresh = false } = {}) {
  ensureBuilt();
  const { openDatabase } = await import(path.join(ROOT, 'dist', 'db', 'open.js'));
  const file = benchDbFile(loans);
  if (fresh || !cached(file)) generate(file, loans, openDatabase);
  else process.stderr.write(`Reusing ${file} (--fresh to rebuild)\n`);
  // Bring the database up to the current migrations (report indexes), without the pre-migration backup.
  openDatabase(file, { nowIso: `${TODAY}T00:00:00Z` }).db.close();
  return file;
}

function generate(file, LOANS, openDatabase) {
  const HOUSEHOLDS = (LOANS * 4) / 5;
  const VISITS = LOANS * 5;
  const perTownship = HOUSEHOLDS / TOWNSHIPS;
  const perVillage = HOUSEHOLDS / (TOWNSHIPS * VILLAGES_PER_TOWNSHIP);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const t0 = performance.now();
  // The schema comes from the app's own migrations.
  openDatabase(file, { nowIso: `${TODAY}T00:00:00Z` }).db.close();
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  const step = (label, sql) => {
    const t = performance.now();
    db.exec(sql);
    process.stderr.write(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  };
  process.stderr.write(`Building ${file} (${LOANS.toLocaleString()} loans, ${VISITS.toLocaleString()} visits)…\n`);
  db.exec('BEGIN');
  step(
    'places',
    `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${TOWNSHIPS})
     INSERT INTO townships (id, name, population, livelihood, committee_count) SELECT x, '测试镇' || printf('%02d', x), 20000 + x * 100, '林业为主', ${VILLAGES_PER_TOWNSHIP} FROM n;
     INSERT INTO areas (id, township_id, name) SELECT t.id * 2 - 1, t.id, '东片区' FROM townships t;
     INSERT INTO areas (id, township_id, name) SELECT t.id * 2, t.id, '西片区' FROM townships t;
     WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${TOWNSHIPS * VILLAGES_PER_TOWNSHIP})
     INSERT INTO villages (id, township_id, area_id, name)
       SELECT x, (x - 1) / ${VILLAGES_PER_TOWNSHIP} + 1,
              CASE WHEN (x - 1) % ${VILLAGES_PER_TOWNSHIP} >= 20 THEN ((x - 1) / ${VILLAGES_PER_TOWNSHIP} + 1) * 2
                   WHEN (x - 1) % ${VILLAGES_PER_TOWNSHIP} >= 15 THEN ((x - 1) / ${VILLAGES_PER_TOWNSHIP} + 1) * 2 - 1 END,
              '村委' || printf('%03d', (x - 1) % ${VILLAGES_PER_TOWNSHIP} + 1) FROM n;
     INSERT INTO village_groups (id, village_id, name) SELECT v.id * 4 + g.k, v.id, '第' || (g.k + 1) || '组' FROM villages v, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) g;`,
  );
  // Households spread evenly: township t holds households (t-1)*perTownship+1 … t*perTownship.
  step(
    'households and borrowers',
    `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${HOUSEHOLDS})
     INSERT INTO households (id, village_id, group_id, head_name) SELECT x, (x - 1) / ${perVillage} + 1, ((x - 1) / ${perVillage} + 1) * 4 + x % 4, '户主' || x FROM n;
     INSERT INTO borrowers (id, household_id, name) SELECT id, id, head_name FROM households;`,
  );
  // Loan k belongs to household ((k-1) % households) + 1: a quarter of the households have two loans; 1 in 50 is paid
  // off. Due dates spread over 2018-2027 (so every limitation status occurs); a third have a guarantor.
  step(
    'loans',
    `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${LOANS})
     INSERT INTO loans (id, loan_no, borrower_id, principal_fen, interest_fen, balance_as_of, loan_date, due_date, officer, guarantor, guarantee_type)
       SELECT x, 'BL' || printf('%08d', x), (x - 1) % ${HOUSEHOLDS} + 1,
              CASE WHEN x % 50 = 0 THEN 0 ELSE 100000 + ${H('x', 1)} % 900000 END,
              CASE WHEN x % 50 = 0 THEN 0 ELSE ${H('x', 2)} % 100000 END,
              '2026-01-01', date('2016-01-01', '+' || (${H('x', 5)} % 3650) || ' days'),
              CASE WHEN x % 997 = 0 THEN NULL ELSE date('2018-01-01', '+' || (${H('x', 5)} % 3650) || ' days') END,
              '员' || ((x - 1) % ${HOUSEHOLDS} / ${perTownship} + 1),
              CASE WHEN x % 3 = 0 THEN '保证人' || (x % 1000) END, CASE WHEN x % 6 = 0 THEN 'joint' END FROM n;`,
  );
  // Visit x, in date order as officers record them: week (x-1) / perWeek, township x % 20, a scrambled household of
  // that township, Monday to Friday.
  const perWeek = Math.ceil(VISITS / WEEKS);
  step(
    'visits',
    `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${VISITS})
     INSERT INTO visits (id, uid, origin_db, household_id, borrower_id, visit_date, officer, escalate, source, created_at)
       SELECT x, 'bench-' || printf('%09d', x), 'bench', hh, hh, date('${FIRST_MONDAY}', '+' || (((x - 1) / ${perWeek}) * 7 + ((x - 1) % ${perWeek}) * 5 / ${perWeek}) || ' days'),
              '员' || (x % ${TOWNSHIPS} + 1),
              CASE WHEN x % 500 = 0 THEN '需部门领导协助' END, 'import', '${TODAY}T00:00:00Z'
       FROM (SELECT x, (x % ${TOWNSHIPS}) * ${perTownship} + ${H('x', 3)} % ${perTownship} + 1 AS hh FROM n);`,
  );
  // One outcome per visit: 40% signed, 15% not signed, 20% cash, 10% intent, 5% statute expired, 10% note.
  step(
    'outcomes',
    `INSERT INTO visit_outcomes (id, visit_id, kind, loan_id, reason, where_text, principal_fen, interest_fen, promise_amount_fen, promise_date)
       SELECT v.id, v.id, k.kind, CASE WHEN k.kind = 'intent' AND v.id % 3 = 0 THEN NULL ELSE v.household_id END,
              CASE k.kind WHEN 'not-signed' THEN CASE v.id % 4 WHEN 0 THEN 'away' WHEN 1 THEN 'refused' WHEN 2 THEN 'not-found' ELSE 'other' END END,
              CASE WHEN k.kind = 'not-signed' AND v.id % 4 = 0 THEN '广州' END,
              CASE k.kind WHEN 'cash' THEN 10000 + v.id % 40000 END, CASE k.kind WHEN 'cash' THEN v.id % 5000 END,
              CASE k.kind WHEN 'intent' THEN 50000 END, CASE k.kind WHEN 'intent' THEN date(v.visit_date, '+10 days') END
       FROM visits v JOIN (SELECT id, CASE WHEN m < 40 THEN 'notice-signed' WHEN m < 55 THEN 'not-signed' WHEN m < 75 THEN 'cash'
                                           WHEN m < 85 THEN 'intent' WHEN m < 90 THEN 'statute-expired' ELSE 'note' END AS kind
                           FROM (SELECT id, ${H('id', 4)} % 100 AS m FROM visits)) k ON k.id = v.id;`,
  );
  step(
    'voids',
    `INSERT INTO visit_voids (uid, origin_db, visit_uid, reason, voided_at) SELECT 'void-' || id, 'bench', uid, 'bench', '${TODAY}T00:00:00Z' FROM visits WHERE id % 1000 = 7;`,
  );
  // A few of every other kind of fact the limitation clock reads: public notices and accelerations, legal stages,
  // deaths with and without a known heir.
  step(
    'marks, legal stages, deaths',
    `INSERT INTO loan_marks (uid, origin_db, loan_id, kind, mark_date, medium, recorded_at)
       SELECT 'mark-' || id, 'bench', id, CASE WHEN id % 2 = 0 THEN 'accelerated' ELSE 'public-notice' END,
              date('2020-01-01', '+' || (id % 2000) || ' days'), CASE WHEN id % 2 = 1 THEN 'provincial' END, '${TODAY}T00:00:00Z'
       FROM loans WHERE id % 101 = 0;
     INSERT INTO legal_events (uid, origin_db, loan_id, stage, event_date, recorded_at)
       SELECT 'legal-f-' || id, 'bench', id, 'filed', date('2022-01-01', '+' || (id % 900) || ' days'), '${TODAY}T00:00:00Z' FROM loans WHERE id % 211 = 0;
     INSERT INTO legal_events (uid, origin_db, loan_id, stage, event_date, perform_by, recorded_at)
       SELECT 'legal-j-' || id, 'bench', id, 'judgment', date('2024-06-01', '+' || (id % 300) || ' days'), date('2024-06-01', '+' || (id % 300 + 30) || ' days'), '${TODAY}T00:00:00Z'
       FROM loans WHERE id % 422 = 0;
     INSERT INTO borrower_events (uid, origin_db, borrower_id, kind, status, effective_on, recorded_at)
       SELECT 'dead-' || id, 'bench', id, 'status', 'deceased', date('2022-01-01', '+' || (id % 1000) || ' days'), '${TODAY}T00:00:00Z' FROM borrowers WHERE id % 199 = 0;
     INSERT INTO borrower_events (uid, origin_db, borrower_id, kind, heir_name, effective_on, recorded_at)
       SELECT 'heir-' || id, 'bench', id, 'heir', '继承人' || id, date('2025-01-01', '+' || (id % 300) || ' days'), '${TODAY}T00:00:00Z' FROM borrowers WHERE id % 398 = 0;`,
  );
  // The ledger as a roster import leaves it: one statement per loan at its as-of date; every payment awaits the next
  // statement (or a confirmation, dated before the first); the cached balance is the statement less them.
  step(
    'ledger',
    `INSERT INTO ledger_statements (id, uid, origin_db, loan_id, as_of, principal_fen, interest_fen, assumed, recorded_at)
       SELECT id, 'st-' || id, 'bench', id, balance_as_of, principal_fen, interest_fen, 0, balance_as_of || 'T00:00:00.000Z' FROM loans;
     INSERT INTO payment_postings (outcome_id, loan_id, state, posted_on, interest_state, interest_posted_on)
       SELECT p.outcome_id, p.loan_id, CASE WHEN p.paid_on < l.balance_as_of THEN 'confirm' ELSE 'unposted' END, NULL, 'unposted', NULL
       FROM payments p JOIN loans l ON l.id = p.loan_id;
     INSERT INTO loan_ledger (loan_id, principal_fen, interest_fen, paid_principal_fen, paid_interest_fen)
       SELECT l.id, l.principal_fen - ifnull(sum(p.principal_fen), 0), l.interest_fen - ifnull(sum(p.interest_fen), 0), ifnull(sum(p.principal_fen), 0), ifnull(sum(p.interest_fen), 0)
       FROM loans l LEFT JOIN payments p ON p.loan_id = l.id GROUP BY l.id;`,
  );
  db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('bench_report_version', ?)`).run(GEN_VERSION);
  db.exec('COMMIT');
  db.pragma('journal_mode = WAL');
  db.close();
  process.stderr.write(`Built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)\n`);
}

// `node test/bench/benchDb.mjs 200000`: build (or reuse) a database of that many loans and print its path.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1_000_000);
  console.log(await ensureBenchDb(n, { fresh: process.argv.includes('--fresh') }));
}
