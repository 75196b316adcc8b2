// Bench: `report weekly --township X --format json` on 1,000,000 loans and 5,000,000 visits, against the same aggregate as one SQL query in the sqlite3 shell.
// Usage: npm run bench:report [-- --fresh] [-- --runs 5]. Builds dist first if needed; the database is cached in the temp folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const GEN_VERSION = '5';

const TOWNSHIPS = 20;
const VILLAGES_PER_TOWNSHIP = 25;
const HOUSEHOLDS = 800_000;
const LOANS = 1_000_000;
const VISITS = 5_000_000;
const WEEKS = 307; // 2021-01-04 … 2026-11-22
const FIRST_MONDAY = '2021-01-04';
const TOWNSHIP = '测试镇07';
const WEEK = { iso: '2026-W46', start: '2026-11-09', end: '2026-11-15' };

if (!fs.existsSync(path.join(root, 'dist', 'db', 'open.js'))) {
  const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const { openDatabase } = await import(path.join(root, 'dist', 'db', 'open.js'));

const dir = path.join(os.tmpdir(), 'fieldvisit-bench');
const file = path.join(dir, 'report.db');
fs.mkdirSync(dir, { recursive: true });

function cached() {
  if (fresh || !fs.existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true });
    const v = db.prepare(`SELECT value FROM meta WHERE key = 'bench_report_version'`).get();
    db.close();
    return v?.value === GEN_VERSION;
  } catch {
    return false;
  }
}

// A deterministic scramble of an integer (no randomness: the same database every time).
const H = (x, salt) => `((((${x}) * 2654435761 + ${salt} * 40503) % 4294967296) / 7)`;

function generate() {
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const t0 = performance.now();
  // The schema comes from the app's own migrations (0001 and the report indexes of 0002).
  openDatabase(file, { nowIso: '2026-11-22T00:00:00Z' }).db.close();
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
  // Households spread evenly: township t holds households (t-1)*40000+1 … t*40000, 1,600 per committee.
  const perVillage = HOUSEHOLDS / (TOWNSHIPS * VILLAGES_PER_TOWNSHIP);
  step(
    'households and borrowers',
    `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${HOUSEHOLDS})
     INSERT INTO households (id, village_id, group_id, head_name) SELECT x, (x - 1) / ${perVillage} + 1, ((x - 1) / ${perVillage} + 1) * 4 + x % 4, '户主' || x FROM n;
     INSERT INTO borrowers (id, household_id, name) SELECT id, id, head_name FROM households;`,
  );
  // Loan k belongs to household ((k-1) % 800000) + 1: a quarter of the households have two loans; 1 in 50 is paid off.
  step(
    'loans',
    `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${LOANS})
     INSERT INTO loans (id, loan_no, borrower_id, principal_fen, interest_fen, balance_as_of, loan_date, due_date, officer)
       SELECT x, 'BL' || printf('%08d', x), (x - 1) % ${HOUSEHOLDS} + 1,
              CASE WHEN x % 50 = 0 THEN 0 ELSE 100000 + ${H('x', 1)} % 900000 END,
              CASE WHEN x % 50 = 0 THEN 0 ELSE ${H('x', 2)} % 100000 END,
              '2026-01-01', '2019-06-01', '2021-06-01', '员' || ((x - 1) % ${HOUSEHOLDS} / 40000 + 1) FROM n;`,
  );
  // Visit x, in date order as officers record them: week (x-1) / 16287, township x % 20, a scrambled household of
  // that township, Monday to Friday.
  const perWeek = Math.ceil(VISITS / WEEKS);
  step(
    'visits',
    `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${VISITS})
     INSERT INTO visits (id, uid, origin_db, household_id, borrower_id, visit_date, officer, escalate, source, created_at)
       SELECT x, 'bench-' || printf('%09d', x), 'bench', hh, hh, date('${FIRST_MONDAY}', '+' || (((x - 1) / ${perWeek}) * 7 + ((x - 1) % ${perWeek}) * 5 / ${perWeek}) || ' days'),
              '员' || (x % ${TOWNSHIPS} + 1),
              CASE WHEN x % 500 = 0 THEN '需部门领导协助' END, 'import', '2026-11-22T00:00:00Z'
       FROM (SELECT x, (x % ${TOWNSHIPS}) * 40000 + ${H('x', 3)} % 40000 + 1 AS hh FROM n);`,
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
    `INSERT INTO visit_voids (uid, origin_db, visit_uid, reason, voided_at) SELECT 'void-' || id, 'bench', uid, 'bench', '2026-11-22T00:00:00Z' FROM visits WHERE id % 1000 = 7;`,
  );
  db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('bench_report_version', ?)`).run(GEN_VERSION);
  db.exec('COMMIT');
  db.pragma('journal_mode = WAL');
  db.close();
  process.stderr.write(`Built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)\n`);
}

if (!cached()) generate();
else {
  process.stderr.write(`Reusing ${file} (--fresh to rebuild)\n`);
  // Bring a cached database up to the current migrations (the report indexes), without the pre-migration backup.
  openDatabase(file, { nowIso: '2026-11-22T00:00:00Z' }).db.close();
}

// The same aggregate as the report's totals for one township and week, as one query written the best way we know.
const SQL = `
WITH wv AS MATERIALIZED (
  SELECT v.id, v.household_id, ev.effective_id AS village_id
  FROM visits v JOIN households h ON h.id = v.household_id JOIN effective_villages ev ON ev.village_id = h.village_id
  JOIN villages ve ON ve.id = ev.effective_id
  WHERE v.visit_date BETWEEN '${WEEK.start}' AND '${WEEK.end}' AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
    AND ve.township_id = (SELECT id FROM townships WHERE name = '${TOWNSHIP}')),
