// Bench: report limitation (CSV and JSON to a file), agenda --limit 20 and report aging on the generated database
// (1,000,000 loans, 5,000,000 visits by default; LOANS=200000 for a quicker run): wall time and peak memory of each, with the load.
// Usage: npm run bench:reports [-- --fresh]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, TODAY, ensureBenchDb } from './benchDb.mjs';

const LOANS = Number(process.env.LOANS ?? 1_000_000);
const file = await ensureBenchDb(LOANS, { fresh: process.argv.includes('--fresh') });
const out = path.join(os.tmpdir(), 'fieldvisit-bench');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const env = { ...process.env, TZ: 'Asia/Shanghai', NO_COLOR: '1', FIELDVISIT_TODAY: TODAY, LANG: 'en_US.UTF-8' };

function run(label, args, target) {
  const cmd = [path.join(ROOT, 'bin', 'fieldvisit.js'), '--db', file, ...args];
  const full = TIME ? [TIME, ['-f', '__MAXRSS_KB=%M __CPU_S=%U+%S', process.execPath, ...cmd]] : [process.execPath, cmd];
  const load = os.loadavg()[0];
  const t = performance.now();
  const r = spawnSync(full[0], full[1], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} → ${r.status}\n${r.stderr}`);
  const mb = Number(/__MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  // CPU seconds (user + system): on a machine shared with other work the wall time says less than this.
  const cpu = /__CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  const cpuS = cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN;
  const ok = s < target.s && (target.mb === undefined || mb < target.mb);
  const verdict = target.s === undefined ? '(no target)' : `target < ${target.s} s${target.mb ? `, < ${target.mb} MB` : ''}: ${ok ? 'met' : 'MISSED'}`;
  console.log(`  ${label.padEnd(44)} ${s.toFixed(1).padStart(6)} s (CPU ${cpuS.toFixed(1)} s)  ${mb.toFixed(0).padStart(5)} MB  (load ${load.toFixed(2)})  ${verdict}`);
}

console.log(`reports bench: ${LOANS.toLocaleString()} loans, ${(LOANS * 5).toLocaleString()} visits; ${os.cpus().length} cores; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
run('report limitation --out x.csv', ['report', 'limitation', '--out', path.join(out, 'limitation.csv')], { s: 15, mb: 300 });
run('report limitation --json --out x.json', ['report', 'limitation', '--json', '--out', path.join(out, 'limitation.json')], { s: 15, mb: 300 });
console.log(`    (output: CSV ${(fs.statSync(path.join(out, 'limitation.csv')).size / 1e6).toFixed(0)} MB, JSON ${(fs.statSync(path.join(out, 'limitation.json')).size / 1e6).toFixed(0)} MB)`);
run('agenda --limit 20 --json', ['agenda', '--limit', '20', '--json'], { s: 5 });
run('report aging --json', ['report', 'aging', '--json'], { s: 3 });
// One township of the twenty (about 50,000 loans), as an officer asks for it: the queries are driven by its loans
// (src/db/limitation.ts clockScopeIsFew) and read through a memory map, so resident memory counts mapped file pages.
run('agenda --township 测试镇07 --limit 20 --json', ['agenda', '--township', '测试镇07', '--limit', '20', '--json'], {});
run('report limitation --township 测试镇07 --out x.csv', ['report', 'limitation', '--township', '测试镇07', '--out', path.join(out, 'limitation-township.csv')], {});
console.log(`  load at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
