// Bench: `report weekly --township X --week W --format json` on the shared generated database (test/bench/benchDb.mjs:
// 1,000,000 loans and 5,000,000 visits by default), against the same aggregate as one SQL query in the sqlite3 shell,
// on the same ledger basis as the app. Prints where the app's time goes (each statement's time and query plan, the
// builder, the renderer), both wall times in one run, their ratio, and fails if the two disagree on any figure.
// Usage: npm run bench:report [-- --runs 5] [-- --fresh]; LOANS=200000 for a quicker run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, TODAY, ensureBenchDb } from './benchDb.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const LOANS = Number(process.env.LOANS ?? 1_000_000);
const TOWNSHIP = '测试镇07';
const WEEK = { iso: '2026-W46', start: '2026-11-09', end: '2026-11-15' };
const SHELL = '/usr/bin/sqlite3';

const file = await ensureBenchDb(LOANS, { fresh: args.includes('--fresh') });
const dist = (p) => path.join(ROOT, 'dist', p);

// The same figures as the report's totals for one township and week, as one query written the best way we know, on
// the ledger's basis (src/domain/posting.ts balanceAt, as src/db/weekly.ts reads it): a loan's balance at the start
// of the week is its reference statement R (the latest effective statement on or before the Monday, else its first)
// less the live field payments before the Monday that R does not show (payment_postings: not posted, or posted by a
// later statement), plus those from the Monday on that R shows. For a loan with no statement after the Monday that is
// the cached outstanding balance (loan_ledger) plus the live payments dated from the Monday on; the others the full way.
const SQL = `
WITH wv AS MATERIALIZED (
  SELECT v.id, v.household_id, ev.effective_id AS village_id
  FROM visits v JOIN households h ON h.id = v.household_id JOIN effective_villages ev ON ev.village_id = h.village_id
  JOIN villages ve ON ve.id = ev.effective_id
  WHERE v.visit_date BETWEEN '${WEEK.start}' AND '${WEEK.end}' AND v.channel = 'visit'
    AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
    AND ve.township_id = (SELECT id FROM townships WHERE name = '${TOWNSHIP}')),
wo AS MATERIALIZED (
  SELECT wv.household_id, o.kind, o.loan_id, o.principal_fen, o.interest_fen,
         CASE WHEN o.kind = 'cash' THEN (CASE WHEN pp.state = 'posted' THEN 0 ELSE o.principal_fen END)
                                      + (CASE WHEN pp.interest_state = 'posted' THEN 0 ELSE o.interest_fen END) END AS unposted
  FROM wv CROSS JOIN visit_outcomes o ON o.visit_id = wv.id LEFT JOIN payment_postings pp ON pp.outcome_id = o.id),
hh AS MATERIALIZED (
  SELECT h.id FROM (SELECT DISTINCT village_id FROM wv) vv CROSS JOIN effective_villages ev ON ev.effective_id = vv.village_id
  CROSS JOIN households h ON h.village_id = ev.village_id),
ln AS MATERIALIZED (
  SELECT hh.id AS household_id, l.id AS loan_id, l.principal_fen, l.interest_fen, l.balance_as_of, g.principal_fen AS cp, g.interest_fen AS ci,
         g.loan_id IS NOT NULL AND ifnull((SELECT max(s.as_of) FROM ledger_statements s WHERE s.loan_id = l.id), '') <= '${WEEK.start}' AS cached
  FROM hh CROSS JOIN borrowers b ON b.household_id = hh.id CROSS JOIN loans l ON l.borrower_id = b.id LEFT JOIN loan_ledger g ON g.loan_id = l.id),
since AS MATERIALIZED (
  SELECT o.loan_id, sum(o.principal_fen) AS p, sum(o.interest_fen) AS i
  FROM visits v CROSS JOIN visit_outcomes o ON o.visit_id = v.id
  WHERE v.visit_date >= '${WEEK.start}' AND o.kind = 'cash' AND NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = v.uid)
  GROUP BY o.loan_id),
rl AS MATERIALIZED (
  SELECT ln.household_id, ln.loan_id, coalesce(s.as_of, ln.balance_as_of) AS as_of,
         coalesce(s.principal_fen, ln.principal_fen) AS p, coalesce(s.interest_fen, ln.interest_fen) AS i
  FROM ln LEFT JOIN ledger_statements s ON s.id = coalesce(
    (SELECT e.id FROM effective_statements e WHERE e.loan_id = ln.loan_id AND e.as_of <= '${WEEK.start}' ORDER BY e.as_of DESC LIMIT 1),
    (SELECT e.id FROM effective_statements e WHERE e.loan_id = ln.loan_id ORDER BY e.as_of LIMIT 1))
  WHERE NOT ln.cached),
pd AS (
  SELECT rl.loan_id,
         sum(CASE WHEN pv.visit_date < '${WEEK.start}' AND (pp.posted_on IS NULL OR pp.posted_on > rl.as_of) THEN o.principal_fen
                  WHEN pv.visit_date >= '${WEEK.start}' AND pp.posted_on <= rl.as_of THEN -o.principal_fen ELSE 0 END) AS dp,
         sum(CASE WHEN pv.visit_date < '${WEEK.start}' AND (pp.interest_posted_on IS NULL OR pp.interest_posted_on > rl.as_of) THEN o.interest_fen
                  WHEN pv.visit_date >= '${WEEK.start}' AND pp.interest_posted_on <= rl.as_of THEN -o.interest_fen ELSE 0 END) AS di
  FROM rl CROSS JOIN visit_outcomes o ON o.loan_id = rl.loan_id AND o.kind = 'cash' CROSS JOIN visits pv ON pv.id = o.visit_id
  LEFT JOIN payment_postings pp ON pp.outcome_id = o.id
  WHERE NOT EXISTS (SELECT 1 FROM visit_voids x WHERE x.visit_uid = pv.uid) GROUP BY rl.loan_id),
lb AS MATERIALIZED (
  SELECT ln.household_id, ln.loan_id, ln.cp + ifnull(sc.p, 0) AS p, ln.ci + ifnull(sc.i, 0) AS i FROM ln LEFT JOIN since sc ON sc.loan_id = ln.loan_id WHERE ln.cached
  UNION ALL
  SELECT rl.household_id, rl.loan_id, rl.p - ifnull(pd.dp, 0) AS p, rl.i - ifnull(pd.di, 0) AS i FROM rl LEFT JOIN pd ON pd.loan_id = rl.loan_id),
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
       (SELECT ifnull(sum(unposted), 0) FROM wo WHERE kind = 'cash') AS cash_unposted_fen,
       (SELECT count(DISTINCT household_id) FROM intents) AS intent_households,
       (SELECT ifnull(sum(lb.p), 0) FROM lb WHERE EXISTS (SELECT 1 FROM intents i WHERE i.household_id = lb.household_id AND (i.loan_id IS NULL OR i.loan_id = lb.loan_id))) AS intent_principal_fen,
       (SELECT count(DISTINCT household_id) FROM wo WHERE kind = 'statute-expired') AS statute_expired;
`;
const sqlFile = path.join(path.dirname(file), 'report-aggregate.sql');
fs.writeFileSync(sqlFile, `.mode json\n${SQL}`);