wo AS MATERIALIZED (SELECT wv.household_id, o.kind, o.loan_id, o.principal_fen, o.interest_fen FROM wv CROSS JOIN visit_outcomes o ON o.visit_id = wv.id),
hh AS MATERIALIZED (SELECT h.id FROM (SELECT DISTINCT village_id FROM wv) vv CROSS JOIN effective_villages ev ON ev.effective_id = vv.village_id CROSS JOIN households h ON h.village_id = ev.village_id),
ln AS MATERIALIZED (SELECT hh.id AS household_id, l.id AS loan_id, l.principal_fen, l.interest_fen, l.balance_as_of
                    FROM hh CROSS JOIN borrowers b ON b.household_id = hh.id CROSS JOIN loans l ON l.borrower_id = b.id),
pd AS (SELECT ln.loan_id,
              sum(CASE WHEN pv.visit_date >= ln.balance_as_of AND pv.visit_date < '${WEEK.start}' THEN o.principal_fen
                       WHEN pv.visit_date >= '${WEEK.start}' AND pv.visit_date < ln.balance_as_of THEN -o.principal_fen ELSE 0 END) AS dp,
              sum(CASE WHEN pv.visit_date >= ln.balance_as_of AND pv.visit_date < '${WEEK.start}' THEN o.interest_fen
                       WHEN pv.visit_date >= '${WEEK.start}' AND pv.visit_date < ln.balance_as_of THEN -o.interest_fen ELSE 0 END) AS di
       FROM ln CROSS JOIN visit_outcomes o ON o.loan_id = ln.loan_id AND o.kind = 'cash' CROSS JOIN visits pv ON pv.id = o.visit_id
       WHERE NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = pv.uid) GROUP BY ln.loan_id),
lb AS MATERIALIZED (SELECT ln.household_id, ln.loan_id, ln.principal_fen - ifnull(pd.dp, 0) AS p, ln.interest_fen - ifnull(pd.di, 0) AS i
                    FROM ln LEFT JOIN pd ON pd.loan_id = ln.loan_id),
den AS MATERIALIZED (SELECT household_id FROM lb GROUP BY household_id HAVING sum(p) + sum(i) > 0 UNION SELECT household_id FROM wv),
signed AS MATERIALIZED (SELECT DISTINCT household_id FROM wo WHERE kind = 'notice-signed'),
notsigned AS MATERIALIZED (SELECT DISTINCT household_id FROM wo WHERE kind = 'not-signed' EXCEPT SELECT household_id FROM signed),
intents AS MATERIALIZED (SELECT household_id, loan_id FROM wo WHERE kind = 'intent')
SELECT (SELECT count(*) FROM den) AS households,
       (SELECT count(DISTINCT household_id) FROM wv) AS households_visited,
       (SELECT count(*) FROM signed) AS notice_signed,
       (SELECT count(*) FROM notsigned) AS not_signed,
       (SELECT count(*) FROM den) - (SELECT count(*) FROM signed) - (SELECT count(*) FROM notsigned) AS not_reached,
       (SELECT count(DISTINCT household_id) FROM wo WHERE kind = 'cash') AS cash_households,
       (SELECT count(*) FROM wo WHERE kind = 'cash') AS cash_payments,
       (SELECT ifnull(sum(principal_fen), 0) FROM wo WHERE kind = 'cash') AS cash_principal_fen,
       (SELECT ifnull(sum(interest_fen), 0) FROM wo WHERE kind = 'cash') AS cash_interest_fen,
       (SELECT count(DISTINCT household_id) FROM intents) AS intent_households,
       (SELECT ifnull(sum(lb.p), 0) FROM lb WHERE EXISTS (SELECT 1 FROM intents i WHERE i.household_id = lb.household_id AND (i.loan_id IS NULL OR i.loan_id = lb.loan_id))) AS intent_principal_fen,
       (SELECT count(DISTINCT household_id) FROM wo WHERE kind = 'statute-expired') AS statute_expired;
