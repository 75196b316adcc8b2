// Bench: `fieldvisit merge` of a changes bundle of 50,000 visits (VISITS=…) into the generated database of
// 1,000,000 loans (LOANS=200000 for a quicker run), then the same bundle again: wall time and peak memory of each,
// the ratio, and the load. Target: the re-merge costs under a tenth of the first merge.
// The bundle is made the way a laptop makes one: a copy of the database given its own identity and key (another
// laptop with the same roster), `fieldvisit import visits` of a generated CSV on it, then `fieldvisit export --since`.
// It is cached beside the database; each run merges into a fresh copy that trusts the laptop's key (`trust add`).
// Usage: npm run bench:merge [-- --fresh]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, TODAY, benchDbFile, ensureBenchDb } from './benchDb.mjs';

const LOANS = Number(process.env.LOANS ?? 1_000_000);
const VISITS = Number(process.env.VISITS ?? 50_000);
// Bump when the generated bundle changes.
const BUNDLE_VERSION = '1';
const fresh = process.argv.includes('--fresh');
const file = await ensureBenchDb(LOANS, { fresh });
const dir = path.join(path.dirname(benchDbFile(LOANS)), `merge-${LOANS}`);
fs.mkdirSync(dir, { recursive: true });
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const env = { ...process.env, TZ: 'Asia/Shanghai', NO_COLOR: '1', FIELDVISIT_TODAY: TODAY, LANG: 'en_US.UTF-8' };
const BIN = path.join(ROOT, 'bin', 'fieldvisit.js');

function fv(db, args, { timed = false } = {}) {
  const cmd = [BIN, '--db', db, ...args];
  const full = timed && TIME ? [TIME, ['-f', '__MAXRSS_KB=%M __CPU=%U %S', process.execPath, ...cmd]] : [process.execPath, cmd];
  const load = os.loadavg()[0];
  const t = performance.now();
  const r = spawnSync(full[0], full[1], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`fieldvisit ${args.join(' ')} → ${r.status}\n${r.stderr}`);
  const mb = Number(/__MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  // CPU seconds (user + system): what the run itself cost, less sensitive than wall time to other work on the machine.
  const cpu = /__CPU=([\d.]+) ([\d.]+)/.exec(r.stderr);
  const cpuMs = cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN;
  return { ms, mb, cpuMs, load, stdout: r.stdout, stderr: r.stderr };
}

function copyDb(from, to) {
  for (const s of ['', '-wal', '-shm']) fs.rmSync(to + s, { force: true });
  fs.copyFileSync(from, to);
}

/** The laptop's bundle: VISITS visits over the whole roster, recorded with `import visits`, exported with `export --since`. */
async function ensureBundle() {
  const bundle = path.join(dir, `visits-${VISITS}.fvb`);
  const stamp = bundle + '.version';
  const ro = new Database(file, { readonly: true });
  const key = `${BUNDLE_VERSION} ${ro.prepare(`SELECT value FROM meta WHERE key = 'database_id'`).pluck().get()}`;
  ro.close();
  if (!fresh && fs.existsSync(bundle) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key) {
    process.stderr.write(`Reusing ${bundle}\n`);
    return bundle;
  }
  const t0 = performance.now();
  const laptop = path.join(dir, 'laptop.db');
  copyDb(file, laptop);
  // Another laptop with the same roster: its own database id and signing key.
  const db = new Database(laptop);
  db.prepare(`DELETE FROM meta WHERE key IN ('database_id', 'created_at', 'signing_private_key', 'signing_public_key')`).run();
  const { ensureSigningKey } = await import(path.join(ROOT, 'dist', 'db', 'keys.js'));
  ensureSigningKey(db);
  // Cash goes to loans that owe enough for it (the import refuses cash beyond what a loan owes).
  const owing = db.prepare(`SELECT l.loan_no FROM loan_balances b JOIN loans l ON l.id = b.loan_id WHERE b.principal_fen >= 100000 AND b.interest_fen >= 10000 ORDER BY l.id`).pluck().all();
  db.close();
  // Visits over the last seven weeks, on loans spread over the whole roster: cash (a third, so balances are
  // recomputed), notices signed, notices not signed.
  const rows = ['visit_id,visit_date,loan_no,officer,outcome,principal_paid,interest_paid,reason'];
  const first = Date.parse('2026-10-05T00:00:00Z');
  for (let i = 1; i <= VISITS; i++) {
    const h = (i * 2654435761) % 4294967296;
    const date = new Date(first + (i % 49) * 86_400_000).toISOString().slice(0, 10);
    const officer = `员${(i % 20) + 1}`;
    const k = i % 3;
    const outcome = k === 0 ? `cash,${100 + (i % 400)},${i % 50},` : k === 1 ? 'notice-signed,,,' : 'not-signed,,,away';
    const loanNo = k === 0 ? owing[h % owing.length] : `BL${String((h % LOANS) + 1).padStart(8, '0')}`;
    rows.push(`B-${String(i).padStart(7, '0')},${date},${loanNo},${officer},${outcome}`);
  }
  const csv = path.join(dir, 'visits.csv');
  fs.writeFileSync(csv, rows.join('\n') + '\n');
  // Everything else in the database was recorded on or before TODAY; the import is recorded now (the real clock).
  const since = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  fv(laptop, ['import', 'visits', csv]);
  const tmp = bundle + '.tmp.fvb';
  const e = JSON.parse(fv(laptop, ['export', '--since', since, '--out', tmp, '--json']).stdout);
  if (e.counts.visits !== VISITS) throw new Error(`the bundle holds ${e.counts.visits} visits, not ${VISITS}`);
  fs.renameSync(tmp, bundle);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(laptop + s, { force: true });
  fs.rmSync(csv, { force: true });
  fs.writeFileSync(stamp, key);
  process.stderr.write(`Made ${bundle} (${(fs.statSync(bundle).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return bundle;
}

const bundle = await ensureBundle();
const target = path.join(dir, 'target.db');
copyDb(file, target);
fv(target, ['trust', 'add', bundle, '--label', 'bench laptop', '--yes']);

console.log(
  `merge bench: ${VISITS.toLocaleString()} visits into ${LOANS.toLocaleString()} loans / ${(LOANS * 5).toLocaleString()} visits; ${os.cpus().length} cores; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`,
);
const one = fv(target, ['merge', bundle, '--json'], { timed: true });
const s1 = JSON.parse(one.stdout)[0];
if (s1.added.visits !== VISITS) throw new Error(`the first merge added ${s1.added.visits} visits, not ${VISITS}`);
const line = (label, r) => `  ${label.padEnd(13)} ${r.ms.toFixed(0).padStart(7)} ms (CPU ${r.cpuMs.toFixed(0).padStart(6)} ms)  ${r.mb.toFixed(0).padStart(5)} MB  (load ${r.load.toFixed(2)})`;
console.log(`${line('first merge', one)}  added ${s1.added.visits} visits`);
const two = fv(target, ['merge', bundle, '--json'], { timed: true });
const s2 = JSON.parse(two.stdout)[0];
if (!s2.already_merged || Object.values(s2.added).some((n) => n !== 0)) throw new Error(`the re-merge was not a no-op: ${two.stdout}`);
console.log(`${line('re-merge', two)}  already merged on ${s2.merged_before}`);
const ratio = two.ms / one.ms;
console.log(`  re-merge / first merge: ${ratio.toFixed(3)} (CPU ${(two.cpuMs / one.cpuMs).toFixed(3)})  target < 0.1: ${ratio < 0.1 ? 'met' : 'MISSED'}`);
console.log(`  load at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