// Where the app's time goes: the report's own modules in this process on a read-only connection, every statement
// timed (best of three) with its query plan, then the builder and the JSON renderer.
const { weekFacts } = await import(dist('db/weekly.js'));
const { buildWeeklyReport } = await import(dist('report/buildWeeklyReport.js'));
const { weeklyRenderers } = await import(dist('format/weeklyReport.js'));
function profile() {
  const db = new Database(file, { readonly: true });
  const townshipId = db.prepare(`SELECT id FROM townships WHERE name = ?`).pluck().get(TOWNSHIP);
  const statements = [];
  const prepare = db.prepare.bind(db);
  db.prepare = (sql) => {
    const st = prepare(sql);
    const all = st.all.bind(st);
    st.all = (...params) => {
      const t = performance.now();
      const rows = all(...params);
      const ms = performance.now() - t;
      const seen = statements.find((s) => s.sql === sql);
      if (seen) seen.ms = Math.min(seen.ms, ms);
      else statements.push({ sql, ms, rows: rows.length, plan: prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) });
      return rows;
    };
    return st;
  };
  const scope = { start: WEEK.start, end: WEEK.end, townshipId };
  let facts;
  let total = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    facts = weekFacts(db, scope);
    total = Math.min(total, performance.now() - t);
  }
  db.close();
  const t1 = performance.now();
  const report = buildWeeklyReport({ week: WEEK, scope: { township: TOWNSHIP, officer: null }, facts, nextWeek: { start: '2026-11-16', end: '2026-11-22', promisesDue: [], township: null } });
  const buildMs = performance.now() - t1;
  const t2 = performance.now();
  const json = weeklyRenderers.json(report, { lang: 'en', color: false, trace: false, ascii: false, width: 80, today: TODAY, letterhead: null });
  const renderMs = performance.now() - t2;
  return { statements, total, buildMs, renderMs, jsonBytes: String(json).length, sizes: Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v.length])) };
}
const prof = profile();
const planText = (plan) => {
  const depth = new Map([[0, 0]]);
  return plan.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `      ${'  '.repeat(d - 1)}${r.detail}`;
  });
};

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