`;
const sqlFile = path.join(dir, 'report-aggregate.sql');
fs.writeFileSync(sqlFile, `.mode json\n${SQL}`);

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command, returning wall time (ms), peak resident memory (MB, from /usr/bin/time) and stdout. */
function timed(cmd, cmdArgs, env) {
  const full = TIME ? [TIME, ['-f', '__MAXRSS_KB=%M', cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const t = performance.now();
  const r = spawnSync(full[0], full[1], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} → ${r.status}\n${r.stderr}`);
  const kb = /__MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1];
  return { ms, rssMb: kb ? Number(kb) / 1024 : null, stdout: r.stdout };
}

const env = { ...process.env, TZ: 'Asia/Shanghai', NO_COLOR: '1', FIELDVISIT_TODAY: '2026-11-22', LANG: 'en_US.UTF-8' };
const appArgs = [path.join(root, 'bin', 'fieldvisit.js'), '--db', file, 'report', 'weekly', '--township', TOWNSHIP, '--week', WEEK.iso, '--format', 'json'];
const shellArgs = ['-readonly', file, `.read ${sqlFile}`];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// One warm-up each (page cache, and the first open of the file), then the timed runs alternating.
timed(process.execPath, appArgs, env);
timed('/usr/bin/sqlite3', shellArgs, env);
const app = [];
const shell = [];
for (let i = 0; i < runs; i++) {
  app.push(timed(process.execPath, appArgs, env));
  shell.push(timed('/usr/bin/sqlite3', shellArgs, env));
}

// The two must agree, or the comparison means nothing.
const report = JSON.parse(app[0].stdout).totals;
const agg = JSON.parse(shell[0].stdout)[0];
const mine = {
  households: report.households,
  households_visited: report.households_visited,
  notice_signed: report.notice_signed.households,
  not_signed: report.not_signed.households,
  not_reached: report.not_reached.households,
  cash_households: report.cash.households,
  cash_payments: report.cash.payments,
  cash_principal_fen: report.cash.principal_fen,
  cash_interest_fen: report.cash.interest_fen,
  intent_households: report.intent.households,
  intent_principal_fen: report.intent.principal_fen,
  statute_expired: report.statute_expired.households,
};
const mismatch = Object.keys(mine).filter((k) => mine[k] !== agg[k]);

const appMs = median(app.map((r) => r.ms));
const shellMs = median(shell.map((r) => r.ms));
const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`report weekly bench: ${LOANS.toLocaleString()} loans, ${VISITS.toLocaleString()} visits; ${TOWNSHIP} ${WEEK.iso}, median of ${runs}`);
console.log(`  figures: ${JSON.stringify(mine)}`);
console.log(`  fieldvisit report weekly --format json : ${fmt(appMs)} (min ${fmt(Math.min(...app.map((r) => r.ms)))}), peak memory ${app[0].rssMb?.toFixed(0) ?? '?'} MB`);
console.log(`  sqlite3 shell, one SQL query           : ${fmt(shellMs)} (min ${fmt(Math.min(...shell.map((r) => r.ms)))}), peak memory ${shell[0].rssMb?.toFixed(0) ?? '?'} MB`);
console.log(`  ratio fieldvisit / sqlite3             : ${(appMs / shellMs).toFixed(2)}x`);
console.log(`  targets: under 1 s ${appMs < 1000 ? 'met' : 'MISSED'}; within 2x of the shell ${appMs / shellMs <= 2 ? 'met' : 'MISSED'}`);
if (mismatch.length) {
  console.log(`  MISMATCH between the report and the SQL aggregate: ${mismatch.map((k) => `${k} ${mine[k]} ≠ ${agg[k]}`).join(', ')}`);
  process.exitCode = 1;
}