const env = { ...process.env, TZ: 'Asia/Shanghai', NO_COLOR: '1', FIELDVISIT_TODAY: TODAY, LANG: 'en_US.UTF-8' };
const appArgs = [path.join(ROOT, 'bin', 'fieldvisit.js'), '--db', file, 'report', 'weekly', '--township', TOWNSHIP, '--week', WEEK.iso, '--format', 'json'];
const shellArgs = ['-readonly', file, `.read ${sqlFile}`];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loadBefore = os.loadavg();
// One warm-up each (page cache, and the first open of the file), then the timed runs alternating.
timed(process.execPath, appArgs, env);
timed(SHELL, shellArgs, env);
const app = [];
const shell = [];
for (let i = 0; i < runs; i++) {
  app.push(timed(process.execPath, appArgs, env));
  shell.push(timed(SHELL, shellArgs, env));
}
const loadAfter = os.loadavg();

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
  cash_unposted_fen: report.cash.unposted_fen,
  intent_households: report.intent.households,
  intent_principal_fen: report.intent.principal_fen,
  statute_expired: report.statute_expired.households,
};
const mismatch = Object.keys(mine).filter((k) => mine[k] !== agg[k]);

const appMs = median(app.map((r) => r.ms));
const shellMs = median(shell.map((r) => r.ms));
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`report weekly bench: ${LOANS.toLocaleString()} loans, ${(LOANS * 5).toLocaleString()} visits; ${TOWNSHIP} ${WEEK.iso}; node ${process.version}, ${os.cpus().length} CPU(s)`);
console.log(`load average (1, 5, 15 min): ${load(loadBefore)} before the timed runs, ${load(loadAfter)} after`);
console.log(`\nwhere the app's time goes (in this process, read-only connection, best of 3):`);
for (const s of prof.statements) {
  const first = s.sql.replace(/\s+/g, ' ').trim().slice(0, 90);
  console.log(`  ${s.ms.toFixed(1).padStart(8)} ms  ${String(s.rows).padStart(7)} rows  ${first}…`);
  for (const line of planText(s.plan)) console.log(line);
}
console.log(`  ${prof.total.toFixed(1).padStart(8)} ms  all of weekFacts (${Object.entries(prof.sizes).map(([k, n]) => `${k} ${n}`).join(', ')})`);
console.log(`  ${prof.buildMs.toFixed(1).padStart(8)} ms  buildWeeklyReport`);
console.log(`  ${prof.renderMs.toFixed(1).padStart(8)} ms  JSON renderer (${(prof.jsonBytes / 1e6).toFixed(1)} MB)`);
console.log(`\nfigures (the report's totals = the shell's): ${JSON.stringify(mine)}`);
console.log(`  fieldvisit report weekly --format json : ${fmt(appMs)} median of ${runs} (min ${fmt(Math.min(...app.map((r) => r.ms)))}), peak memory ${app[0].rssMb?.toFixed(0) ?? '?'} MB`);
console.log(`  sqlite3 shell, one SQL query           : ${fmt(shellMs)} median of ${runs} (min ${fmt(Math.min(...shell.map((r) => r.ms)))}), peak memory ${shell[0].rssMb?.toFixed(0) ?? '?'} MB`);
console.log(`  ratio fieldvisit / sqlite3             : ${(appMs / shellMs).toFixed(2)}x (min over min ${(Math.min(...app.map((r) => r.ms)) / Math.min(...shell.map((r) => r.ms))).toFixed(2)}x)`);
console.log(`  targets: under 1 s ${appMs < 1000 ? 'met' : 'MISSED'}; within 1.2x of the shell ${appMs / shellMs <= 1.2 ? 'met' : 'MISSED'}`);
if (mismatch.length) {
  console.log(`  MISMATCH between the report and the SQL aggregate: ${mismatch.map((k) => `${k} ${mine[k]} ≠ ${agg[k]}`).join(', ')}`);
  process.exitCode = 1;
} else console.log('  check: the report and the SQL aggregate agree on every figure');
